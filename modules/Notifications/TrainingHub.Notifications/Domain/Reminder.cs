using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Notifications.Domain;

/// <summary>
/// One planned reminder: a notification to send at <see cref="SendAtUtc"/>. Sending claims the row by its version,
/// so of two job runs that find it due only one sends it.
/// </summary>
internal sealed class Reminder : IHasVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public required string ThingType { get; set; }

    public Guid ThingId { get; set; }

    public DateTime DueAtUtc { get; set; }

    /// <summary>The offset from the due time this reminder was planned for, in minutes (negative: before).</summary>
    public int OffsetMinutes { get; set; }

    public DateTime SendAtUtc { get; set; }

    public required string Category { get; set; }

    public required string MessageKey { get; set; }

    public string Arguments { get; set; } = "[]";

    public string? Link { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public Guid Version { get; set; }
}
