using TrainingHub.Notifications.Contracts;

namespace TrainingHub.TestKit;

public sealed record SentNotification(Guid PersonId, string Category, NotificationText Text, string? Link);

/// <summary>Stands in for the notifications module: records who was told what.</summary>
public sealed class RecordingNotifier : INotifier
{
    public List<SentNotification> Sent { get; } = [];

    public Task NotifyAsync(Guid personId, string category, NotificationText text, string? link = null, CancellationToken cancellationToken = default)
    {
        lock (Sent)
        {
            Sent.Add(new SentNotification(personId, category, text, link));
        }
        return Task.CompletedTask;
    }
}
