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
        var counted = await RequirementCounting.CountAsync(
            db, RequirementCounting.Keyed(db, unit, peopleInOrganisation: true), version.Id, profile, unit.Id, cancellationToken);
        var cells = counted.Cells;
        var peopleByRow = counted.PeopleByRow;
        var competencies = profile.Competencies
            .Where(c => profile.IsRequired(c.Id))
            .Select(c => new CompetencyGap(c.Id, c.Code, c.Name, c.NameEn, c.AreaId, counted.Competency(c.Id)))
            .ToList();
        var rows = await RowsAsync(db, unit, peopleByRow, cancellationToken);
        var gapRows = rows
            .Select(r => new GapRow(r.Kind, r.Id, r.Name, counted.PeopleIn(r.Id), counted.Row(r.Id), counted.AreasOf(r.Id)))
            .ToList();
        return new GapView(version, unit, await TrailAsync(unit, cancellationToken), profile.Positions.Count > 0, counted.People,
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
        var members = RequirementCounting.Under(db, unit);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var needle = search.Trim().ToUpperInvariant();
            members = members.Where(m => m.SearchName.Contains(needle));
        }
        var counted = RequirementCounting.PerPerson(db, members, db.RoleRequirements.Where(r => r.FrameworkVersionId == version.Id));
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
        return (version, unit, await RequirementCounting.ProfileAsync(db, versionId, cancellationToken));
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
}
