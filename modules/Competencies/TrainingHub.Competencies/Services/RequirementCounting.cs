using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Organisations.Contracts;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// How requirement pairs are counted, for the gap view and the planning figures alike. A requirement pair is an active
/// person with a position and a competency their position's profile requires; it is met when their counted level in the
/// competency's lineage reaches the required level. Everything is counted in the database over this module's copy of
/// people (<see cref="Member"/>) and counted levels (<see cref="CountedLevel"/>); only totals per group come back.
/// </summary>
internal static class RequirementCounting
{
    /// <summary>The version's tree and role profiles (small: held in memory).</summary>
    public static async Task<VersionProfile> ProfileAsync(CompetenciesDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        var nodes = await db.Nodes.AsNoTracking().Where(n => n.FrameworkVersionId == versionId).ToListAsync(cancellationToken);
        var requirements = await db.RoleRequirements.AsNoTracking().Where(r => r.FrameworkVersionId == versionId)
            .Select(r => new { r.PositionTypeId, r.NodeId, r.LevelRank }).ToListAsync(cancellationToken);
        return new VersionProfile(nodes, requirements.Select(r => (r.PositionTypeId, r.NodeId, r.LevelRank)).ToList());
    }

    /// <summary>
    /// Active people with a position under the unit; under the country (a null unit), everyone placed in some unit.
    /// </summary>
    public static IQueryable<Member> Under(CompetenciesDbContext db, OrganisationUnitSummary? unit)
    {
        var members = unit?.Type switch
        {
            null => db.Members.Where(m => m.OblastId != null || m.HromadaId != null || m.OrganisationId != null),
            UnitType.Oblast => db.Members.Where(m => m.OblastId == unit.Id),
            UnitType.Hromada => db.Members.Where(m => m.HromadaId == unit.Id),
            _ => db.Members.Where(m => m.OrganisationId == unit.Id),
        };
        return members.Where(m => m.IsActive && m.PositionTypeId != null);
    }

    /// <summary>
    /// Active people under the unit with the row they fall in: under the country their top-level unit (the oblast), under
    /// an oblast their hromada, under a hromada their organisation; a null row is the unit itself. Under an organisation,
    /// each person is a row when <paramref name="peopleInOrganisation"/> is set, and the organisation itself otherwise.
    /// </summary>
    public static IQueryable<KeyedMember> Keyed(CompetenciesDbContext db, OrganisationUnitSummary? unit, bool peopleInOrganisation)
    {
        var members = Under(db, unit);
        return unit?.Type switch
        {
            null => members.Select(m => new KeyedMember { Row = m.OblastId ?? m.HromadaId ?? m.OrganisationId, Position = m.PositionTypeId, PersonId = m.Id }),
            UnitType.Oblast => members.Select(m => new KeyedMember { Row = m.HromadaId, Position = m.PositionTypeId, PersonId = m.Id }),
            UnitType.Hromada => members.Select(m => new KeyedMember { Row = m.OrganisationId, Position = m.PositionTypeId, PersonId = m.Id }),
            _ when peopleInOrganisation => members.Select(m => new KeyedMember { Row = m.Id, Position = m.PositionTypeId, PersonId = m.Id }),
            _ => members.Select(m => new KeyedMember { Row = null, Position = m.PositionTypeId, PersonId = m.Id }),
        };
    }

    /// <summary>
    /// Requirement pairs per row and competency of the version, and the people per row its profiles require something of:
    /// two GROUP BYs, aggregates only. People in no row (the unit itself) count under <paramref name="ownRow"/>.
    /// </summary>
    public static async Task<RequirementCells> CountAsync(
        CompetenciesDbContext db, IQueryable<KeyedMember> keyed, Guid versionId, VersionProfile profile, Guid ownRow, CancellationToken cancellationToken)
    {
        var people = await keyed
            .GroupBy(k => new { k.Row, k.Position })
            .Select(g => new PeopleCount(g.Key.Row, g.Key.Position, g.Count()))
            .ToListAsync(cancellationToken);
        var met = await (
                from k in keyed
                join r in db.RoleRequirements.Where(r => r.FrameworkVersionId == versionId) on k.Position equals (Guid?)r.PositionTypeId
                join n in db.Nodes on r.NodeId equals n.Id
                join c in db.CountedLevels on new { k.PersonId, n.LineageId } equals new { c.PersonId, c.LineageId }
                where c.LevelRank >= r.LevelRank
                group k by new { k.Row, r.NodeId } into g
                select new MetCount(g.Key.Row, g.Key.NodeId, g.Count()))
            .ToListAsync(cancellationToken);
        return Cells(people, met, profile, ownRow);
    }

