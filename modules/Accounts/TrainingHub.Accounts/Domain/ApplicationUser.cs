using TrainingHub.SharedKernel.Auditing;
using Microsoft.AspNetCore.Identity;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Accounts.Domain;

internal sealed class ApplicationUser : IdentityUser<Guid>, IAuditedInUnit
{
    public string FullName { get; set; } = "";

    /// <summary>The full name in Latin script, as in a passport or on an international certificate.</summary>
    public string? FullNameLatin { get; set; }

    /// <summary>The language messages to this person are written in.</summary>
    public string PreferredCulture { get; set; } = Cultures.Default;

    public Guid? PositionTypeId { get; set; }

    /// <summary>The organisation unit the person works in; who may see them follows from it.</summary>
    public Guid? HomeUnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => HomeUnitId;

    public DateOnly? StartDate { get; set; }

    /// <summary>A deactivated person keeps their history but cannot sign in.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Both names upper-cased, kept up to date on save, so search ignores case in Cyrillic on every database.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>The 30-second step of the last authenticator code accepted, so that no code is accepted twice.</summary>
    public long? LastAuthenticatorStep { get; set; }

    public void RefreshSearchText() => SearchText = $"{FullName} {FullNameLatin}".Trim().ToUpperInvariant();
}

/// <summary>
/// What a person does: volunteer, social assistant, case manager… Administrators can add types;
/// the built-in ones cannot be removed because role profiles refer to them.
/// </summary>
internal sealed class PositionType
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>A stable name for code and exports, such as <c>social-worker</c>.</summary>
    public required string Code { get; set; }

    public required string NameUk { get; set; }

    public required string NameEn { get; set; }

    public bool IsBuiltIn { get; set; }

    public int SortOrder { get; set; }

    /// <summary>
    /// Whether people in this position work with clients (children and families), so that questions about that work,
    /// such as the client scale of a wellbeing check-in, are put to them.
    /// </summary>
    public bool WorksWithClients { get; set; } = true;

    public string Name(bool english) => english ? NameEn : NameUk;
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
internal sealed class RoleAssignment : IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public Guid RoleId { get; set; }
    public Guid? UnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => UnitId;
}

/// <summary>
/// A permission the installation has already handed to its default roles. New permissions (a new module)
/// are granted once; an administrator who later takes one away does not get it back on restart.
/// </summary>
internal sealed class KnownPermission
{
    public required string Name { get; set; }
}

/// <summary>
/// A personal API token: a program acts as its person with it until it expires or is revoked. Only a hash of the
/// secret is kept; the secret itself is shown once, when the token is created.
/// </summary>
internal sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid UserId { get; set; }

    /// <summary>What the person calls it, such as "Monthly report script".</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the whole token, in lower-case hex.</summary>
    public required string SecretHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>
    /// The person's security stamp when the token was made. A new password, a new e-mail address, two-factor changes and
    /// "sign out everywhere" change the stamp, and so end the token with the person's sessions.
    /// </summary>
    public string SecurityStamp { get; set; } = "";
}
