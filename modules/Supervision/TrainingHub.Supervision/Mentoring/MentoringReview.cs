using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.Supervision.Assignments;

namespace TrainingHub.Supervision.Mentoring;

/// <summary>
/// One side's end review of a mentoring pair: what went well, what next, and how far the goals were met (1 to 5).
/// Each of the two writes one once the pair has ended or ends within <see cref="MentoringRules.ReviewDays"/> days; it is
/// final once submitted, and each reads the other's only when both have submitted, so neither answers the other's.
/// </summary>
[SensitiveData]
internal sealed class MentoringReview : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AssignmentId { get; set; }

    /// <summary>The mentor or the mentee who wrote it.</summary>
    public Guid AuthorId { get; set; }

    public Guid UnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    public string WentWell { get; set; } = "";

    public string Next { get; set; } = "";

    /// <summary>How far the goals were met, from 1 (not at all) to 5 (fully).</summary>
    public int GoalsMet { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public static Result<MentoringReview> Submit(Assignment pair, ReviewInput input, Guid by, DateOnly today, DateTimeOffset now)
    {
        if (!MentoringRules.IsParty(pair, by))
        {
            return Error.NotFound;
        }
        if (!MentoringRules.ReviewIsDue(pair, today))
        {
            return Error.Rule("Mentoring:Error:ReviewNotDue");
        }
        var errors = MentoringRules.CheckReview(input);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        return new MentoringReview
        {
            AssignmentId = pair.Id, AuthorId = by, UnitId = pair.UnitId, WentWell = input.WentWell!.Trim(), Next = input.Next!.Trim(),
            GoalsMet = input.GoalsMet!.Value, SubmittedAt = now,
        };
    }
}
