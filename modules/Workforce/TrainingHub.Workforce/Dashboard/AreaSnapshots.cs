using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
internal sealed class AreaSnapshots(
    IDbContextFactory<WorkforceDbContext> dbFactory, IOrganisationDirectory? units, IServiceScopeFactory scopes, TimeProvider clock) : IModuleInitializer
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
        var shares = await SharesAsync(all, cancellationToken);
        var snapshots = all.Keys.Select(id => AreaSnapshot.Of(month, id, data.FiguresOf(id), now, SharesOf(shares, id))).ToList();
        snapshots.Add(AreaSnapshot.Of(month, AreaSnapshot.CountryId,
            AreaFigures.Sum(all.Values.Where(u => u.ParentId is null || !all.ContainsKey(u.ParentId.Value)).Select(u => data.FiguresOf(u.Id))), now,
            shares.ToDictionary(s => s.Key, s => s.Value.Country)));
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

    /// <summary>The answers about people that can be known, per unit with everything under it and for the whole country.</summary>
    private async Task<Dictionary<PeopleQuestion, (IReadOnlyDictionary<Guid, PeopleShare> Units, PeopleShare Country)>> SharesAsync(
        IReadOnlyDictionary<Guid, OrganisationUnitSummary> all, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleShares>();
        var shares = new Dictionary<PeopleQuestion, (IReadOnlyDictionary<Guid, PeopleShare>, PeopleShare)>();
        foreach (var question in Enum.GetValues<PeopleQuestion>())
        {
            if (await people.ByUnitAsync(question, null, all, cancellationToken) is { } own)
            {
                shares[question] = (PeopleShares.WithUnitsUnder(own, all), own.Values.Aggregate(PeopleShare.Empty, (sum, s) => sum + s));
            }
        }
        return shares;
    }

    private static Dictionary<PeopleQuestion, PeopleShare> SharesOf(
        Dictionary<PeopleQuestion, (IReadOnlyDictionary<Guid, PeopleShare> Units, PeopleShare Country)> shares, Guid unitId) =>
        shares.ToDictionary(s => s.Key, s => s.Value.Units.GetValueOrDefault(unitId));

    public static DateOnly MonthOf(DateTimeOffset now)
    {
        var today = DailyRuns.DayOf(now);
        return new DateOnly(today.Year, today.Month, 1);
    }
}
