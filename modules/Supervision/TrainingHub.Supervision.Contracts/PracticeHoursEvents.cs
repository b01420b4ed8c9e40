using TrainingHub.SharedKernel.Events;

namespace TrainingHub.Supervision.Contracts;

/// <summary>
/// A supervisor (or an administrator) approved a practice-hours entry. Published with the approval, so other modules
/// (competency evidence) count the hours once they are signed; the description stays in supervision.
/// </summary>
/// <param name="CompetencyLineageId">The competency the entry names as practised, if any.</param>
/// <param name="ActivityName">The activity type's Ukrainian name when approved, for titles.</param>
[IntegrationEvent("Supervision.PracticeHoursApproved")]
public sealed record PracticeHoursApproved(
    Guid EntryId, Guid PersonId, Guid? CompetencyLineageId, DateOnly Date, decimal Hours, string ActivityName, Guid ApprovedById,
    DateTimeOffset ApprovedAt);

/// <summary>An approval was withdrawn: the hours no longer count, and what was taken from their approval should go.</summary>
[IntegrationEvent("Supervision.PracticeHoursApprovalWithdrawn")]
public sealed record PracticeHoursApprovalWithdrawn(Guid EntryId, Guid PersonId, Guid? CompetencyLineageId, Guid WithdrawnById, DateTimeOffset WithdrawnAt);