    /// <summary>
    /// The cells of grouped counts: people per row and position (each position's profile gives the pairs they have) and
    /// met pairs per row and competency; a row may come more than once. People in no row count under <paramref name="ownRow"/>.
    /// </summary>
    public static RequirementCells Cells(IReadOnlyCollection<PeopleCount> people, IEnumerable<MetCount> met, VersionProfile profile, Guid ownRow)
    {
        var metByCell = new Dictionary<(Guid Row, Guid Competency), int>();
        foreach (var m in met)
        {
            var key = (m.Row ?? ownRow, m.NodeId);
            metByCell[key] = metByCell.GetValueOrDefault(key) + m.Met;
        }
        var cells = new Dictionary<(Guid Row, Guid Competency), GapShare>();
        foreach (var group in people.Where(p => p.Position is not null))
        {
            foreach (var (competencyId, _) in profile.RequiredOf(group.Position!.Value))
            {
                var key = (group.Row ?? ownRow, competencyId);
                cells[key] = cells.GetValueOrDefault(key) + new GapShare(group.People, 0);
            }
        }
        foreach (var key in cells.Keys.ToList())
        {
            cells[key] = cells[key] with { Met = metByCell.GetValueOrDefault(key) };
        }
        var peopleByRow = people.Where(p => profile.Positions.Contains(p.Position ?? Guid.Empty))
            .GroupBy(p => p.Row ?? ownRow).ToDictionary(g => g.Key, g => g.Sum(p => p.People));
        return new RequirementCells(peopleByRow, cells, profile);
    }

    /// <summary>
    /// Per person among <paramref name="members"/> whose position has any of <paramref name="requirements"/>: how many
    /// pairs they have and how many of them are not met. Set-based rather than per person: requirements per position and
    /// met pairs per person are each one GROUP BY, joined to the people once; the inner join on positions keeps only
    /// people whose profile requires something.
    /// </summary>
    public static IQueryable<PersonRequirements> PerPerson(
        CompetenciesDbContext db, IQueryable<Member> members, IQueryable<RoleRequirement> requirements)
    {
        var requiredPerPosition = requirements
            .GroupBy(r => r.PositionTypeId)
            .Select(g => new { PositionTypeId = (Guid?)g.Key, Required = g.Count() });
        var metPerPerson =
            from m in members
            join r in requirements on m.PositionTypeId equals (Guid?)r.PositionTypeId
            join n in db.Nodes on r.NodeId equals n.Id
            join c in db.CountedLevels on new { PersonId = m.Id, n.LineageId } equals new { c.PersonId, c.LineageId }
            where c.LevelRank >= r.LevelRank
            group c by c.PersonId into g
            select new { PersonId = g.Key, Met = g.Count() };
        return members
            .Join(requiredPerPosition, m => m.PositionTypeId, q => q.PositionTypeId, (m, q) => new { m.Id, m.FullName, m.HomeUnitId, q.Required })
            .LeftJoin(metPerPerson, p => p.Id, met => met.PersonId,
                (p, met) => new PersonRequirements
                {
                    Id = p.Id, FullName = p.FullName, HomeUnitId = p.HomeUnitId, Required = p.Required, Gaps = p.Required - ((int?)met!.Met ?? 0),
                });
    }
}

/// <summary>People of a row in a position.</summary>
internal sealed record PeopleCount(Guid? Row, Guid? Position, int People);

/// <summary>Met requirement pairs of a row in a competency.</summary>
internal sealed record MetCount(Guid? Row, Guid NodeId, int Met);

/// <summary>An active person and the row of a count they fall in.</summary>
internal sealed class KeyedMember
{
    public Guid? Row { get; init; }

    public Guid? Position { get; init; }

    public Guid PersonId { get; init; }
}

/// <summary>A person whose profile requires something: their requirement pairs and how many of them are not met.</summary>
internal sealed class PersonRequirements
{
    public Guid Id { get; init; }

    public string FullName { get; init; } = "";

    public Guid? HomeUnitId { get; init; }

    public int Required { get; init; }

    public int Gaps { get; init; }
}

