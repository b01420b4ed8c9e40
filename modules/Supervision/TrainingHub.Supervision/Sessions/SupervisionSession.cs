using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.Supervision.Assignments;

namespace TrainingHub.Supervision.Sessions;

/// <summary>What a meeting is; it decides who leads it and how many take part.</summary>
internal enum SessionKind
{
    Individual,
    Group,
    Coaching,
    Mentoring,
}

internal enum SessionStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>
/// A supervision, coaching or mentoring meeting as planned: when, how long, where or by which link, and with whom. Every
/// change that people's calendars must follow raises <see cref="Sequence"/>, so an update replaces the event it came
/// from (same UID, higher sequence) in Outlook and Google Calendar. What is said in it belongs to its log, not here.
/// </summary>
[OrdinaryData]
internal sealed class SupervisionSession : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public SessionKind Kind { get; set; }

    /// <summary>The supervisor, coach or mentor who leads the meeting.</summary>
    public Guid LeaderId { get; set; }

    /// <summary>The home unit of the first participant, so that coordinators there see the meeting.</summary>
    public Guid UnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    public DateTimeOffset StartsAt { get; set; }

    public int DurationMinutes { get; set; }

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);

    public string? Place { get; set; }

    public string? VideoLink { get; set; }

    public SessionStatus Status { get; set; }

    /// <summary>The iCalendar sequence: 0 when first scheduled, one more at each reschedule or cancellation.</summary>
    public int Sequence { get; set; }

    public string? CancelReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<SessionParticipant> Participants { get; set; } = [];

    /// <summary>The role an assignment must give the leader over each participant for this kind of meeting.</summary>
    public static AssignmentRole LeaderRoleFor(SessionKind kind) => kind switch
    {
        SessionKind.Coaching => AssignmentRole.Coach,
        SessionKind.Mentoring => AssignmentRole.Mentor,
        _ => AssignmentRole.Supervisor,
    };

    /// <summary>Moves the meeting (time, length, place or link); people's calendars take it as an update of the same event.</summary>
    public Result Reschedule(SessionTimes times)
    {
        if (Status == SessionStatus.Cancelled)
        {
            return Error.Rule("Sessions:Error:Cancelled");
        }
        var errors = SessionRules.CheckTimes(times);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        StartsAt = times.StartsAt!.Value.ToUniversalTime();
        DurationMinutes = times.DurationMinutes!.Value;
        Place = SessionRules.Clean(times.Place);
        VideoLink = SessionRules.Clean(times.VideoLink);
        Sequence++;
        return Result.Success();
    }

    /// <summary>Calls the meeting off with a reason that participants are told; it stays in the list as cancelled.</summary>
    public Result Cancel(string? reason)
    {
        if (Status == SessionStatus.Cancelled)
        {
            return Error.Rule("Sessions:Error:Cancelled");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Validation(nameof(CancelReason), "Sessions:Error:ReasonRequired");
        }
        if (reason.Trim().Length > SessionRules.MaxReasonLength)
        {
            return Error.Validation(nameof(CancelReason), "Sessions:Error:ReasonTooLong", SessionRules.MaxReasonLength);
        }
        Status = SessionStatus.Cancelled;
        CancelReason = reason.Trim();
        Sequence++;
        return Result.Success();
    }
}

/// <summary>A supervisee, coachee or mentee taking part in a meeting.</summary>
[OrdinaryData]
internal sealed class SessionParticipant
{
    public Guid SessionId { get; set; }

    public Guid PersonId { get; set; }
}
