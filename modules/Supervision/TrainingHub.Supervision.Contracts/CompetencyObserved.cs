using TrainingHub.SharedKernel.Events;

namespace TrainingHub.Supervision.Contracts;

/// <summary>
/// In a supervision, coaching or mentoring meeting the leader observed the person practise a competency and recorded
/// it, so that it counts as evidence of that competency. Published with the observation.
/// </summary>
/// <param name="Note">What was observed, in the observer's words: it becomes the evidence's note.</param>
[IntegrationEvent("Supervision.CompetencyObserved")]
public sealed record CompetencyObserved(
    Guid ObservationId, Guid PersonId, Guid CompetencyLineageId, Guid ObserverId, DateOnly MeetingDate, string Note, DateTimeOffset ObservedAt);
