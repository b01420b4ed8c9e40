namespace TrainingHub.SharedKernel.Security;

/// <summary>
/// A permission a module declares in its contracts. Its display name is the localisation key
/// <c>Permission:{Name}</c> in the declaring module's resource.
/// </summary>
/// <param name="GrantedByDefaultTo">Built-in roles that hold the permission when they are first created.</param>
public sealed record PermissionDefinition(string Name, Type Resource, params string[] GrantedByDefaultTo)
{
    public string DisplayKey => $"Permission:{Name}";

    /// <summary>
    /// Administrator-level: it reaches people's rights or data across the installation (roles, the audit trail, the job
    /// dashboard), so whoever holds it at any unit must sign in with a second factor.
    /// </summary>
    public bool IsAdministrative { get; init; }
}

/// <summary>The roles every installation starts with; administrators can change their permission sets.</summary>
public static class BuiltInRoles
{
    public const string Administrator = "Administrator";
    public const string Coordinator = "Coordinator";
    public const string Supervisor = "Supervisor";
    public const string Mentor = "Mentor";
    public const string Learner = "Learner";

    public static IReadOnlyList<string> All { get; } = [Administrator, Coordinator, Supervisor, Mentor, Learner];

    /// <summary>Every role, for permissions that any signed-in member of the workforce holds.</summary>
    public static string[] Everyone => [.. All];
}
