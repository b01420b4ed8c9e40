using Microsoft.Extensions.Options;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Domain;
using TrainingHub.SharedKernel.Mail;

namespace TrainingHub.Notifications.Delivery;

/// <summary>The e-mails notifications become: one per notification, or one a day listing them.</summary>
internal sealed class NotificationMail(MailComposer composer, NotificationTexts texts, IOptions<MailOptions> options)
{
    public const string SingleType = "Notification";
    public const string DigestType = "Digest";

    /// <summary>Without a configured public address (background work has no request to learn it from), links point at the run command's address.</summary>
    private Uri BaseUri => new(options.Value.PublicBaseUrl ?? "http://localhost:5000/");

    public ComposedMail Single(PersonContact person, Notification notification)
    {
        var text = texts.RenderIn(person.PreferredCulture, notification.Category, notification.MessageKey, notification.Arguments);
        return composer.Compose(typeof(NotificationsResource), SingleType, person.Email, person.FullName, person.PreferredCulture,
            Absolute(notification.Link ?? "/notifications"), text, person.FullName);
    }

    public ComposedMail Digest(PersonContact person, IReadOnlyList<Notification> notifications)
    {
        var lines = notifications.Select(n =>
            "• " + texts.RenderIn(person.PreferredCulture, n.Category, n.MessageKey, n.Arguments)
                 + (n.Link is null ? "" : "\n  " + Absolute(n.Link).AbsoluteUri));
        return composer.Compose(typeof(NotificationsResource), DigestType, person.Email, person.FullName, person.PreferredCulture,
            Absolute("/notifications"), person.FullName, string.Join("\n", lines));
    }

    private Uri Absolute(string path) => new(BaseUri, path.TrimStart('/'));
}
