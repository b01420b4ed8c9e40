using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Data;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Mail;

namespace TrainingHub.Notifications.Delivery;

/// <summary>
/// Once a day, one e-mail per person listing the notifications that waited for it. The person's day and then their
/// notifications are claimed before the e-mail is written, so two runs never list them twice, and a second run the same
/// day leaves what came in meanwhile for tomorrow's digest.
/// </summary>
internal sealed class DailyDigest(
    IDbContextFactory<NotificationsDbContext> dbFactory, IPeopleLookup people, NotificationMail mail, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "notifications-daily-digest";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DailyRuns.DayOf(clock.GetUtcNow());
        List<Guid> waiting;
        await using (var db = dbFactory.CreateDbContext())
        {
            waiting = await db.Notifications.Where(n => n.AwaitsDigest).Select(n => n.PersonId).Distinct().ToListAsync(cancellationToken);
        }
        var sent = 0;
        var sendNow = false;
        foreach (var personId in waiting)
        {
            await using var db = dbFactory.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await db.TryClaimDayAsync(RecurringJobId, personId, today, cancellationToken))
            {
                continue;
            }
            var mailId = Guid.NewGuid();
            var claimed = await db.Notifications.Where(n => n.PersonId == personId && n.AwaitsDigest)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.AwaitsDigest, false).SetProperty(n => n.DigestMailId, mailId), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            var person = await people.FindAsync(personId, cancellationToken);
            if (person is { IsActive: true })
            {
                var listed = await db.Notifications.AsNoTracking().Where(n => n.DigestMailId == mailId)
                    .OrderBy(n => n.CreatedAtUtc).ToListAsync(cancellationToken);
                var outgoing = OutgoingMail.From(mail.Digest(person, listed), now);
                outgoing.Id = mailId;
                outgoing.NextAttemptAtUtc = (await db.SettingsOfAsync(personId, cancellationToken)).QuietHours.NextAllowedUtc(now);
                db.Outbox.Add(outgoing);
                await db.SaveChangesAsync(cancellationToken);
                sent++;
                sendNow |= outgoing.NextAttemptAtUtc <= now;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        if (sendNow)
        {
            jobs.DispatchMailSoon();
        }
        return sent;
    }
}
