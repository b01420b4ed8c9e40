using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.Wellbeing.Rounds;

/// <summary>
/// One round of a schedule: open for a week from <see cref="OpensAt"/> to the people invited when it opened, whose
/// group (unit and position) is fixed then, whatever changes later.
/// </summary>
[OrdinaryData]
internal sealed class CheckInRound
{
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(7);

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ScheduleId { get; set; }

    /// <summary>The schedule's unit.</summary>
    public Guid UnitId { get; set; }

    public required string InstrumentCode { get; set; }

    /// <summary>The day (Kyiv) it opened, once per schedule.</summary>
    public DateOnly OpensOn { get; set; }

    public DateTimeOffset OpensAt { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;
}

internal enum InvitationState
{
    Invited,
    Answering,
    Answered,
    Skipped,

    /// <summary>Answered, then the person deleted their answers (or they passed the retention period).</summary>
    Deleted,
}

/// <summary>
/// A person invited to a round, with their group as it was when the round opened. Which answers are theirs is kept only
/// here and shown to them alone: the entity is anonymous data, so nothing recorded about it names them.
/// </summary>
[AnonymousData]
internal sealed class RoundInvitation
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid RoundId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The person's home unit when the round opened.</summary>
    public Guid UnitId { get; set; }

    public Guid? PositionTypeId { get; set; }

    public InvitationState State { get; set; }

    /// <summary>Their answers, once they have begun.</summary>
    public Guid? ResponseId { get; set; }

    /// <summary>When their invitation and reminders were handed to the notifications module; null until then.</summary>
    public DateTimeOffset? RemindersPlannedAt { get; set; }
}
