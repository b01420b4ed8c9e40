using Microsoft.EntityFrameworkCore;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Notifications.Data;
using TrainingHub.Notifications.Delivery;
using TrainingHub.Notifications.Domain;

namespace TrainingHub.Notifications.Reminders;

internal sealed class ReminderSchedule(IDbContextFactory<NotificationsDbContext> dbFactory, NotificationTexts texts, TimeProvider clock) : IReminders
{
    public async Task ScheduleAsync(ReminderPlan plan, CancellationToken cancellationToken = default)
    {
        texts.Require(plan.Category);
        NotificationTexts.CheckLink(plan.Link);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = plan.DueAt.UtcDateTime;
        await using var db = dbFactory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Unsent(db, plan.Thing, plan.PersonId).ExecuteDeleteAsync(cancellationToken);
        foreach (var offset in plan.Offsets.Distinct().Where(o => due + o >= now))
        {
            db.Reminders.Add(new Reminder
            {
                PersonId = plan.PersonId, ThingType = plan.Thing.Type, ThingId = plan.Thing.Id, DueAtUtc = due,
                OffsetMinutes = (int)offset.TotalMinutes, SendAtUtc = due + offset, Category = plan.Category,
                MessageKey = plan.Text.Key, Arguments = NotificationTexts.WriteArguments(plan.Text.Arguments), Link = plan.Link,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CancelAsync(RemindedThing thing, Guid? personId = null, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        await Unsent(db, thing, personId).ExecuteDeleteAsync(cancellationToken);
    }

    private static IQueryable<Reminder> Unsent(NotificationsDbContext db, RemindedThing thing, Guid? personId) =>
        db.Reminders.Where(r => r.ThingType == thing.Type && r.ThingId == thing.Id && r.SentAtUtc == null
                                && (personId == null || r.PersonId == personId));
}
