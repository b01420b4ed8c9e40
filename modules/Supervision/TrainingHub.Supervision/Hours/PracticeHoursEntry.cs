using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.Supervision.Hours;

/// <summary>Where an entry is on its way to counting. Rejected entries are drafts again, with the reason shown.</summary>
internal enum HoursState
{
    Draft,
    Submitted,
    Approved,
    Rejected,
}

/// <summary>
/// Hours of practice a supervisee logged for one day: drafted and changed by them, submitted, then approved by their
/// supervisor (or an administrator) or rejected with a reason, after which they may change and submit it again. An
/// approved entry is locked and counts in the totals; only a reviewer withdraws the approval, with a reason, and the
/// entry is then a draft again. What was done is described in the supervisee's words, which stay out of the audit trail.
/// </summary>
[OrdinaryData]
internal sealed class PracticeHoursEntry : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The supervisee whose hours they are.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The person's home unit when the entry was logged: administrators there or above may review it.</summary>
    public Guid UnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    public DateOnly Date { get; set; }

    public decimal Hours { get; set; }

    public Guid ActivityTypeId { get; set; }

    /// <summary>Where the work took place (a family's home, a centre, a school), as the supervisee puts it.</summary>
    public string? Setting { get; set; }

    /// <summary>What was done, in the supervisee's words; it may tell of a family, so it is private to them and their reviewers.</summary>
    [SensitiveData]
    public string? Description { get; set; }

    /// <summary>The competency the hours practised (by lineage), which the approval reports them as evidence for.</summary>
    public Guid? CompetencyLineageId { get; set; }

    public HoursState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Who last approved, rejected or withdrew the approval, and when.</summary>
    public Guid? ReviewedById { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>Why the entry was rejected or its approval withdrawn; the supervisee reads it before changing the entry.</summary>
    public string? ReviewReason { get; set; }

    /// <summary>Whether the approval of this draft was withdrawn (rather than it never having been approved).</summary>
    public bool ApprovalWithdrawn { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Drafts and rejected entries are the supervisee's to change; submitted and approved ones are not.</summary>
    public bool IsEditable => State is HoursState.Draft or HoursState.Rejected;

    /// <summary>A new draft for <paramref name="personId"/>, if the input keeps to the rules.</summary>
    public static Result<PracticeHoursEntry> Log(Guid personId, Guid unitId, HoursInput input, DateOnly today, decimal otherHoursThatDay, DateTimeOffset now)
    {
        var entry = new PracticeHoursEntry { PersonId = personId, UnitId = unitId, CreatedAt = now };
        return entry.Apply(input, today, otherHoursThatDay).Failed(out var error) ? error : entry;
    }

    /// <summary>Changes a draft or a rejected entry, which becomes a draft; the reason it was sent back stays to be read.</summary>
    public Result Edit(HoursInput input, DateOnly today, decimal otherHoursThatDay)
    {
        if (!IsEditable)
        {
            return Error.Rule("Hours:Error:Locked");
        }
        if (Apply(input, today, otherHoursThatDay).Failed(out var error))
        {
            return error;
        }
        State = HoursState.Draft;
        return Result.Success();
    }

    /// <summary>Sends a draft or a rejected entry to the supervisor, after which the supervisee no longer changes it.</summary>
    public Result Submit(DateTimeOffset now)
    {
        if (!IsEditable)
        {
            return Error.Rule("Hours:Error:Locked");
        }
        State = HoursState.Submitted;
        SubmittedAt = now;
        return Result.Success();
    }

    /// <summary>Signs a submitted entry: it counts from now on and is locked. Nobody approves their own hours.</summary>
    public Result Approve(Guid reviewerId, DateTimeOffset now)
    {
        if (State != HoursState.Submitted)
        {
            return Error.Rule("Hours:Error:NotSubmitted");
        }
        if (reviewerId == PersonId)
        {
            return Error.Forbidden;
        }
        State = HoursState.Approved;
        (ReviewedById, ReviewedAt, ReviewReason, ApprovalWithdrawn) = (reviewerId, now, null, false);
        return Result.Success();
    }

    /// <summary>Sends a submitted entry back to the supervisee with the reason, for them to change and submit again.</summary>
    public Result Reject(Guid reviewerId, string? reason, DateTimeOffset now)
    {
        if (State != HoursState.Submitted)
        {
            return Error.Rule("Hours:Error:NotSubmitted");
        }
        if (reviewerId == PersonId)
        {
            return Error.Forbidden;
        }
        if (HoursRules.CheckReason(reason) is { } error)
        {
            return Error.Validation([error]);
        }
        State = HoursState.Rejected;
        (ReviewedById, ReviewedAt, ReviewReason, ApprovalWithdrawn) = (reviewerId, now, HoursRules.Clean(reason), false);
        return Result.Success();
    }

    /// <summary>Takes an approval back, with the reason: the hours stop counting and the entry is a draft again.</summary>
    public Result Withdraw(Guid reviewerId, string? reason, DateTimeOffset now)
    {
        if (State != HoursState.Approved)
        {
            return Error.Rule("Hours:Error:NotApproved");
        }
        if (reviewerId == PersonId)
        {
            return Error.Forbidden;
        }
        if (HoursRules.CheckReason(reason) is { } error)
        {
            return Error.Validation([error]);
        }
        State = HoursState.Draft;
        (ReviewedById, ReviewedAt, ReviewReason, ApprovalWithdrawn) = (reviewerId, now, HoursRules.Clean(reason), true);
        return Result.Success();
    }

    private Result Apply(HoursInput input, DateOnly today, decimal otherHoursThatDay)
    {
        var errors = HoursRules.Check(input, today, otherHoursThatDay);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        Date = input.Date!.Value;
        Hours = input.Hours!.Value;
        ActivityTypeId = input.ActivityTypeId!.Value;
        Setting = HoursRules.Clean(input.Setting);
        Description = HoursRules.Clean(input.Description);
        CompetencyLineageId = input.CompetencyLineageId;
        return Result.Success();
    }
}
