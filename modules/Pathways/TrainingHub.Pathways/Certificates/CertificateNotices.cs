using System.Globalization;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Jobs;

namespace TrainingHub.Pathways.Certificates;

/// <summary>
/// As certificate events are delivered: the holder is told of a new certificate and reminded 60, 30 and 7 days before
/// it expires; a revoked one stops its reminders and the holder is told.
/// </summary>
internal sealed class CertificateNotices(INotifier notifier, IReminders reminders)
    : IIntegrationEventHandler<CertificateIssued>, IIntegrationEventHandler<CertificateRevoked>
{
    public const string Category = "Pathways.Certificates";

    public const string Link = "/pathways/my";

    /// <summary>Before expiry, at nine in the morning Kyiv time.</summary>
    public static readonly IReadOnlyList<TimeSpan> ExpiryOffsets = [TimeSpan.FromDays(-60), TimeSpan.FromDays(-30), TimeSpan.FromDays(-7)];

    public static RemindedThing Thing(Guid certificateId) => new("Pathways.Certificate", certificateId);

    public async Task HandleAsync(CertificateIssued issued, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        await notifier.NotifyAsync(issued.PersonId, Category, new NotificationText("Notification:CertificateIssued", issued.Number), Link, cancellationToken);
        if (issued.ValidUntil is { } until)
        {
            var text = new NotificationText("Notification:CertificateExpires", issued.Number, until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await reminders.ScheduleAsync(
                new ReminderPlan(issued.PersonId, Thing(issued.CertificateId), DailyRuns.At(until, new TimeOnly(9, 0)), ExpiryOffsets, Category, text, Link),
                cancellationToken);
        }
    }

    public async Task HandleAsync(CertificateRevoked revoked, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        await reminders.CancelAsync(Thing(revoked.CertificateId), cancellationToken: cancellationToken);
        await notifier.NotifyAsync(revoked.PersonId, Category, new NotificationText("Notification:CertificateRevoked", revoked.Number), Link, cancellationToken);
    }
}
