using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Notifications.Data;
using TrainingHub.Notifications.Domain;
using TrainingHub.SharedKernel.Mail;

namespace TrainingHub.Notifications.Delivery;

/// <summary>
/// Puts a notification in the person's list and, as they chose for its category, an e-mail in the outbox (held back
/// until their quiet hours end) or a mark for the daily digest. Nothing is saved here: the caller saves it with the
/// change that caused it.
/// </summary>
internal sealed class NotificationDelivery(NotificationTexts texts, NotificationMail mail, IPeopleLookup people)
{
    /// <returns>True when an e-mail may go out at once, so the caller can ask for a dispatch.</returns>
    public async Task<bool> AddAsync(NotificationsDbContext db, Notification notification, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var category = texts.Require(notification.Category);
        db.Notifications.Add(notification);
        var settings = await db.SettingsOfAsync(notification.PersonId, cancellationToken);
        var email = settings.EmailFor(category);
        if (email == EmailDelivery.Off)
        {
            return false;
        }
        var person = await people.FindAsync(notification.PersonId, cancellationToken);
        if (person is not { IsActive: true })
        {
            return false;
        }
        if (email == EmailDelivery.DailyDigest)
        {
            notification.AwaitsDigest = true;
            return false;
        }
        var outgoing = OutgoingMail.From(mail.Single(person, notification), nowUtc);
        outgoing.NextAttemptAtUtc = settings.QuietHours.NextAllowedUtc(nowUtc);
        db.Outbox.Add(outgoing);
        return outgoing.NextAttemptAtUtc <= nowUtc;
    }
}
