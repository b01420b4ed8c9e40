using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies.Services;

/// <summary>A published framework version the gap view can count against.</summary>
internal sealed record GapVersion(Guid Id, string Code, string Name, string? NameEn, int Number)
{
    public string DisplayName => Bilingual.Pick(Name, NameEn);
}

/// <summary>A top-level area of the version: a column of the heatmap, covering the competencies of its nested areas too.</summary>
internal sealed record GapArea(Guid Id, string Code, string Name, string? NameEn)
{
    public string DisplayName => Bilingual.Pick(Name, NameEn);
}

/// <summary>One competency: the people whose profile requires it and how many of them meet it.</summary>
internal sealed record CompetencyGap(Guid Id, string Code, string Name, string? NameEn, Guid? AreaId, GapShare Share)
{
    public string DisplayName => Bilingual.Pick(Name, NameEn);
}

internal enum GapRowKind
{
    /// <summary>A child unit (a hromada of an oblast, an organisation of a hromada), which can be opened.</summary>
    Unit,

    /// <summary>People whose home unit is the unit itself rather than one of its children.</summary>
    UnitItself,

    /// <summary>A person, at the level of an organisation.</summary>
    Person,
}

/// <summary>One row of the heatmap: a child unit or a person, with a share per area and over all competencies.</summary>
internal sealed record GapRow(GapRowKind Kind, Guid Id, string Name, int People, GapShare Total, IReadOnlyList<GapShare> Areas);

/// <summary>The gap view of one unit for one version.</summary>
internal sealed record GapView(
    GapVersion Version, OrganisationUnitSummary Unit, IReadOnlyList<OrganisationUnitSummary> Trail, bool HasProfiles, int People,
    GapShare Total, IReadOnlyList<GapArea> Areas, IReadOnlyList<CompetencyGap> Competencies, IReadOnlyList<GapRow> Rows)
{
    /// <summary>The unit's competency shares under each child unit, for the export: per row, per competency.</summary>
    public IReadOnlyDictionary<(Guid Row, Guid Competency), GapShare> Detail { get; init; } = new Dictionary<(Guid, Guid), GapShare>();
}

/// <summary>A person under the unit whose role profile requires something in the version, and how many of it they lack.</summary>
internal sealed record PersonGap(Guid Id, string FullName, Guid? HomeUnitId, int Required, int Gaps);

/// <summary>What the gap page starts with: the versions and units the person may pick, and the defaults.</summary>
internal sealed record GapChoices(IReadOnlyList<GapVersion> Versions, IReadOnlyList<OrganisationUnitSummary> Units, Guid? DefaultVersionId, Guid? DefaultUnitId);

