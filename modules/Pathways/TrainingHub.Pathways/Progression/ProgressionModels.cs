using TrainingHub.SharedKernel.Jobs;

namespace TrainingHub.Pathways.Progression;

/// <summary>A request waiting for a coordinator, with the person's progress judged again as it is listed.</summary>
internal sealed record PendingRequest(
    Guid Id, Guid PersonId, string PersonName, string FromStage, string ToStage, DateTimeOffset RequestedAt, string RequestedBy, string? Note,
    bool StillMet, Guid Version)
{
    public DateOnly RequestedOn => DailyRuns.DayOf(RequestedAt);
}

/// <summary>The latest request towards a person's next stage, as their progress page shows it.</summary>
internal sealed record RequestState(Guid Id, RequestStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? Reason, Guid Version)
{
    public DateOnly RequestedOn => DailyRuns.DayOf(RequestedAt);

    public DateOnly? DecidedOn => DecidedAt is { } at ? DailyRuns.DayOf(at) : null;
}
