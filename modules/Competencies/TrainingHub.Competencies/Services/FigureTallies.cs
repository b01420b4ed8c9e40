using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// Counts ahead what the planning figures (<see cref="CompetencyFigures"/>) cannot count on each request at the country's
/// size: the heatmaps of the country and of every oblast for each published version, and every person's profile standing.
/// Each count reads everything in the database with the same grouped queries and the same cells as counting live
/// (<see cref="RequirementCounting"/>), and replaces the old rows in one transaction. It runs at start-up, every few
/// minutes when a save has changed what it counts (ratings, people, role profiles, publishing; see
/// <see cref="CompetenciesDbContext.SaveChangesAsync(bool, CancellationToken)"/>), and every night whatever happened.
/// </summary>
internal sealed class FigureTallies(IDbContextFactory<CompetenciesDbContext> dbFactory, TimeProvider clock) : IModuleInitializer
{
    public const string RecurringJobId = "competencies-figures";

    public const string NightlyJobId = "competencies-figures-nightly";

    /// <summary>How often a change is looked for: a rating shows in the figures within this and a count's time.</summary>
    public const string Every = "*/5 * * * *";

    private readonly SemaphoreSlim _counting = new(1, 1);

    public Task InitialiseAsync(CancellationToken cancellationToken) => RefreshIfBehindAsync(cancellationToken);

