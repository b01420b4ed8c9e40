using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Domain;
using TrainingHub.SharedKernel.Mail;

namespace TrainingHub.Notifications.Delivery;

/// <summary>The e-mails notifications become: one per notification, or one a day listing them.</summary>
internal sealed class NotificationMail(MailComposer composer, NotificationTexts texts, PublicLinks links)
{
    public const string SingleType = "Notification";
    public const string DigestType = "Digest";

    public ComposedMail Single(PersonContact person, Notification notification)
    {
        var text = texts.RenderIn(person.PreferredCulture, notification.Category, notification.MessageKey, notification.Arguments);
        return composer.Compose(typeof(NotificationsResource), SingleType, person.Email, person.FullName, person.PreferredCulture,
            links.To(notification.Link ?? "/notifications"), text, person.FullName);
    }

    public ComposedMail Digest(PersonContact person, IReadOnlyList<Notification> notifications)
    {
        var lines = notifications.Select(n =>
            "• " + texts.RenderIn(person.PreferredCulture, n.Category, n.MessageKey, n.Arguments)
                 + (n.Link is null ? "" : "\n  " + links.To(n.Link).AbsoluteUri));
        return composer.Compose(typeof(NotificationsResource), DigestType, person.Email, person.FullName, person.PreferredCulture,
            links.To("/notifications"), person.FullName, string.Join("\n", lines));
    }
}
