using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.Supervision.Assignments;

namespace TrainingHub.Supervision.Mentoring;

internal enum GoalStatus
{
    Open,
    Achieved,
    Dropped,
}

/// <summary>
/// Something a mentee means to reach with their mentor's help, by a target date. Either of the pair proposes one and
/// either marks it achieved; only the mentor drops one, saying why. Goals change only while the pair is current. What a
/// person is working on in their practice is sensitive.
/// </summary>
[SensitiveData]
internal sealed class MentoringGoal : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The mentor assignment that is the pair.</summary>
    public Guid AssignmentId { get; set; }

    public Guid UnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    public string Text { get; set; } = "";

    public DateOnly? TargetOn { get; set; }

    public GoalStatus Status { get; set; }

    public Guid ProposedBy { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    /// <summary>Who marked it achieved or dropped it, and when.</summary>
    public Guid? ClosedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? DropReason { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public static Result<MentoringGoal> Propose(Assignment pair, GoalInput input, Guid by, DateOnly today, DateTimeOffset now)
    {
        if (CheckChangeable(pair, by, today) is { } error)
        {
            return error;
        }
        var errors = MentoringRules.CheckGoal(input, today);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        return new MentoringGoal
        {
            AssignmentId = pair.Id, UnitId = pair.UnitId, Text = input.Text!.Trim(), TargetOn = input.TargetOn,
            ProposedBy = by, ProposedAt = now,
        };
    }

    /// <summary>Either of the pair marks an open goal reached.</summary>
    public Result Achieve(Assignment pair, Guid by, DateOnly today, DateTimeOffset now)
    {
        if ((CheckChangeable(pair, by, today) ?? CheckOpen()) is { } error)
        {
            return error;
        }
        (Status, ClosedBy, ClosedAt) = (GoalStatus.Achieved, by, now);
        return Result.Success();
    }

    /// <summary>The mentor drops an open goal that no longer fits, with a reason the mentee reads.</summary>
    public Result Drop(Assignment pair, string? reason, Guid by, DateOnly today, DateTimeOffset now)
    {
        if ((CheckChangeable(pair, by, today) ?? CheckOpen()) is { } error)
        {
            return error;
        }
        if (by != pair.AssigneeId)
        {
            return Error.Forbidden;
        }
        var clean = MentoringRules.Clean(reason);
        if (clean is null)
        {
            return Error.Validation(nameof(DropReason), "Mentoring:Error:ReasonRequired");
        }
        if (clean.Length > MentoringRules.MaxReasonLength)
        {
            return Error.Validation(nameof(DropReason), "Mentoring:Error:TooLong", MentoringRules.MaxReasonLength);
        }
        (Status, ClosedBy, ClosedAt, DropReason) = (GoalStatus.Dropped, by, now, clean);
        return Result.Success();
    }

    private Error? CheckOpen() => Status == GoalStatus.Open ? null : Error.Rule("Mentoring:Error:GoalClosed");

    /// <summary>Only the two change goals, and only while the pair is current: an ended pair's goals are its record.</summary>
    private static Error? CheckChangeable(Assignment pair, Guid by, DateOnly today) =>
        !MentoringRules.IsParty(pair, by) ? Error.NotFound
        : !pair.IsCurrentOn(today) ? Error.Rule("Mentoring:Error:NotCurrent")
        : null;
}
