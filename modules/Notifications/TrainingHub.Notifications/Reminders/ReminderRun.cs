using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Notifications.Data;
using TrainingHub.Notifications.Delivery;
using TrainingHub.Notifications.Domain;
using TrainingHub.SharedKernel.Mail;

namespace TrainingHub.Notifications.Reminders;

/// <summary>
/// Every minute, turns due reminders into notifications. Each reminder is marked sent in the same save as its
/// notification, guarded by its version: when two runs (or two nodes) find the same reminder, the second save
/// fails and nothing is sent twice.
/// </summary>
internal sealed class ReminderRun(
    IDbContextFactory<NotificationsDbContext> dbFactory, NotificationDelivery delivery, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "notifications-reminders";

    [AutomaticRetry(Attempts = 0)]
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var db = dbFactory.CreateDbContext())
        {
            due = await db.Reminders.Where(r => r.SentAtUtc == null && r.SendAtUtc <= now)
                .OrderBy(r => r.SendAtUtc).Select(r => r.Id).Take(500).ToListAsync(cancellationToken);
        }
        var sent = 0;
        var mailNow = false;
        foreach (var id in due)
        {
            await using var db = dbFactory.CreateDbContext();
            var reminder = await db.Reminders.SingleOrDefaultAsync(r => r.Id == id && r.SentAtUtc == null, cancellationToken);
            if (reminder is null)
            {
                continue;
            }
            reminder.SentAtUtc = now;
            var notification = new Notification
            {
                PersonId = reminder.PersonId, Category = reminder.Category, MessageKey = reminder.MessageKey,
                Arguments = reminder.Arguments, Link = reminder.Link, CreatedAtUtc = now,
            };
            var mailSoon = await delivery.AddAsync(db, notification, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another run sent it, or it was rescheduled or cancelled a moment ago.
                continue;
            }
            sent++;
            mailNow |= mailSoon;
        }
        if (mailNow)
        {
            jobs.DispatchMailSoon();
        }
        return sent;
    }
}