/// <summary>
/// Competency gaps per unit on behalf of the current user, who needs <see cref="CompetencyPermissions.GapsView"/> at
/// the unit asked for. Everything is counted in the database over this module's copy of people
/// (<see cref="Member"/>) and counted levels (<see cref="CountedLevel"/>); only totals per group come back.
/// A requirement pair is an active person under the unit and a competency their position's profile requires; it is met
/// when their counted level in the competency's lineage reaches the required level.
/// </summary>
internal sealed class CompetencyGaps(
    IDbContextFactory<CompetenciesDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IUnitHierarchy hierarchy)
{
    /// <summary>The demo framework's code: the page opens on it when it is published.</summary>
    public const string PreferredFrameworkCode = "CP-INCL";

    public async Task<Result<GapChoices>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(CompetencyPermissions.GapsView);
        if (scope.IsEmpty)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var versions = await (
                from framework in db.Frameworks
                join version in db.FrameworkVersions on framework.Id equals version.FrameworkId
                where version.Status == FrameworkStatus.Published
                select new { version.Id, framework.Code, framework.NormalizedCode, version.Name, version.NameEn, version.Number })
            .AsNoTracking().ToListAsync(cancellationToken);
        var choices = versions.Select(v => new GapVersion(v.Id, v.Code, v.Name, v.NameEn, v.Number))
            .OrderBy(v => v.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
        var preferred = versions.FirstOrDefault(v => v.NormalizedCode == PreferredFrameworkCode)?.Id ?? choices.FirstOrDefault()?.Id;
        var tops = scope.IsEverywhere
            ? (await units.GetUnitsInAsync(scope, cancellationToken)).Where(u => u.ParentId is null)
            : await units.FindManyAsync(scope.Roots, cancellationToken);
        var picked = tops.OrderBy(u => u.Type).ThenBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new GapChoices(choices, picked, preferred, picked.FirstOrDefault()?.Id);
    }

    public async Task<Result<GapView>> ViewAsync(Guid versionId, Guid unitId, CancellationToken cancellationToken = default)
    {
        var target = await TargetAsync(versionId, unitId, cancellationToken);
        if (target.Failed(out var error))
        {
            return error;
        }
        var (version, unit, profile) = target.Value;
        await using var db = dbFactory.CreateDbContext();
        var keyed = Keyed(db, unit);

        // People per row and position, and met pairs per row and competency: two GROUP BYs, aggregates only.
        var people = await keyed
            .GroupBy(k => new { k.Row, k.Position })
            .Select(g => new { g.Key.Row, g.Key.Position, People = g.Count() })
            .ToListAsync(cancellationToken);
        var met = await (
                from k in keyed
                join r in db.RoleRequirements.Where(r => r.FrameworkVersionId == version.Id) on k.Position equals (Guid?)r.PositionTypeId
                join n in db.Nodes on r.NodeId equals n.Id
                join c in db.CountedLevels on new { k.PersonId, n.LineageId } equals new { c.PersonId, c.LineageId }
                where c.LevelRank >= r.LevelRank
                group k by new { k.Row, r.NodeId } into g
                select new { g.Key.Row, g.Key.NodeId, Met = g.Count() })
            .ToListAsync(cancellationToken);

        var metByCell = met.ToDictionary(m => (m.Row, m.NodeId), m => m.Met);
        var cells = new Dictionary<(Guid Row, Guid Competency), GapShare>();
        foreach (var group in people.Where(p => p.Position is not null))
        {
            foreach (var (competencyId, _) in profile.RequiredOf(group.Position!.Value))
            {
                var key = (group.Row ?? unit.Id, competencyId);
                cells[key] = cells.GetValueOrDefault(key) + new GapShare(group.People, 0);
            }
        }
        foreach (var key in cells.Keys.ToList())
        {
            cells[key] = cells[key] with { Met = metByCell.GetValueOrDefault((key.Row == unit.Id ? null : key.Row, key.Competency)) };
        }

        var competencies = profile.Competencies
            .Select(c => new CompetencyGap(c.Id, c.Code, c.Name, c.NameEn, c.AreaId,
                cells.Where(x => x.Key.Competency == c.Id).Aggregate(GapShare.Empty, (sum, x) => sum + x.Value)))
            .Where(c => profile.IsRequired(c.Id))
            .ToList();
        var peopleByRow = people.Where(p => profile.Positions.Contains(p.Position ?? Guid.Empty))
            .GroupBy(p => p.Row ?? unit.Id).ToDictionary(g => g.Key, g => g.Sum(p => p.People));
        var rows = await RowsAsync(db, unit, peopleByRow, cancellationToken);
        var gapRows = rows
            .Select(r =>
            {
                var rowCells = cells.Where(x => x.Key.Row == r.Id).ToList();
                var areas = profile.Areas
                    .Select(a => rowCells.Where(x => profile.AreaOf(x.Key.Competency) == a.Id).Aggregate(GapShare.Empty, (sum, x) => sum + x.Value))
                    .ToList();
                return new GapRow(r.Kind, r.Id, r.Name, peopleByRow.GetValueOrDefault(r.Id),
                    rowCells.Aggregate(GapShare.Empty, (sum, x) => sum + x.Value), areas);
            })
            .ToList();
        return new GapView(version, unit, await TrailAsync(unit, cancellationToken), profile.Positions.Count > 0, peopleByRow.Values.Sum(),
            competencies.Aggregate(GapShare.Empty, (sum, c) => sum + c.Share), profile.Areas, competencies, gapRows)
        {
            Detail = cells,
        };
    }

    /// <summary>People under the unit whose profile requires something, most gaps first; optionally only those with a gap.</summary>
    public async Task<Result<Page<PersonGap>>> PeopleAsync(
        Guid versionId, Guid unitId, string? search, bool onlyWithGaps, PageRequest page, CancellationToken cancellationToken = default)
    {
        var target = await TargetAsync(versionId, unitId, cancellationToken);
        if (target.Failed(out var error))
        {
            return error;
        }
        var (version, unit, _) = target.Value;
        await using var db = dbFactory.CreateDbContext();
        var members = Under(db, unit);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var needle = search.Trim().ToUpperInvariant();
            members = members.Where(m => m.SearchName.Contains(needle));
        }
        // Set-based rather than per person: requirements per position and met pairs per person are each one GROUP BY,
        // joined to the people once. The inner join on positions keeps only people whose profile requires something.
        var requirements = db.RoleRequirements.Where(r => r.FrameworkVersionId == version.Id);
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
        var counted = members
            .Join(requiredPerPosition, m => m.PositionTypeId, q => q.PositionTypeId, (m, q) => new { m.Id, m.FullName, m.HomeUnitId, q.Required })
            .LeftJoin(metPerPerson, p => p.Id, met => met.PersonId,
                (p, met) => new { p.Id, p.FullName, p.HomeUnitId, p.Required, Gaps = p.Required - ((int?)met!.Met ?? 0) });
        if (onlyWithGaps)
        {
            counted = counted.Where(p => p.Gaps > 0);
        }
        var total = await counted.CountAsync(cancellationToken);
        var items = await counted.OrderByDescending(p => p.Gaps).ThenBy(p => p.FullName).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<PersonGap>(items.Select(p => new PersonGap(p.Id, p.FullName, p.HomeUnitId, p.Required, p.Gaps)).ToList(), total);
    }

    /// <summary>Checks the permission at the unit and loads the version's profiles and tree (small: held in memory).</summary>
    private async Task<Result<(GapVersion Version, OrganisationUnitSummary Unit, VersionProfile Profile)>> TargetAsync(
        Guid versionId, Guid unitId, CancellationToken cancellationToken)
    {
        if (!access.HasPermission(CompetencyPermissions.GapsView))
        {
            return Error.Forbidden;
        }
        var unit = await units.FindAsync(unitId, cancellationToken);
        if (unit is null)
        {
            return Error.NotFound;
        }
        if (!await access.IsGrantedAsync(CompetencyPermissions.GapsView, unitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var version = await (
                from framework in db.Frameworks
                join v in db.FrameworkVersions on framework.Id equals v.FrameworkId
                where v.Id == versionId && v.Status == FrameworkStatus.Published
                select new GapVersion(v.Id, framework.Code, v.Name, v.NameEn, v.Number))
            .SingleOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return Error.NotFound;
        }
        var nodes = await db.Nodes.AsNoTracking().Where(n => n.FrameworkVersionId == versionId).ToListAsync(cancellationToken);
        var requirements = await db.RoleRequirements.AsNoTracking().Where(r => r.FrameworkVersionId == versionId)
            .Select(r => new { r.PositionTypeId, r.NodeId, r.LevelRank }).ToListAsync(cancellationToken);
        return (version, unit, new VersionProfile(nodes, requirements.Select(r => (r.PositionTypeId, r.NodeId, r.LevelRank)).ToList()));
    }

    /// <summary>Active people under the unit, with the row they fall in: their hromada, their organisation or themselves.</summary>
    private static IQueryable<KeyedMember> Keyed(CompetenciesDbContext db, OrganisationUnitSummary unit) => unit.Type switch
    {
        UnitType.Oblast => Under(db, unit).Select(m => new KeyedMember { Row = m.HromadaId, Position = m.PositionTypeId, PersonId = m.Id }),
        UnitType.Hromada => Under(db, unit).Select(m => new KeyedMember { Row = m.OrganisationId, Position = m.PositionTypeId, PersonId = m.Id }),
        _ => Under(db, unit).Select(m => new KeyedMember { Row = m.Id, Position = m.PositionTypeId, PersonId = m.Id }),
    };

    private static IQueryable<Member> Under(CompetenciesDbContext db, OrganisationUnitSummary unit)
    {
        var members = unit.Type switch
        {
            UnitType.Oblast => db.Members.Where(m => m.OblastId == unit.Id),
            UnitType.Hromada => db.Members.Where(m => m.HromadaId == unit.Id),
            _ => db.Members.Where(m => m.OrganisationId == unit.Id),
        };
        return members.Where(m => m.IsActive && m.PositionTypeId != null);
    }

    /// <summary>The rows of the heatmap: every child unit (people or not), people in the unit itself, or the organisation's people.</summary>
    private async Task<List<(GapRowKind Kind, Guid Id, string Name)>> RowsAsync(
        CompetenciesDbContext db, OrganisationUnitSummary unit, IReadOnlyDictionary<Guid, int> peopleByRow, CancellationToken cancellationToken)
    {
        if (unit.Type == UnitType.Organisation)
        {
            var ids = peopleByRow.Keys.ToList();
            return (await db.Members.Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.FullName }).ToListAsync(cancellationToken))
                .OrderBy(m => m.FullName, StringComparer.CurrentCultureIgnoreCase)
                .Select(m => (GapRowKind.Person, m.Id, m.FullName))
                .ToList();
        }
        var rows = (await units.GetUnitsInAsync(UnitScope.Under([unit.Id]), cancellationToken))
            .Where(u => u.ParentId == unit.Id)
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(u => (GapRowKind.Unit, u.Id, u.DisplayName))
            .ToList();
        if (peopleByRow.ContainsKey(unit.Id))
        {
            rows.Insert(0, (GapRowKind.UnitItself, unit.Id, unit.DisplayName));
        }
        return rows;
    }

    /// <summary>The unit's ancestors the person may open, from the highest down, ending with the unit.</summary>
    private async Task<IReadOnlyList<OrganisationUnitSummary>> TrailAsync(OrganisationUnitSummary unit, CancellationToken cancellationToken)
    {
        var scope = access.GetScope(CompetencyPermissions.GapsView);
        var ancestry = (await hierarchy.GetAncestryAsync(unit.Id, cancellationToken)).Reverse().ToList();
        var opened = ancestry.SkipWhile(id => !scope.IsEverywhere && !scope.Roots.Contains(id)).ToList();
        var summaries = (await units.FindManyAsync(opened, cancellationToken)).ToDictionary(u => u.Id);
        return opened.Where(summaries.ContainsKey).Select(id => summaries[id]).ToList();
    }

    private sealed class KeyedMember
    {
        public Guid? Row { get; init; }

        public Guid? Position { get; init; }

        public Guid PersonId { get; init; }
    }
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
        Competencies = ordered.Where(n => n.Kind == NodeKind.Competency).Select(n => (n.Id, n.Code, n.Name, n.NameEn, TopArea(n))).ToList();
        _areaOf = Competencies.ToDictionary(c => c.Id, c => c.AreaId);
        _byPosition = requirements.ToLookup(r => r.PositionTypeId, r => (r.NodeId, r.LevelRank));
        _required = requirements.Select(r => r.NodeId).ToHashSet();
        Positions = requirements.Select(r => r.PositionTypeId).ToHashSet();
    }

    public IReadOnlyList<GapArea> Areas { get; }

    public IReadOnlyList<(Guid Id, string Code, string Name, string? NameEn, Guid? AreaId)> Competencies { get; }

    /// <summary>The position types whose profile requires anything in the version.</summary>
    public IReadOnlySet<Guid> Positions { get; }

    public IReadOnlyList<(Guid CompetencyId, int Rank)> RequiredOf(Guid positionTypeId) => _byPosition[positionTypeId].ToList();

    public bool IsRequired(Guid competencyId) => _required.Contains(competencyId);

    public Guid? AreaOf(Guid competencyId) => _areaOf.GetValueOrDefault(competencyId);
}