/// <summary>Requirement pairs counted per row and competency, and the people per row whose profile requires something.</summary>
internal sealed class RequirementCells(
    IReadOnlyDictionary<Guid, int> peopleByRow, IReadOnlyDictionary<(Guid Row, Guid Competency), GapShare> cells, VersionProfile profile)
{
    public IReadOnlyDictionary<Guid, int> PeopleByRow => peopleByRow;

    public IReadOnlyDictionary<(Guid Row, Guid Competency), GapShare> Cells => cells;

    public int People => peopleByRow.Values.Sum();

    public int PeopleIn(Guid row) => peopleByRow.GetValueOrDefault(row);

    /// <summary>All of a row's pairs.</summary>
    public GapShare Row(Guid row) => Sum(cells.Where(x => x.Key.Row == row));

    /// <summary>A row's pairs per top-level area of the version, in the order of <see cref="VersionProfile.Areas"/>.</summary>
    public IReadOnlyList<GapShare> AreasOf(Guid row)
    {
        var rowCells = cells.Where(x => x.Key.Row == row).ToList();
        return profile.Areas.Select(a => Sum(rowCells.Where(x => profile.AreaOf(x.Key.Competency) == a.Id))).ToList();
    }

    /// <summary>A competency's pairs over every row.</summary>
    public GapShare Competency(Guid competencyId) => Sum(cells.Where(x => x.Key.Competency == competencyId));

    private static GapShare Sum(IEnumerable<KeyValuePair<(Guid Row, Guid Competency), GapShare>> selected) =>
        selected.Aggregate(GapShare.Empty, (sum, x) => sum + x.Value);
}

/// <summary>A version's tree and role profiles, as the counting needs them.</summary>
internal sealed class VersionProfile
{
    private readonly Dictionary<Guid, Guid?> _areaOf;
    private readonly ILookup<Guid, (Guid CompetencyId, int Rank)> _byPosition;
    private readonly HashSet<Guid> _required;

    public VersionProfile(IReadOnlyList<CompetencyNode> nodes, IReadOnlyList<(Guid PositionTypeId, Guid NodeId, int LevelRank)> requirements)
    {
        var byId = nodes.ToDictionary(n => n.Id);
        Guid? TopArea(CompetencyNode node)
        {
            while (node.ParentId is { } parent)
            {
                node = byId[parent];
            }
            return node.Kind == NodeKind.Area ? node.Id : null;
        }
        // Depth-first in tree order, so competencies read as the framework page lists them.
        var ordered = new List<CompetencyNode>();
        var children = nodes.ToLookup(n => n.ParentId);
        void Walk(Guid? parent)
        {
            foreach (var child in children[parent].OrderBy(n => n.Order))
            {
                ordered.Add(child);
                Walk(child.Id);
            }
        }
        Walk(null);
        Areas = children[null].Where(n => n.Kind == NodeKind.Area).OrderBy(n => n.Order).Select(n => new GapArea(n.Id, n.Code, n.Name, n.NameEn)).ToList();
        Competencies = ordered.Where(n => n.Kind == NodeKind.Competency)
            .Select(n => new ProfileCompetency(n.Id, n.LineageId, n.Code, n.Name, n.NameEn, TopArea(n))).ToList();
        _areaOf = Competencies.ToDictionary(c => c.Id, c => c.AreaId);
        _byPosition = requirements.ToLookup(r => r.PositionTypeId, r => (r.NodeId, r.LevelRank));
        _required = requirements.Select(r => r.NodeId).ToHashSet();
        Positions = requirements.Select(r => r.PositionTypeId).ToHashSet();
    }

    public IReadOnlyList<GapArea> Areas { get; }

    /// <summary>The version's competencies in tree order.</summary>
    public IReadOnlyList<ProfileCompetency> Competencies { get; }

    /// <summary>The position types whose profile requires anything in the version.</summary>
    public IReadOnlySet<Guid> Positions { get; }

    public IReadOnlyList<(Guid CompetencyId, int Rank)> RequiredOf(Guid positionTypeId) => _byPosition[positionTypeId].ToList();

    public bool IsRequired(Guid competencyId) => _required.Contains(competencyId);

    public Guid? AreaOf(Guid competencyId) => _areaOf.GetValueOrDefault(competencyId);
}

/// <summary>A competency of a version, with its lineage and the top-level area it sits in.</summary>
internal sealed record ProfileCompetency(Guid Id, Guid LineageId, string Code, string Name, string? NameEn, Guid? AreaId);
