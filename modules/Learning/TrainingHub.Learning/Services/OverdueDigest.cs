using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Notifications.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

/// <summary>
/// Once a day, tells each supervisor how many of their learners are overdue: a supervisor is anyone holding
/// <see cref="LearningPermissions.ProgressView"/> at a learner's home unit or a unit above it (or everywhere). One
/// notification per supervisor, with counts and a link to the list; nobody is told about themselves. Each supervisor's
/// day is claimed before they are told, so a second run the same day tells nobody again.
/// </summary>
internal sealed class OverdueDigest(
    IDbContextFactory<LearningDbContext> dbFactory, IPeopleSelection people, IUnitHierarchy hierarchy, INotifier notifier, TimeProvider clock)
{
    public const string RecurringJobId = "learning-overdue-digest";

    /// <summary>Answers how many supervisors were told.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Enrolment> overdue;
        await using (var db = dbFactory.CreateDbContext())
        {
            // Compared in memory: SQLite cannot compare DateTimeOffset values in a query.
            overdue = (await db.Enrolments.AsNoTracking().Where(e => e.Status == EnrolmentStatus.Active && e.DueAt != null).ToListAsync(cancellationToken))
                .Where(e => e.DueAt < now).ToList();
        }
        if (overdue.Count == 0)
        {
            return 0;
        }
        var learners = await people.FindAsync(new PeopleCriteria(PersonIds: overdue.Select(e => e.PersonId).Distinct().ToList(), ActiveOnly: true), cancellationToken);
        var ancestries = new Dictionary<Guid, IReadOnlyList<Guid>>();
        foreach (var unitId in learners.Select(l => l.HomeUnitId).OfType<Guid>().Distinct())
        {
            ancestries[unitId] = await hierarchy.GetAncestryAsync(unitId, cancellationToken);
        }
        var overdueCounts = overdue.GroupBy(e => e.PersonId).ToDictionary(g => g.Key, g => g.Count());
        var holders = await people.FindHoldersAsync(LearningPermissions.ProgressView, cancellationToken);
        var today = DailyRuns.DayOf(now);
        var told = 0;
        foreach (var supervisor in holders.GroupBy(h => h.PersonId))
        {
            var theirs = learners.Where(l => l.Id != supervisor.Key && supervisor.Any(h => h.UnitId is not { } unitId
                    || (l.HomeUnitId is { } home && ancestries[home].Contains(unitId))))
                .ToList();
            if (theirs.Count == 0 || !await ClaimDayAsync(supervisor.Key, today, cancellationToken))
            {
                continue;
            }
            await notifier.NotifyAsync(supervisor.Key, EnrolmentReminders.Category,
                new NotificationText("Notification:OverdueDigest", theirs.Count.ToString(), theirs.Sum(l => overdueCounts[l.Id]).ToString()),
                "/learning/overdue", cancellationToken);
            told++;
        }
        return told;
    }

    private async Task<bool> ClaimDayAsync(Guid supervisorId, DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.TryClaimDayAsync(RecurringJobId, supervisorId, today, cancellationToken);
    }
}