    /// <summary>Counts again when a save has changed anything counted since the last count, or a published version was never counted.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RefreshIfBehindAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var state = await db.FigureStates.AsNoTracking().SingleAsync(s => s.Id == FigureState.Key, cancellationToken);
        var published = await db.FrameworkVersions.Where(v => v.Status == FrameworkStatus.Published).Select(v => v.Id).ToListAsync(cancellationToken);
        var counted = await db.FigureCounts.Select(c => c.FrameworkVersionId).ToListAsync(cancellationToken);
        if (state.Changes != state.CountedChanges || !published.ToHashSet().SetEquals(counted))
        {
            await RefreshAsync(cancellationToken);
        }
    }

    /// <summary>Counts everything again and replaces the tallies.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _counting.WaitAsync(cancellationToken);
        try
        {
            await CountAsync(cancellationToken);
        }
        finally
        {
            _counting.Release();
        }
    }

    private async Task CountAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Read first: a save after this is counted again by the next run, whether or not this count saw it.
        var changes = await db.FigureStates.Where(s => s.Id == FigureState.Key).Select(s => s.Changes).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();

        var published = await (
                from framework in db.Frameworks
                join version in db.FrameworkVersions on framework.Id equals version.FrameworkId
                where version.Status == FrameworkStatus.Published
                select new { version.FrameworkId, version.Id, version.Number })
            .AsNoTracking().ToListAsync(cancellationToken);
        // As CompetencyFigures.NewestPublishedAsync: should a framework have two published versions, the higher number.
        var newest = published.GroupBy(v => v.FrameworkId).Select(g => g.MaxBy(v => v.Number)!.Id).ToHashSet();

        var tallies = new List<RequirementTally>();
        var people = new List<TalliedPeople>();
        foreach (var version in published)
        {
            await TallyAsync(db, version.Id, tallies, people, cancellationToken);
        }
        var members = db.Members.Where(m => m.IsActive && m.PositionTypeId != null);
        var requirements = db.RoleRequirements.Where(r => newest.Contains(r.FrameworkVersionId));
        var standings = newest.Count == 0
            ? []
            : await RequirementCounting.PerPerson(db, members, requirements)
                .Select(p => new ProfileStanding { PersonId = p.Id, MeetsProfile = p.Gaps == 0 })
                .ToListAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RequirementTallies.ExecuteDeleteAsync(cancellationToken);
        await db.TalliedPeople.ExecuteDeleteAsync(cancellationToken);
        await db.ProfileStandings.ExecuteDeleteAsync(cancellationToken);
        await db.FigureCounts.ExecuteDeleteAsync(cancellationToken);
        db.RequirementTallies.AddRange(tallies);
        db.TalliedPeople.AddRange(people);
        db.ProfileStandings.AddRange(standings);
        db.FigureCounts.AddRange(published.Select(v => new FigureCount { FrameworkVersionId = v.Id, Newest = newest.Contains(v.Id), CountedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        await db.FigureStates.Where(s => s.Id == FigureState.Key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CountedChanges, changes), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The version's cells for the country and each oblast, from two grouped queries over everyone: people per place and
    /// position, met pairs per place and competency, where a place is the oblast, the hromada and, for people above any
    /// hromada and oblast, the organisation. Each area's rows are then those of <see cref="RequirementCounting.Keyed"/>.
    /// </summary>
    private static async Task TallyAsync(
        CompetenciesDbContext db, Guid versionId, List<RequirementTally> tallies, List<TalliedPeople> tallied, CancellationToken cancellationToken)
    {
        var profile = await RequirementCounting.ProfileAsync(db, versionId, cancellationToken);
        var members = db.Members.Where(m => m.IsActive && m.PositionTypeId != null);
        var people = await members
            .GroupBy(m => new { m.OblastId, m.HromadaId, Top = m.OblastId == null && m.HromadaId == null ? m.OrganisationId : null, m.PositionTypeId })
            .Select(g => new { g.Key.OblastId, g.Key.HromadaId, g.Key.Top, g.Key.PositionTypeId, People = g.Count() })
            .ToListAsync(cancellationToken);
        var met = await (
                from m in members
                join r in db.RoleRequirements.Where(r => r.FrameworkVersionId == versionId) on m.PositionTypeId equals (Guid?)r.PositionTypeId
                join n in db.Nodes on r.NodeId equals n.Id
                join c in db.CountedLevels on new { PersonId = m.Id, n.LineageId } equals new { c.PersonId, c.LineageId }
                where c.LevelRank >= r.LevelRank
                group m by new { m.OblastId, m.HromadaId, Top = m.OblastId == null && m.HromadaId == null ? m.OrganisationId : null, r.NodeId } into g
                select new { g.Key.OblastId, g.Key.HromadaId, g.Key.Top, g.Key.NodeId, Met = g.Count() })
            .ToListAsync(cancellationToken);

        void Keep(Guid area, RequirementCells cells)
        {
            tallies.AddRange(cells.Cells.Select(c => new RequirementTally
            {
                FrameworkVersionId = versionId, AreaId = area, RowId = c.Key.Row, NodeId = c.Key.Competency, Required = c.Value.Required, Met = c.Value.Met,
            }));
            tallied.AddRange(cells.PeopleByRow.Select(p => new TalliedPeople { FrameworkVersionId = versionId, AreaId = area, RowId = p.Key, People = p.Value }));
        }

        // The country: everyone placed somewhere, in their top-level unit's row.
        Keep(Guid.Empty, RequirementCounting.Cells(
            people.Where(p => (p.OblastId ?? p.HromadaId ?? p.Top) is not null).Select(p => new PeopleCount(p.OblastId ?? p.HromadaId ?? p.Top, p.PositionTypeId, p.People)).ToList(),
            met.Where(m => (m.OblastId ?? m.HromadaId ?? m.Top) is not null).Select(m => new MetCount(m.OblastId ?? m.HromadaId ?? m.Top, m.NodeId, m.Met)),
            profile, Guid.Empty));
        // Each oblast: its people in their hromada's row, or its own.
        foreach (var oblast in people.Where(p => p.OblastId is not null).Select(p => p.OblastId!.Value).Distinct())
        {
            Keep(oblast, RequirementCounting.Cells(
                people.Where(p => p.OblastId == oblast).Select(p => new PeopleCount(p.HromadaId, p.PositionTypeId, p.People)).ToList(),
                met.Where(m => m.OblastId == oblast).Select(m => new MetCount(m.HromadaId, m.NodeId, m.Met)),
                profile, oblast));
        }
    }
}
