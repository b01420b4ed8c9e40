using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.SharedKernel.Jobs;

namespace TrainingHub.Pathways.Development;

/// <summary>
/// As the year's end nears (on the first of October and of December, Kyiv time), everyone whose position, or the pathway
/// stage they are on, asks for professional development hours and who has not yet counted them this year is told how far they are and how many days
/// remain. Each person's day is claimed before they are told, so a second run the same day tells nobody again.
/// </summary>
internal sealed class DevelopmentReminders(
    IDbContextFactory<PathwaysDbContext> dbFactory, IPeopleSelection selection, IPeopleLookup people, DevelopmentRecords records, INotifier notifier,
    TimeProvider clock)
{
    public const string RecurringJobId = "pathways-development-reminders";

    /// <summary>The days of the year the reminders go out: three months and one month before the year ends.</summary>
    public static readonly IReadOnlyList<(int Month, int Day)> Days = [(10, 1), (12, 1)];

    /// <summary>Answers how many people were told.</summary>
    [AutomaticRetry(Attempts = 3)]
    public Task<int> SendAsync(CancellationToken cancellationToken) => SendOnAsync(DailyRuns.DayOf(clock.GetUtcNow()), cancellationToken);

    /// <summary>Tells those behind on <paramref name="today"/>'s year, when today is a reminder day; on other days nobody.</summary>
    public async Task<int> SendOnAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (!Days.Contains((today.Month, today.Day)))
        {
            return 0;
        }
        List<Guid> positions, placed;
        await using (var db = dbFactory.CreateDbContext())
        {
            positions = await db.Qualifications.AsNoTracking().Where(q => q.CpdHoursPerYear > 0).Select(q => q.PositionTypeId).ToListAsync(cancellationToken);
            placed = await (
                from placement in db.Placements.AsNoTracking()
                join stage in db.Stages.AsNoTracking() on new { placement.TemplateId, Position = placement.Stage } equals new { stage.TemplateId, stage.Position }
                where stage.CpdHoursPerYear > 0
                select placement.PersonId).ToListAsync(cancellationToken);
        }
        // Those whose position asks hours and those on a stage that asks its own; their record says which applies.
        var asked = new HashSet<Guid>(placed);
        foreach (var position in positions)
        {
            asked.UnionWith((await selection.FindAsync(new PeopleCriteria(PositionTypeId: position, ActiveOnly: true), cancellationToken)).Select(s => s.Id));
        }
        var daysLeft = (new DateOnly(today.Year, 12, 31).DayNumber - today.DayNumber + 1).ToString(CultureInfo.InvariantCulture);
        var told = 0;
        foreach (var person in await people.FindManyAsync(asked.ToList(), cancellationToken))
        {
            var year = await records.YearOfAsync(person, today.Year, cancellationToken);
            if (!person.IsActive || year.Met || year.RequiredHours is not { } required || !await ClaimDayAsync(person.Id, today, cancellationToken))
            {
                continue;
            }
            var text = new NotificationText("Notification:DevelopmentBehind",
                year.TotalHours.ToString("0.##", CultureInfo.InvariantCulture), required.ToString(CultureInfo.InvariantCulture),
                today.Year.ToString(CultureInfo.InvariantCulture), daysLeft);
            await notifier.NotifyAsync(person.Id, DevelopmentNotices.Category, text, DevelopmentNotices.MyRecordLink, cancellationToken);
            told++;
        }
        return told;
    }

    private async Task<bool> ClaimDayAsync(Guid personId, DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.TryClaimDayAsync(RecurringJobId, personId, today, cancellationToken);
    }
}
