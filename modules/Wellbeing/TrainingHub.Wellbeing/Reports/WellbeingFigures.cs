using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Anonymity;
using TrainingHub.Wellbeing.Contracts;

namespace TrainingHub.Wellbeing.Reports;

/// <summary>
/// The burnout figures the planning views rank units by, taken from the wellbeing reports themselves
/// (<see cref="ReportComputation"/>), so that they show exactly what a report would and nothing it would hide. Only
/// counts, a share and a mean leave the module; never an answer, a score or a person.
/// <list type="bullet">
/// <item>An area some schedule covers: the report of the area in its latest closed round, for everyone (no position
/// filter). The area's figure is the report's total, each unit right under it the report's line for it, with the
/// report's minimum and complementary suppression. A figure is the number who answered, the share of them scoring
/// high and the mean on the instrument's first scale (personal burnout on the CBI), dated by the round's last day.</item>
/// <item>Where the report hides a figure (too few answered, too close to another figure shown, or hidden so that a
/// hidden one cannot be worked out; or the first scale hidden) the figure is <see cref="BurnoutFigure.Hidden"/> with
/// every number null and the round's day kept.</item>
/// <item>A unit nobody was invited from (the report has no line for it), a unit under an area whose latest round is
/// still open or none has closed, and a unit no schedule covers have nothing to show and nothing hidden: every number
/// and the day null, not hidden. A count of zero is not given, so that an empty unit ranks with those not asked.</item>
/// <item>The country (no unit), or an area no schedule covers: each unit right under it that has a schedule of its own
/// gets the total its own report would show in its own latest closed round (the others nothing, as above). These
/// units are reported apart but shown together as siblings, so the rule among siblings is applied to them once more:
/// with the people who answered all of them counted as the parent, <see cref="AnonymityRules.ShownChildren"/> hides
/// the smallest shown ones until those not shown are nobody or at least the minimum. Otherwise, with the total
/// known or guessed from elsewhere, a hidden oblast could be worked out as the total less the shown ones. The area's
/// own figure is null for the country and nothing (as above) for an area without a schedule.</item>
/// </list>
/// It checks no permission: the calling module decides who may see the area.
/// </summary>
internal sealed class WellbeingFigures(ReportComputation reports, IOrganisationDirectory units, ReportSettingsService settings) : IWellbeingFigures
{
    public async Task<BurnoutFigures> BurnoutUnderAsync(Guid? unitId, CancellationToken cancellationToken = default)
    {
        var minimum = (await settings.GetAsync(cancellationToken)).Minimum;
        var under = (await units.GetUnitsInAsync(unitId is { } root ? UnitScope.Under([root]) : UnitScope.Everywhere, cancellationToken))
            .Where(u => u.ParentId == unitId && u.Id != unitId).DistinctBy(u => u.Id)
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
        BurnoutFigure? area = null;
        if (unitId is { } areaId)
        {
            if (!(await reports.ComputeAsync(areaId, null, null, cancellationToken)).TryGetValue(out var computed, out _))
            {
                return new BurnoutFigures(minimum, Nothing(areaId), []);
            }
            var report = computed.Report;
            if (report.ScheduleUnit is not null)
            {
                var lines = report.Units.ToDictionary(l => l.UnitId, l => l.Figures);
                return new BurnoutFigures(report.Minimum, Figure(areaId, report, report.Total),
                    under.Select(u => Figure(u.Id, report, lines.GetValueOrDefault(u.Id))).ToList());
            }
            area = Nothing(areaId);
        }
        return new BurnoutFigures(minimum, area, await ReportedApartAsync(under, minimum, cancellationToken));
    }

    /// <summary>Each unit's total in its own report, then the rule among siblings over them all.</summary>
    private async Task<IReadOnlyList<BurnoutFigure>> ReportedApartAsync(
        IReadOnlyList<OrganisationUnitSummary> under, int minimum, CancellationToken cancellationToken)
    {
        var scheduled = await reports.ScheduledUnitsAsync(cancellationToken);
        var figures = new List<(BurnoutFigure Figure, int Answered)>();
        foreach (var unit in under)
        {
            if (!scheduled.Contains(unit.Id)
                || !(await reports.ComputeAsync(unit.Id, null, null, cancellationToken)).TryGetValue(out var computed, out _))
            {
                figures.Add((Nothing(unit.Id), 0));
                continue;
            }
            figures.Add((Figure(unit.Id, computed.Report, computed.Report.Total), computed.Answered));
        }
        var shown = AnonymityRules.ShownChildren(figures.Sum(f => f.Answered),
            figures.Select(f => new GroupCount(f.Figure.UnitId, f.Figure is { Hidden: false, Respondents: { } answered } ? answered : 0)).ToList(),
            minimum);
        return figures.Select(f => f.Figure.Respondents is null || shown.Contains(f.Figure.UnitId) ? f.Figure : Hidden(f.Figure.UnitId, f.Figure.RoundClosedOn))
            .ToList();
    }

    /// <summary>A unit's figure in the report's round, as the report shows it.</summary>
    private static BurnoutFigure Figure(Guid unitId, WellbeingReport report, GroupFigures? figures)
    {
        if (figures is not { Invited: > 0 } || report.Round is not { IsOpen: false } round || report.Instrument?.Scales.FirstOrDefault() is not { } first)
        {
            return Nothing(unitId);
        }
        var scale = figures.Scales.FirstOrDefault(s => s.Scale == first.Code);
        return figures is { Hidden: null, Respondents: { } respondents } && scale is { Hidden: null, HighPercent: { } high, Mean: { } mean }
            ? new BurnoutFigure(unitId, round.ClosesOn, respondents, high, mean, false)
            : Hidden(unitId, round.ClosesOn);
    }

    private static BurnoutFigure Hidden(Guid unitId, DateOnly? closedOn) => new(unitId, closedOn, null, null, null, true);

    private static BurnoutFigure Nothing(Guid unitId) => new(unitId, null, null, null, null, false);
}
