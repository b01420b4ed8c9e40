using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Services;

namespace TrainingHub.Workforce.Staffing;

/// <summary>
/// What the staffing figures of one subtree are made of, read in four grouped queries: active people per unit and
/// position, funded posts, the hromadas' reports and the norms. Figures of any unit of the subtree are then sums over
/// its part of the tree, so a report with many lines costs no more queries than one with a single line.
/// </summary>
internal sealed class AreaData
{
    private readonly IReadOnlyDictionary<Guid, OrganisationUnitSummary> _units;
    private readonly ILookup<Guid?, OrganisationUnitSummary> _children;
    private readonly IReadOnlyDictionary<Guid, CommunityProfile> _communities;
    private readonly IReadOnlyDictionary<Guid, CountedAs> _counted;
    private readonly ILookup<Guid, Guid> _provided;
    private readonly Dictionary<Guid, Tally> _own = [];
    private readonly Dictionary<Guid, Tally> _byPosition = [];
    private readonly Dictionary<Guid, AreaFigures> _figures = [];

    /// <summary>
    /// Tallies the people and posts once, per unit and per position, so that a figure of any unit is a sum over the
    /// units under it rather than a search through every row for each of them.
    /// </summary>
    private AreaData(
        IReadOnlyDictionary<Guid, OrganisationUnitSummary> units, IReadOnlyList<Headcount> people, IReadOnlyList<Funding> funded,
        IReadOnlyDictionary<Guid, CommunityProfile> communities, IReadOnlyDictionary<Guid, CountedAs> counted, NormTargets targets,
        IReadOnlyList<BasicService> services, IReadOnlyList<ProvidedService> provided)
    {
        (Services, _provided) = (services, provided.ToLookup(p => p.HromadaId, p => p.ServiceId));
        _units = units;
        _children = units.Values.ToLookup(u => u.ParentId);
        (_communities, _counted, Targets) = (communities, counted, targets);
        var holding = new Dictionary<(Guid Unit, Guid Position), int>();
        foreach (var headcount in people)
        {
            var own = Of(_own, headcount.UnitId);
            own.Staff += headcount.People;
            if (headcount.PositionTypeId is not { } position)
            {
                continue;
            }
            holding[(headcount.UnitId, position)] = headcount.People;
            Of(_byPosition, position).Staff += headcount.People;
            switch (CountedAs(position))
            {
                case Norms.CountedAs.SocialWorker: own.SocialWorkers += headcount.People; break;
                case Norms.CountedAs.Psychologist: own.Psychologists += headcount.People; break;
                case Norms.CountedAs.Volunteer: own.Volunteers += headcount.People; break;
            }
        }
        foreach (var posts in funded)
        {
            var vacant = Math.Max(0, posts.Posts - holding.GetValueOrDefault((posts.OrganisationId, posts.PositionTypeId)));
            foreach (var tally in new[] { Of(_own, posts.OrganisationId), Of(_byPosition, posts.PositionTypeId) })
            {
                tally.FundedPosts += posts.Posts;
                tally.VacantPosts += vacant;
            }
        }
    }

    /// <summary>How many active people of a unit hold a position (null: none set).</summary>
    private sealed record Headcount(Guid UnitId, Guid? PositionTypeId, int People);

    /// <summary>Posts an organisation is funded for in one position.</summary>
    private sealed record Funding(Guid OrganisationId, Guid PositionTypeId, int Posts);

    /// <summary>People and posts added up for a unit or a position.</summary>
    private sealed class Tally
    {
        public int Staff { get; set; }
        public int SocialWorkers { get; set; }
        public int Psychologists { get; set; }
        public int Volunteers { get; set; }
        public int FundedPosts { get; set; }
        public int VacantPosts { get; set; }
    }

    public NormTargets Targets { get; }

    /// <summary>The basic services, in the list's order.</summary>
    public IReadOnlyList<BasicService> Services { get; }

