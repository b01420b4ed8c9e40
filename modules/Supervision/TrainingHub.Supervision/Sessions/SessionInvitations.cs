using System.Globalization;
using Microsoft.Extensions.Localization;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Sessions;

/// <summary>
/// E-mail invitations to a meeting, each carrying the meeting as an iCalendar object: a request when it is scheduled or
/// moved, a cancellation when it is called off, always with the meeting's UID and current sequence so that Outlook and
/// Google Calendar update the event they already hold. They are saved in the module's mail outbox with the change
/// itself, so an invitation is never lost and never sent for a change that did not happen.
/// </summary>
internal sealed class SessionInvitations(
    IPeopleLookup people, MailComposer composer, PublicLinks links, IStringLocalizerFactory localizers, TimeProvider clock)
{
    public const string Scheduled = "SessionScheduled";

    public const string Moved = "SessionMoved";

    public const string Cancelled = "SessionCancelled";

    /// <summary>Adds a message to everyone in the meeting (the leader too, for their own calendar) to <paramref name="db"/>.</summary>
    public async Task AddAsync(SupervisionDbContext db, SupervisionSession session, string messageType, CancellationToken cancellationToken)
    {
        // The leader first, then the participants in the meeting's order, as the invitation lists them; one look-up for all.
        var ids = session.Participants.Select(p => p.PersonId).Prepend(session.LeaderId).Distinct().ToList();
        var found = (await people.FindManyAsync(ids, cancellationToken)).ToDictionary(p => p.Id);
        if (!found.TryGetValue(session.LeaderId, out var leader))
        {
            return;
        }
        var everyone = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
        var organiser = new CalendarPerson(leader.FullName, leader.Email);
        var attendees = everyone.Where(p => p.Id != session.LeaderId).Select(p => new CalendarPerson(p.FullName, p.Email)).ToList();
        var now = clock.GetUtcNow();
        var method = session.Status == SessionStatus.Cancelled ? "CANCEL" : "REQUEST";
        foreach (var person in everyone.Where(p => p.IsActive))
        {
            var (title, when) = Describe(session, person.PreferredCulture);
            var mail = composer.Compose(typeof(SupervisionResource), messageType, person.Email, person.FullName, person.PreferredCulture,
                links.To("supervision/sessions"), title, when, session.Place ?? session.VideoLink ?? "—", leader.FullName, session.CancelReason ?? "");
            var calendar = SessionCalendar.Invitation(session, title, organiser, attendees, now);
            db.Set<OutgoingMail>().Add(OutgoingMail.From(mail, now.UtcDateTime).WithCalendar(calendar, method));
        }
    }

    /// <summary>The meeting's kind and time in the recipient's language, on Kyiv time.</summary>
    private (string Title, string When) Describe(SupervisionSession session, string culture) =>
        InCulture.Run(culture, () =>
        {
            var texts = localizers.Create(typeof(SupervisionResource));
            var start = KyivTime.ToKyiv(session.StartsAt);
            var end = KyivTime.ToKyiv(session.EndsAt);
            return (texts[$"Sessions:Kind:{session.Kind}"].Value,
                texts["Mail:When", start.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture), start.ToString("t", CultureInfo.CurrentCulture),
                    end.ToString("t", CultureInfo.CurrentCulture)].Value);
        });
}
