using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Volunteers;

namespace TrainingHub.Workforce.Staffing;

/// <summary>A position in an area: posts funded for it, people holding it and funded posts nobody fills.</summary>
internal sealed record PositionLine(Guid PositionTypeId, string Name, CountedAs? CountedAs, int Funded, int Filled, int Vacant);

/// <summary>
/// A unit right under the one reported on, with everything under it, or the people working in the reported unit itself
/// (<see cref="IsUnitItself"/>). <see cref="ServicesProvided"/> is how many basic services a hromada provides with trained
/// staff (null for other units).
/// </summary>
internal sealed record AreaLine(
    Guid UnitId, string Name, UnitType Type, bool IsUnitItself, Settlement? Settlement, AreaFigures Figures, VolunteerFigures Volunteers,
    int? ServicesProvided = null);

/// <summary>A basic service in an area: how many of its hromadas provide it with trained staff, of how many.</summary>
internal sealed record ServiceCoverage(Guid ServiceId, string Name, int Providing, int Hromadas);

/// <summary>The hromadas of an area reported urban, or rural, taken together.</summary>
internal sealed record SettlementFigures(Settlement Settlement, int Hromadas, AreaFigures Figures);

/// <summary>A unit above the one reported on, to go back up to; the country when <see cref="UnitId"/> is null.</summary>
internal sealed record TrailStep(Guid? UnitId, string? Name);

/// <summary>
/// The staffing of a unit (null: the whole country) against the national targets: its figures, its positions, the same
/// figures for each unit right under it, and urban against rural hromadas. <see cref="Settlement"/> and the case load are
/// the hromada's own report when the unit is a hromada.
/// </summary>
internal sealed record StaffingReport(
    OrganisationUnitSummary? Unit, IReadOnlyList<TrailStep> Trail, AreaFigures Total, VolunteerFigures Volunteers, Settlement? Settlement,
    IReadOnlyList<PositionLine> Positions,
    IReadOnlyList<AreaLine> Lines, IReadOnlyList<SettlementFigures> Settlements, IReadOnlyList<ServiceCoverage> Services, NormTargets Targets, bool CanEdit);

/// <summary>
/// Staffing figures for those who plan (<see cref="WorkforcePermissions.View"/>) over the units of their area: people are
/// counted in their home unit when active, by position; a vacancy is a funded post of an organisation beyond the people
/// holding that position there; a territory's population is its own figure or, when it has none, the sum of those under it.
/// </summary>
internal sealed class StaffingReports(
    IDbContextFactory<WorkforceDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IUnitHierarchy hierarchy, IPositionTypes positionTypes,
    VolunteerCounts volunteerCounts)
{
    /// <summary>Where the report opens: the country for those whose area is everywhere, otherwise the highest unit of their area; null when they have none.</summary>
    public async Task<Result<Guid?>> DefaultUnitAsync(CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(WorkforcePermissions.View);
        if (scope.IsEmpty)
        {
            return Error.Forbidden;
        }
        if (scope.IsEverywhere)
        {
            return (Guid?)null;
        }
        var tops = await units.FindManyAsync(scope.Roots, cancellationToken);
        return tops.OrderBy(u => u.Type).ThenBy(u => u.DisplayName, StringComparer.CurrentCulture).First().Id;
    }

    public async Task<Result<StaffingReport>> GetAsync(Guid? unitId, CancellationToken cancellationToken = default)
    {
        if (!await access.IsGrantedAsync(WorkforcePermissions.View, unitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        OrganisationUnitSummary? unit = null;
        if (unitId is { } id && (unit = await units.FindAsync(id, cancellationToken)) is null)
        {
            return Error.NotFound;
        }
        var subtree = (await units.GetUnitsInAsync(unit is null ? UnitScope.Everywhere : UnitScope.Under([unit.Id]), cancellationToken))
            .DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        var data = await AreaData.LoadAsync(dbFactory, unit, subtree, cancellationToken);
        var types = await positionTypes.ListAsync(cancellationToken);

        var under = subtree.Values.Where(u => u.ParentId == unit?.Id || (unit is null && u.ParentId is { } p && !subtree.ContainsKey(p)))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
        var volunteers = await volunteerCounts.ByUnitAsync(unit, subtree, cancellationToken);
        var lineOf = subtree.Values.LinesUnder(unit?.Id ?? Guid.Empty);
        VolunteerFigures VolunteersOf(Guid line) => VolunteerFigures.Sum(volunteers.Where(v => lineOf[v.Key] == line).Select(v => v.Value));
        var lines = under.Select(u => new AreaLine(
            u.Id, u.DisplayName, u.Type, false, data.SettlementOf(u.Id), data.FiguresOf(u.Id), VolunteersOf(u.Id), data.ServicesProvided(u))).ToList();
        if (unit is not null && data.OwnFigures(unit.Id) is { Staff: > 0 } itself)
        {
            lines.Insert(0, new AreaLine(unit.Id, unit.DisplayName, unit.Type, true, null, itself, VolunteersOf(unit.Id)));
        }
        var total = unit is null ? AreaFigures.Sum(lines.Select(l => l.Figures)) : data.FiguresOf(unit.Id);
        var settlements = subtree.Values.Where(u => u.Type == UnitType.Hromada && data.SettlementOf(u.Id) is not null)
            .GroupBy(u => data.SettlementOf(u.Id)!.Value)
            .Select(g => new SettlementFigures(g.Key, g.Count(), AreaFigures.Sum(g.Select(h => data.FiguresOf(h.Id)))))
            .OrderBy(s => s.Settlement).ToList();
        var positions = types.Select(t => new PositionLine(
                t.Id, t.Name(Cultures.ReadsEnglish), data.CountedAs(t.Id), data.Funded(t.Id), data.Holding(t.Id), data.Vacant(t.Id)))
            .ToList();
        var hromadas = subtree.Values.Count(u => u.Type == UnitType.Hromada);
        var services = unit?.Type == UnitType.Organisation ? []
            : data.Services.Select(s => new ServiceCoverage(s.Id, s.Name(Cultures.ReadsEnglish), data.Providing(s.Id), hromadas)).ToList();
        return new StaffingReport(
            unit, await TrailAsync(unit, cancellationToken), total, VolunteerFigures.Sum(volunteers.Values), unit is null ? null : data.SettlementOf(unit.Id),
            positions, lines, settlements,
            services, data.Targets, await access.IsGrantedAsync(WorkforcePermissions.StaffingEdit, unitId, cancellationToken));
    }

    /// <summary>The units above, from the top, that the user may report on: the way back up a drill-down.</summary>
    private async Task<IReadOnlyList<TrailStep>> TrailAsync(OrganisationUnitSummary? unit, CancellationToken cancellationToken)
    {
        if (unit is null)
        {
            return [];
        }
        var trail = new List<TrailStep>();
        if (access.GetScope(WorkforcePermissions.View).IsEverywhere)
        {
            trail.Add(new TrailStep(null, null));
        }
        var above = (await hierarchy.GetAncestryAsync(unit.Id, cancellationToken)).Skip(1).Reverse().ToList();
        var named = (await units.FindManyAsync(above, cancellationToken)).ToDictionary(u => u.Id);
        foreach (var id in above)
        {
            if (named.TryGetValue(id, out var step) && await access.IsGrantedAsync(WorkforcePermissions.View, id, cancellationToken))
            {
                trail.Add(new TrailStep(id, step.DisplayName));
            }
        }
        return trail;
    }
}
