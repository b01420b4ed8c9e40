namespace TrainingHub.Supervision.Sessions;

/// <summary>The scheduling form: what kind of meeting, with whom, and when.</summary>
internal sealed class ScheduleInput
{
    public SessionKind Kind { get; set; }

    public List<Guid> ParticipantIds { get; set; } = [];

    public SessionTimes Times { get; set; } = new();
}

/// <summary>A meeting as the signed-in person's list shows it; <see cref="Leading"/> when they lead it.</summary>
internal sealed record SessionRow(
    Guid Id, SessionKind Kind, DateTimeOffset StartsAt, int DurationMinutes, string? Place, string? VideoLink, SessionStatus Status,
    string? CancelReason, string LeaderName, IReadOnlyList<ParticipantChoice> Participants, bool Leading, Guid Version)
{
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);

    public IReadOnlyList<string> ParticipantNames => [.. Participants.Select(p => p.FullName)];
}

/// <summary>Someone the signed-in person may hold a meeting of a kind with.</summary>
internal sealed record ParticipantChoice(Guid PersonId, string FullName);
