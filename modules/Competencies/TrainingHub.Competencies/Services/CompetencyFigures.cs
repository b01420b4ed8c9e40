using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// Competency figures for planning views, counted as the gap view counts them (<see cref="RequirementCounting"/>) but
/// without its permission checks: the calling module decides who may see them. Only aggregates leave the database,
/// except for the profile standings, which are one answer per person by their nature. The country's and the oblasts'
/// heatmaps and the standings are read from the tallies <see cref="FigureTallies"/> counts ahead, the same cells
/// counted the same way; a version published since the last count is counted live until the next. Hromadas and
/// organisations are small enough to count live.
/// </summary>
internal sealed class CompetencyFigures(IDbContextFactory<CompetenciesDbContext> dbFactory, IOrganisationDirectory units) : ICompetencyFigures
{
    public async Task<IReadOnlyList<FrameworkVersionReference>> NewestPublishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await NewestPublishedAsync(db, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Null too when the unit asked for does not exist.</remarks>
    public Task<CompetencyHeatmap?> HeatmapAsync(Guid versionId, Guid? unitId, CancellationToken cancellationToken = default) =>
        HeatmapAsync(versionId, unitId, live: false, cancellationToken);

    /// <summary>The heatmap, counted live when <paramref name="live"/> is set even where tallies exist (to check them against).</summary>
    public async Task<CompetencyHeatmap?> HeatmapAsync(Guid versionId, Guid? unitId, bool live, CancellationToken cancellationToken = default)
    {
        // The whole tree is kept in memory by the directory and is the same list until a unit changes.
        var tree = await units.GetUnitsInAsync(UnitScope.Everywhere, cancellationToken);
        OrganisationUnitSummary? unit = null;
        if (unitId is { } id && (unit = tree.FirstOrDefault(u => u.Id == id)) is null)
        {
            return null;
        }
        await using var db = dbFactory.CreateDbContext();
        var head = await (
                from framework in db.Frameworks
                join v in db.FrameworkVersions on framework.Id equals v.FrameworkId
                where v.Id == versionId && v.Status == FrameworkStatus.Published
                select new
                {
                    Version = new FrameworkVersionReference(v.Id, framework.Code, v.Name, v.NameEn, v.Number),
                    CountedAt = db.FigureCounts.Where(c => c.FrameworkVersionId == v.Id).Select(c => (DateTimeOffset?)c.CountedAt).FirstOrDefault(),
                    CountedChanges = db.FigureStates.Where(s => s.Id == FigureState.Key).Select(s => s.CountedChanges).FirstOrDefault(),
                })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }
        // The country has no id of its own; nobody falls in its own row, as everyone counted there has a top-level unit.
        var own = unit?.Id ?? Guid.Empty;
        var tallied = !live && unit is null or { Type: UnitType.Oblast } && head.CountedAt is not null;
        if (!tallied)
        {
            var profile = await RequirementCounting.ProfileAsync(db, versionId, cancellationToken);
            var counted = await RequirementCounting.CountAsync(
                db, RequirementCounting.Keyed(db, unit, peopleInOrganisation: false), versionId, profile, own, cancellationToken);
            return Build(head.Version, unit, tree, profile, counted, countedAt: null);
        }
        // Built from the tallies once per count (and per unit tree and language), as the tallies themselves are counted
        // once: a call between two counts reads two small rows and the directory's stamp, and gives the same heatmap.
        var key = new HeatmapKey(versionId, own, CultureInfo.CurrentCulture.Name);
        if (_built.TryGetValue(key, out var kept) && kept.Matches(head.CountedAt!.Value, head.CountedChanges, tree))
        {
            return kept.Heatmap;
        }
        var profileThen = await RequirementCounting.ProfileAsync(db, versionId, cancellationToken);
        var heatmap = Build(head.Version, unit, tree, profileThen, await TalliedAsync(db, versionId, own, profileThen, cancellationToken), head.CountedAt);
        _built[key] = new BuiltHeatmap(head.CountedAt!.Value, head.CountedChanges, tree, heatmap);
        return heatmap;
    }

    private readonly ConcurrentDictionary<HeatmapKey, BuiltHeatmap> _built = new();

    private sealed record HeatmapKey(Guid VersionId, Guid Area, string Culture);

    /// <summary>A heatmap built from one count's tallies over one unit tree (the directory's list, the same until a unit changes).</summary>
    private sealed record BuiltHeatmap(DateTimeOffset CountedAt, int CountedChanges, IReadOnlyList<OrganisationUnitSummary> Tree, CompetencyHeatmap Heatmap)
    {
        public bool Matches(DateTimeOffset countedAt, int countedChanges, IReadOnlyList<OrganisationUnitSummary> tree) =>
            CountedAt == countedAt && CountedChanges == countedChanges && ReferenceEquals(Tree, tree);
    }

