using Ical.Net;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Tests.Sessions;

/// <summary>A planned meeting's rules, and its calendar invitation read back as a calendar program reads it.</summary>
public sealed class SessionRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CalendarPerson Leader = new("Марія Супервізорка", "supervisor@traininghub.example");
    private static readonly CalendarPerson[] Participants = [new("Оксана Волонтерка", "learner@traininghub.example")];

    private static SupervisionSession Session() => new()
    {
        Kind = SessionKind.Individual, StartsAt = new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero), DurationMinutes = 90,
        Place = "Житомир, вул. Київська, 1, кімн. 12",
    };

    private static ReadEvent Read(string ics)
    {
        var calendar = Calendar.Load(ics)!;
        var calendarEvent = Assert.Single(calendar.Events);
        return new(calendar.Method, calendarEvent.Uid!, calendarEvent.Sequence, calendarEvent.DtStart!.AsUtc, calendarEvent.DtEnd!.AsUtc,
            calendarEvent.Summary!, calendarEvent.Status!, calendarEvent.Location, [.. calendarEvent.Attendees.Select(a => a.Value!.ToString())]);
    }

    private sealed record ReadEvent(
        string? Method, string Uid, int Sequence, DateTime Start, DateTime End, string Summary, string Status, string? Location, string[] Attendees);

    [Theory]
    [InlineData(null, 90, null, "StartsAt", "Sessions:Error:ChooseStart")]
    [InlineData("2026-03-04T10:00:00+02:00", 0, null, "DurationMinutes", "Sessions:Error:Duration")]
    [InlineData("2026-03-04T10:00:00+02:00", 600, null, "DurationMinutes", "Sessions:Error:Duration")]
    [InlineData("2026-03-04T10:00:00+02:00", 60, "http://meet.example/abc", "VideoLink", "Sessions:Error:VideoLink")]
    [InlineData("2026-03-04T10:00:00+02:00", 60, "зустріч у Zoom", "VideoLink", "Sessions:Error:VideoLink")]
    public void A_meeting_needs_a_start_a_sensible_length_and_a_secure_link(string? start, int minutes, string? link, string field, string key)
    {
        var times = new SessionTimes { StartsAt = start is null ? null : DateTimeOffset.Parse(start), DurationMinutes = minutes, VideoLink = link };

        Assert.Equal(key, Assert.Single(SessionRules.CheckTimes(times), e => e.Field == field).Key);
    }

    [Fact]
    public void A_one_to_one_meeting_has_one_person_and_a_group_two_to_twelve()
    {
        Assert.Equal("Sessions:Error:OnePerson", SessionRules.CheckParticipants(SessionKind.Individual, [Guid.NewGuid(), Guid.NewGuid()])!.Key);
        Assert.Equal("Sessions:Error:GroupSize", SessionRules.CheckParticipants(SessionKind.Group, [Guid.NewGuid()])!.Key);
        Assert.Null(SessionRules.CheckParticipants(SessionKind.Group, [Guid.NewGuid(), Guid.NewGuid()]));
        Assert.Null(SessionRules.CheckParticipants(SessionKind.Mentoring, [Guid.NewGuid()]));
    }

    [Fact]
    public void The_invitation_its_update_and_its_cancellation_are_one_event_with_a_rising_sequence()
    {
        var session = Session();
        var invitation = Read(SessionCalendar.Invitation(session, "Індивідуальна супервізія", Leader, Participants, Now));

        var moved = session.Reschedule(new SessionTimes
        {
            StartsAt = new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.FromHours(2)), DurationMinutes = 60, VideoLink = "https://meet.example/abc",
        });
        var update = Read(SessionCalendar.Invitation(session, "Індивідуальна супервізія", Leader, Participants, Now));
        var withoutReason = session.Cancel(" ");
        var cancelled = session.Cancel("Захворіла");
        var cancellation = Read(SessionCalendar.Invitation(session, "Індивідуальна супервізія", Leader, Participants, Now));
        var movedAfterwards = session.Reschedule(new SessionTimes { StartsAt = Now.AddDays(5), DurationMinutes = 60 });

        Assert.Equal(("REQUEST", 0, new DateTime(2026, 3, 4, 8, 0, 0), new DateTime(2026, 3, 4, 9, 30, 0)),
            (invitation.Method, invitation.Sequence, invitation.Start, invitation.End));
        Assert.Equal(("Індивідуальна супервізія", "CONFIRMED", "Житомир, вул. Київська, 1, кімн. 12"), (invitation.Summary, invitation.Status, invitation.Location));
        Assert.Equal(["mailto:learner@traininghub.example"], invitation.Attendees);
        Assert.True(moved.Succeeded);
        Assert.Equal((invitation.Uid, 1, new DateTime(2026, 3, 5, 10, 0, 0), "https://meet.example/abc"), (update.Uid, update.Sequence, update.Start, update.Location));
        Assert.Equal("Sessions:Error:ReasonRequired", withoutReason.Error!.ErrorFor("CancelReason"));
        Assert.True(cancelled.Succeeded);
        Assert.Equal(("CANCEL", invitation.Uid, 2, "CANCELLED"), (cancellation.Method, cancellation.Uid, cancellation.Sequence, cancellation.Status));
        Assert.Equal("Sessions:Error:Cancelled", movedAfterwards.Error!.Key);
        Assert.Equal(2, session.Sequence);
    }
}
