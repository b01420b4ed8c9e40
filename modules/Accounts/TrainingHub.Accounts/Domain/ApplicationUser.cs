using Microsoft.AspNetCore.Identity;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Accounts.Domain;

internal sealed class ApplicationUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";

    /// <summary>The language messages to this person are written in.</summary>
    public string PreferredCulture { get; set; } = Cultures.Default;
}

internal sealed class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole()
    {
    }

    public ApplicationRole(string name) : base(name)
    {
    }
}

/// <summary>A person holds a role at an organisation unit and everything under it, or everywhere when <see cref="UnitId"/> is null.</summary>
internal sealed class RoleAssignment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public Guid RoleId { get; set; }
    public Guid? UnitId { get; set; }
}

/// <summary>
/// A permission the installation has already handed to its default roles. New permissions (a new module)
/// are granted once; an administrator who later takes one away does not get it back on restart.
/// </summary>
internal sealed class KnownPermission
{
    public required string Name { get; set; }
}
