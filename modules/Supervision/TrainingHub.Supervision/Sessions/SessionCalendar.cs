using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace TrainingHub.Supervision.Sessions;

/// <summary>A person as a calendar names them.</summary>
internal sealed record CalendarPerson(string FullName, string Email);

/// <summary>
/// A meeting as an iCalendar (.ics) invitation that Outlook and Google Calendar accept: a request while it is on, a
/// cancellation once it is off, always with the same UID and the session's sequence, so each update replaces the last.
/// </summary>
internal static class SessionCalendar
{
    public const string ContentType = "text/calendar";

    /// <summary>The event's UID: stable for the session's whole life.</summary>
    public static string Uid(Guid sessionId) => $"{sessionId:N}@traininghub";

    public static string Invitation(
        SupervisionSession session, string title, CalendarPerson leader, IEnumerable<CalendarPerson> participants, DateTimeOffset now)
    {
        var cancelled = session.Status == SessionStatus.Cancelled;
        var calendar = new Calendar { Method = cancelled ? "CANCEL" : "REQUEST" };
        calendar.AddProperty("X-WR-CALNAME", "TrainingHub");
        calendar.Events.Add(Event(session, title, leader, participants, now));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>A person's own meetings as one calendar to subscribe to.</summary>
    public static string Feed(
        IEnumerable<(SupervisionSession Session, string Title, CalendarPerson Leader, IReadOnlyList<CalendarPerson> Participants)> sessions, DateTimeOffset now)
    {
        var calendar = new Calendar { Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "TrainingHub");
        foreach (var (session, title, leader, participants) in sessions)
        {
            calendar.Events.Add(Event(session, title, leader, participants, now));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent Event(
        SupervisionSession session, string title, CalendarPerson leader, IEnumerable<CalendarPerson> participants, DateTimeOffset now)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(session.Id),
            Sequence = session.Sequence,
            Summary = title,
            DtStamp = new CalDateTime(now.UtcDateTime),
            DtStart = new CalDateTime(session.StartsAt.UtcDateTime),
            DtEnd = new CalDateTime(session.EndsAt.UtcDateTime),
            Location = session.Place ?? session.VideoLink,
            Status = session.Status == SessionStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{leader.Email}") { CommonName = leader.FullName },
        };
        if (session.VideoLink is { } link)
        {
            calendarEvent.Url = new Uri(link);
        }
        foreach (var person in participants)
        {
            calendarEvent.Attendees.Add(new Attendee($"mailto:{person.Email}")
            {
                CommonName = person.FullName, Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION", Rsvp = true,
            });
        }
        return calendarEvent;
    }
}