    public static async Task<AreaData> LoadAsync(
        IDbContextFactory<WorkforceDbContext> dbFactory, OrganisationUnitSummary? root, IReadOnlyDictionary<Guid, OrganisationUnitSummary> subtree,
        CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var staff = db.Staff.Where(m => m.IsActive && m.UnitId != null);
        staff = root switch
        {
            null => staff,
            { Type: UnitType.Oblast } => staff.Where(m => m.OblastId == root.Id),
            { Type: UnitType.Hromada } => staff.Where(m => m.HromadaId == root.Id),
            _ => staff.Where(m => m.OrganisationId == root.Id),
        };
        var people = (await staff.GroupBy(m => new { m.UnitId, m.PositionTypeId })
                .Select(g => new { g.Key.UnitId, g.Key.PositionTypeId, People = g.Count() }).ToListAsync(cancellationToken))
            .Where(h => subtree.ContainsKey(h.UnitId!.Value)).Select(h => new Headcount(h.UnitId!.Value, h.PositionTypeId, h.People)).ToList();

        var organisations = subtree.Values.Where(u => u.Type == UnitType.Organisation).Select(u => u.Id).ToList();
        var hromadas = subtree.Values.Where(u => u.Type == UnitType.Hromada).Select(u => u.Id).ToList();
        var fundedPosts = root is null ? db.FundedPosts : db.FundedPosts.Where(p => organisations.Contains(p.OrganisationId));
        var funded = await fundedPosts.Select(p => new Funding(p.OrganisationId, p.PositionTypeId, p.Posts)).ToListAsync(cancellationToken);
        var communities = root is null
            ? await db.Communities.AsNoTracking().ToListAsync(cancellationToken)
            : await db.Communities.AsNoTracking().Where(c => hromadas.Contains(c.HromadaId)).ToListAsync(cancellationToken);
        var provided = root is null
            ? await db.ProvidedServices.AsNoTracking().ToListAsync(cancellationToken)
            : await db.ProvidedServices.AsNoTracking().Where(p => hromadas.Contains(p.HromadaId)).ToListAsync(cancellationToken);
        var services = await db.BasicServices.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        var counted = await db.CountedPositions.AsNoTracking().ToDictionaryAsync(c => c.PositionTypeId, c => c.CountedAs, cancellationToken);
        var norms = await db.Norms.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return new AreaData(
            subtree, people, funded.Where(p => subtree.ContainsKey(p.OrganisationId)).ToList(), communities.ToDictionary(c => c.HromadaId), counted,
            norms?.Targets ?? new NormTargets(), services, provided.Where(p => subtree.ContainsKey(p.HromadaId)).ToList());
    }

    /// <summary>How many of the basic services a hromada provides; null for other units.</summary>
    public int? ServicesProvided(OrganisationUnitSummary unit) =>
        unit.Type == UnitType.Hromada ? _provided[unit.Id].Count(id => Services.Any(s => s.Id == id)) : null;

    /// <summary>How many hromadas of the subtree provide a service.</summary>
    public int Providing(Guid serviceId) => _provided.Count(g => g.Contains(serviceId));

    public CountedAs? CountedAs(Guid positionTypeId) => _counted.TryGetValue(positionTypeId, out var counted) ? counted : null;

    public Settlement? SettlementOf(Guid unitId) => _communities.TryGetValue(unitId, out var community) ? community.Settlement : null;

    /// <summary>Posts funded for a position across the subtree.</summary>
    public int Funded(Guid positionTypeId) => _byPosition.GetValueOrDefault(positionTypeId)?.FundedPosts ?? 0;

    /// <summary>Active people holding a position across the subtree, in organisations or elsewhere.</summary>
    public int Holding(Guid positionTypeId) => _byPosition.GetValueOrDefault(positionTypeId)?.Staff ?? 0;

    public int Vacant(Guid positionTypeId) => _byPosition.GetValueOrDefault(positionTypeId)?.VacantPosts ?? 0;

    /// <summary>The people working in the unit itself, and its own funded posts; no population or case load.</summary>
    public AreaFigures OwnFigures(Guid unitId) => _own.GetValueOrDefault(unitId) is { } own
        ? AreaFigures.Empty with
        {
            Staff = own.Staff, SocialWorkers = own.SocialWorkers, Psychologists = own.Psychologists, Volunteers = own.Volunteers,
            FundedPosts = own.FundedPosts, VacantPosts = own.VacantPosts,
        }
        : AreaFigures.Empty;

    /// <summary>
    /// The unit with everything under it. A territory's population is its own figure or the sum of those under it; a
    /// hromada's case load is its report, a larger territory's the sum of its hromadas' reports.
    /// </summary>
    public AreaFigures FiguresOf(Guid unitId)
    {
        if (_figures.TryGetValue(unitId, out var known))
        {
            return known;
        }
        var unit = _units[unitId];
        var below = AreaFigures.Sum(_children[unitId].Select(c => FiguresOf(c.Id)));
        var own = OwnFigures(unitId);
        var community = _communities.GetValueOrDefault(unitId);
        var figures = AreaFigures.Sum([own, below with { Population = null, Children = null, FamiliesInDifficulty = null, ChildrenWithDisabilities = null }]) with
        {
            Population = unit.Population ?? below.Population,
            Children = unit.ChildPopulation ?? below.Children,
            FamiliesInDifficulty = unit.Type == UnitType.Hromada ? community?.FamiliesInDifficulty : below.FamiliesInDifficulty,
            ChildrenWithDisabilities = unit.Type == UnitType.Hromada ? community?.ChildrenWithDisabilities : below.ChildrenWithDisabilities,
        };
        _figures[unitId] = figures;
        return figures;
    }

    private static Tally Of(Dictionary<Guid, Tally> tallies, Guid key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new Tally();
            tallies[key] = tally;
        }
        return tally;
    }
}