    private static CompetencyHeatmap Build(
        FrameworkVersionReference version, OrganisationUnitSummary? unit, IReadOnlyList<OrganisationUnitSummary> tree, VersionProfile profile,
        RequirementCells counted, DateTimeOffset? countedAt)
    {
        var rows = Rows(unit, tree, counted)
            .Select(row => new HeatmapRow(row, counted.PeopleIn(row), Share(counted.Row(row)), counted.AreasOf(row).Select(Share).ToList()))
            .ToList();
        // Stable ordering: competencies missing as many pairs keep the framework's tree order.
        var shortfalls = profile.Competencies
            .Select(c => (Competency: c, Share: counted.Competency(c.Id)))
            .Where(c => c.Share.Required > 0)
            .OrderByDescending(c => c.Share.Gaps)
            .Select(c => new CompetencyShortfall(
                c.Competency.LineageId, c.Competency.Code, c.Competency.Name, c.Competency.NameEn, c.Competency.AreaId, c.Share.Required, c.Share.Gaps))
            .ToList();
        return new CompetencyHeatmap(
            version, profile.Areas.Select(a => new CompetencyAreaReference(a.Id, a.Code, a.Name, a.NameEn)).ToList(), counted.People,
            Share(counted.Cells.Values.Aggregate(GapShare.Empty, (sum, share) => sum + share)), rows, shortfalls)
        {
            CountedAt = countedAt,
        };
    }

    public Task<IReadOnlyDictionary<Guid, bool>> ProfileStandingsAsync(CancellationToken cancellationToken = default) =>
        ProfileStandingsAsync(live: false, cancellationToken);

    /// <summary>The standings, counted live when <paramref name="live"/> is set even where they were counted ahead.</summary>
    public async Task<IReadOnlyDictionary<Guid, bool>> ProfileStandingsAsync(bool live, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var versionIds = (await NewestPublishedAsync(db, cancellationToken)).Select(v => v.Id).ToList();
        if (versionIds.Count == 0)
        {
            return new Dictionary<Guid, bool>();
        }
        // Counted ahead for exactly these versions: read them; a version published since is counted live until the next count.
        var countedFor = await db.FigureCounts.Where(c => c.Newest).Select(c => c.FrameworkVersionId).ToListAsync(cancellationToken);
        if (!live && countedFor.ToHashSet().SetEquals(versionIds))
        {
            return await db.ProfileStandings.AsNoTracking().ToDictionaryAsync(s => s.PersonId, s => s.MeetsProfile, cancellationToken);
        }
        var members = db.Members.Where(m => m.IsActive && m.PositionTypeId != null);
        var requirements = db.RoleRequirements.Where(r => versionIds.Contains(r.FrameworkVersionId));
        return await RequirementCounting.PerPerson(db, members, requirements)
            .Select(p => new { p.Id, Meets = p.Gaps == 0 })
            .ToDictionaryAsync(p => p.Id, p => p.Meets, cancellationToken);
    }

    /// <summary>The cells of the country (<paramref name="area"/> empty) or an oblast as <see cref="FigureTallies"/> counted them.</summary>
    private static async Task<RequirementCells> TalliedAsync(CompetenciesDbContext db, Guid versionId, Guid area, VersionProfile profile, CancellationToken cancellationToken)
    {
        var cells = await db.RequirementTallies.AsNoTracking().Where(t => t.FrameworkVersionId == versionId && t.AreaId == area)
            .Select(t => new { t.RowId, t.NodeId, t.Required, t.Met }).ToListAsync(cancellationToken);
        var people = await db.TalliedPeople.AsNoTracking().Where(p => p.FrameworkVersionId == versionId && p.AreaId == area)
            .Select(p => new { p.RowId, p.People }).ToListAsync(cancellationToken);
        return new RequirementCells(
            people.ToDictionary(p => p.RowId, p => p.People), cells.ToDictionary(c => (c.RowId, c.NodeId), c => new GapShare(c.Required, c.Met)), profile);
    }

    private static async Task<IReadOnlyList<FrameworkVersionReference>> NewestPublishedAsync(CompetenciesDbContext db, CancellationToken cancellationToken)
    {
        // A framework has one published version at a time; should two ever be, the higher number is the newer.
        var published = await (
                from framework in db.Frameworks
                join version in db.FrameworkVersions on framework.Id equals version.FrameworkId
                where version.Status == FrameworkStatus.Published
                select new { version.FrameworkId, version.Id, framework.Code, version.Name, version.NameEn, version.Number })
            .AsNoTracking().ToListAsync(cancellationToken);
        return published
            .GroupBy(v => v.FrameworkId)
            .Select(g => g.MaxBy(v => v.Number)!)
            .OrderBy(v => v.Code, StringComparer.Ordinal)
            .Select(v => new FrameworkVersionReference(v.Id, v.Code, v.Name, v.NameEn, v.Number))
            .ToList();
    }

    /// <summary>
    /// The rows' units: every unit right under the area, people or not, after the area's own people if it has any; an
    /// organisation is its one row.
    /// </summary>
    private static List<Guid> Rows(OrganisationUnitSummary? unit, IReadOnlyList<OrganisationUnitSummary> tree, RequirementCells counted)
    {
        if (unit?.Type == UnitType.Organisation)
        {
            return [unit.Id];
        }
        var rows = tree.Where(u => u.ParentId == unit?.Id).OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase).Select(u => u.Id).ToList();
        if (unit is not null && counted.PeopleByRow.ContainsKey(unit.Id))
        {
            rows.Insert(0, unit.Id);
        }
        return rows;
    }

    private static RequirementShare Share(GapShare share) => new(share.Required, share.Met);
}
