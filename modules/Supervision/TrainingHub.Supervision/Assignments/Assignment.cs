using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.Supervision.Assignments;

/// <summary>What an assigned person is to the one they work with.</summary>
internal enum AssignmentRole
{
    Supervisor,
    Mentor,
    Coach,
}

/// <summary>
/// Someone assigned to work with a person for a period: their supervisor (one at a time), a mentor (several may be) or
/// their coach (one at a time). Who works with whom is ordinary data; what they talk about is not kept here.
/// </summary>
[OrdinaryData]
internal sealed class Assignment : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The person supported.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The supervisor, mentor or coach.</summary>
    public Guid AssigneeId { get; set; }

    public AssignmentRole Role { get; set; }

    /// <summary>The person's home unit when the assignment was made: whoever manages assignments there or above sees it.</summary>
    public Guid UnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    public DateOnly StartsOn { get; set; }

    /// <summary>The last day of the assignment; open-ended when null.</summary>
    public DateOnly? EndsOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsCurrentOn(DateOnly day) => StartsOn <= day && (EndsOn is null || day <= EndsOn);

    /// <summary>Whether the assignment shares a day with the period from <paramref name="start"/> to <paramref name="end"/> (open when null).</summary>
    public bool Overlaps(DateOnly start, DateOnly? end) => StartsOn <= (end ?? DateOnly.MaxValue) && start <= (EndsOn ?? DateOnly.MaxValue);

    /// <summary>Ends the assignment after <paramref name="lastDay"/>: not before it started, and never later than it already ends.</summary>
    public Result End(DateOnly lastDay)
    {
        if (lastDay < StartsOn)
        {
            return Error.Validation(nameof(EndsOn), "Assignments:Error:EndBeforeStart");
        }
        if (EndsOn is { } ends && ends <= lastDay)
        {
            return Error.Rule("Assignments:Error:AlreadyEnded");
        }
        EndsOn = lastDay;
        return Result.Success();
    }
}
