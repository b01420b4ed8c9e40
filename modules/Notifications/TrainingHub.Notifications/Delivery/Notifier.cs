using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Notifications.Data;
using TrainingHub.Notifications.Domain;
using TrainingHub.SharedKernel.Mail;

namespace TrainingHub.Notifications.Delivery;

internal sealed class Notifier(
    IDbContextFactory<NotificationsDbContext> dbFactory, NotificationDelivery delivery, IBackgroundJobClient jobs, TimeProvider clock) : INotifier
{
    public async Task NotifyAsync(Guid personId, string category, NotificationText text, string? link = null, CancellationToken cancellationToken = default)
    {
        NotificationTexts.CheckLink(link);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateDbContext();
        var notification = new Notification
        {
            PersonId = personId, Category = category, MessageKey = text.Key,
            Arguments = NotificationTexts.WriteArguments(text.Arguments), Link = link, CreatedAtUtc = now,
        };
        var mailNow = await delivery.AddAsync(db, notification, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (mailNow)
        {
            jobs.DispatchMailSoon();
        }
    }
}
