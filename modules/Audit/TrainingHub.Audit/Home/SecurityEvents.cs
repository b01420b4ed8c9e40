using System.Linq.Expressions;
using TrainingHub.Audit.Contracts;
using TrainingHub.Audit.Domain;
using TrainingHub.Audit.Services;

namespace TrainingHub.Audit.Home;

internal enum SecurityEventKind
{
    SignInFailed,
    LockedOut,
    PermissionsChanged,
    TwoFactorChanged,
    ApiTokenChanged,
}

/// <summary>
/// Which entries of the trail an administrator should look at for the accounts' safety. Accounts records failed sign-ins
/// (a lock-out among them) and permission changes as events; two-factor and lock-out changes show as changed fields of the
/// account, and API tokens as their own records. Role assignments are left out: each also gives a permission-change event.
/// </summary>
internal static class SecurityEvents
{
    private const string Account = "ApplicationUser";
    private const string ApiToken = "ApiToken";
    private const string TwoFactorField = "\"TwoFactorEnabled\"";
    private const string LockoutField = "\"LockoutEnd\"";

    public static Expression<Func<AuditEntry, bool>> Entries { get; } = e =>
        e.Action == AuditActions.SignInFailed
        || e.Action == AuditActions.PermissionsChanged
        || e.EntityType == ApiToken
        || (e.EntityType == Account && e.Action == AuditActions.Changed && e.Changes != null
            && (e.Changes.Contains(TwoFactorField) || e.Changes.Contains(LockoutField)));

    public static SecurityEventKind KindOf(AuditRow row) => row switch
    {
        { Action: AuditActions.SignInFailed } when row.Summary?.EndsWith("locked out", StringComparison.Ordinal) == true => SecurityEventKind.LockedOut,
        { Action: AuditActions.SignInFailed } => SecurityEventKind.SignInFailed,
        { Action: AuditActions.PermissionsChanged } => SecurityEventKind.PermissionsChanged,
        { EntityType: ApiToken } => SecurityEventKind.ApiTokenChanged,
        _ when row.Changes.Any(c => c.Field == "TwoFactorEnabled") => SecurityEventKind.TwoFactorChanged,
        _ => SecurityEventKind.LockedOut,
    };

    /// <summary>The audit page filtered to entries of the same kind by the same person.</summary>
    public static string Href(AuditRow row)
    {
        var filter = KindOf(row) switch
        {
            SecurityEventKind.ApiTokenChanged => $"entity={ApiToken}",
            SecurityEventKind.PermissionsChanged => $"action={AuditActions.PermissionsChanged}",
            _ when row.Action == AuditActions.SignInFailed => $"action={AuditActions.SignInFailed}",
            _ => $"action={AuditActions.Changed}&entity={Account}",
        };
        return row.ActorName is { } person ? $"audit?{filter}&person={Uri.EscapeDataString(person)}" : $"audit?{filter}";
    }
}
