using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Instruments;

namespace TrainingHub.Wellbeing.Reports;

internal sealed record ReportRound(Guid Id, DateOnly OpensOn, DateOnly ClosesOn, bool IsOpen);

internal sealed record ReportLine(Guid UnitId, string Name, bool HasUnitsUnder, GroupFigures Figures);

internal sealed record TrendPoint(ReportRound Round, GroupFigures Figures);

/// <summary>
/// The check-in figures of a unit: the rounds that cover it (its nearest schedule's), the chosen round's figures for the
/// unit and for each unit right under it, and the unit's figures over the closed rounds. <see cref="ScheduleUnit"/> is
/// null when no schedule covers the unit; <see cref="ScheduledUnder"/> then names the units under it that have one.
/// </summary>
internal sealed record WellbeingReport(
    OrganisationUnitSummary Unit, OrganisationUnitSummary? ScheduleUnit, IReadOnlyList<OrganisationUnitSummary> ScheduledUnder, int Minimum,
    InstrumentDefinition? Instrument, IReadOnlyList<ReportRound> Rounds, ReportRound? Round, GroupFigures? Total, IReadOnlyList<ReportLine> Units,
    IReadOnlyList<TrendPoint> Trend);

/// <summary>
/// Aggregate check-in figures for those who plan, in the units of their area: never a person's answers, and each figure
/// only where the anonymity rules allow (see <see cref="ReportCalculator"/>). An open round shows nothing until it
/// closes, so figures cannot be watched changing as people answer. The figures are those of <see cref="ReportComputation"/>,
/// shown only to those allowed to see the unit's.
/// </summary>
internal sealed class WellbeingReports(
    IAccessControl access, IOrganisationDirectory units, IPositionTypes positionTypes, ReportComputation computation)
{
    /// <summary>The units the user may see figures of, for the unit picker.</summary>
    public async Task<IReadOnlyList<OrganisationUnitSummary>> UnitsAsync(CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(WellbeingPermissions.ReportsView);
        return scope.IsEmpty ? [] : (await units.GetUnitsInAsync(scope, cancellationToken)).DistinctBy(u => u.Id)
            .OrderBy(u => u.Type).ThenBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
    }

    public Task<IReadOnlyList<PositionTypeInfo>> PositionTypesAsync(CancellationToken cancellationToken = default) =>
        positionTypes.ListAsync(cancellationToken);

    public async Task<Result<WellbeingReport>> GetAsync(Guid unitId, Guid? roundId = null, Guid? positionTypeId = null, CancellationToken cancellationToken = default)
    {
        if (!await access.IsGrantedAsync(WellbeingPermissions.ReportsView, unitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        return (await computation.ComputeAsync(unitId, roundId, positionTypeId, cancellationToken)).TryGetValue(out var computed, out var error)
            ? computed.Report : error;
    }
}
