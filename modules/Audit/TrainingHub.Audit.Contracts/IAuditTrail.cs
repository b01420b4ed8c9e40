namespace TrainingHub.Audit.Contracts;

/// <summary>
/// Where modules record what happened beyond entity changes (those are recorded on their own when a module context
/// saves): sign-ins, failed sign-ins, permission changes, imports and exports. Records cannot be changed afterwards.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    Task RecordAsync(IReadOnlyCollection<AuditEvent> auditEvents, CancellationToken cancellationToken = default);
}

/// <summary>
/// One thing that happened. <see cref="Actor"/> is the acting person when left empty (nobody, meaning the system,
/// in a background job).
/// </summary>
public sealed record AuditEvent(string Action)
{
    public AuditActor? Actor { get; init; }

    public string? Module { get; init; }

    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    public Guid? UnitId { get; init; }

    /// <summary>A short description in no particular language (an e-mail address, a file name, a count).</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<AuditFieldChange> Changes { get; init; } = [];
}

public sealed record AuditActor(Guid? Id, string Name);

/// <summary>A field that changed. A redacted change says that the field changed, never its values.</summary>
public sealed record AuditFieldChange(string Field, string? From, string? To, bool Redacted = false);

/// <summary>The actions the trail knows; the audit page offers them as a filter.</summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string Changed = "changed";
    public const string Deleted = "deleted";
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignedOut = "signed-out";
    public const string PermissionsChanged = "permissions-changed";
    public const string Imported = "imported";
    public const string Exported = "exported";

    public static IReadOnlyList<string> All { get; } =
        [Created, Changed, Deleted, SignedIn, SignInFailed, SignedOut, PermissionsChanged, Imported, Exported];
}
