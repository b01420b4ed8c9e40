namespace TrainingHub.Audit.Domain;

/// <summary>One recorded event. Rows are only ever added: the context refuses changes and deletions, and so does the database.</summary>
internal sealed class AuditEntry
{
    public const int MaxNameLength = 200;
    public const int MaxSummaryLength = 500;

    public Guid Id { get; init; } = Guid.NewGuid();

    public DateTime AtUtc { get; init; }

    public required string Action { get; init; }

    /// <summary>Nobody for the system (a background job).</summary>
    public Guid? ActorId { get; init; }

    public string? ActorName { get; init; }

    /// <summary>Upper-cased name of the actor, for searching.</summary>
    public string? ActorSearch { get; init; }

    public string? Module { get; init; }

    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    public Guid? UnitId { get; init; }

    public string? Summary { get; init; }

    /// <summary>The changed fields as JSON: a list of {field, from, to, redacted}.</summary>
    public string? Changes { get; init; }
}
