using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Dashboard;

/// <summary>
/// Takes the month's snapshot of every unit's staffing figures and the country's: on the first of each month (Kyiv) by
/// a job, and at start-up when the month has none yet, so there is always something to compare with. Taking it again
/// in the same month replaces it.
/// </summary>
internal sealed class AreaSnapshots(IDbContextFactory<WorkforceDbContext> dbFactory, IOrganisationDirectory? units, TimeProvider clock) : IModuleInitializer
{
    public const string RecurringJobId = "workforce-snapshots";

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var month = MonthOf(clock.GetUtcNow());
        if (!await db.Snapshots.AnyAsync(s => s.Month == month, cancellationToken))
        {
            await TakeAsync(cancellationToken);
        }
    }

    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        if (units is null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var month = MonthOf(now);
        var all = (await units.GetUnitsInAsync(UnitScope.Everywhere, cancellationToken)).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        var data = await AreaData.LoadAsync(dbFactory, null, all, cancellationToken);
        var snapshots = all.Keys.Select(id => AreaSnapshot.Of(month, id, data.FiguresOf(id), now)).ToList();
        snapshots.Add(AreaSnapshot.Of(month, AreaSnapshot.CountryId,
            AreaFigures.Sum(all.Values.Where(u => u.ParentId is null || !all.ContainsKey(u.ParentId.Value)).Select(u => data.FiguresOf(u.Id))), now));
        await using var db = dbFactory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Snapshots.Where(s => s.Month == month).ExecuteDeleteAsync(cancellationToken);
        foreach (var chunk in snapshots.Chunk(1_000))
        {
            db.Snapshots.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public static DateOnly MonthOf(DateTimeOffset now)
    {
        var today = DailyRuns.DayOf(now);
        return new DateOnly(today.Year, today.Month, 1);
    }
}
