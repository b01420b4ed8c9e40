namespace TrainingHub.Notifications.Contracts;

/// <summary>
/// A text to show a person, as a localisation key in the category's resource with its arguments; it is rendered
/// in the reader's language when read, and in the recipient's preferred language in e-mail.
/// </summary>
/// <param name="Key">Such as <c>Notification:SessionToSignOff</c>, with {0}-style placeholders.</param>
/// <param name="Arguments">Values for the placeholders, already in a form every language can show (names, dates as yyyy-MM-dd).</param>
public sealed record NotificationText(string Key, params string[] Arguments);

/// <summary>Tells a person something: in the app always, by e-mail as they chose for the category.</summary>
public interface INotifier
{
    /// <param name="category">The name of a declared <see cref="NotificationCategory"/>.</param>
    /// <param name="link">Where the notification leads in the app, a path such as <c>/supervision/sessions/…</c>; null for none.</param>
    Task NotifyAsync(Guid personId, string category, NotificationText text, string? link = null, CancellationToken cancellationToken = default);
}
