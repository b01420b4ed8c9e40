using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Dashboard;

/// <summary>A measure the planning overview ranks units by.</summary>
internal enum DashboardMeasure
{
    ResidentsPerSocialWorker,
    ChildrenPerSocialWorker,
    VacancyRate,
    VolunteersPer10000,
    FamiliesPerSocialWorker,
}

/// <summary>
/// A unit's place in the ranking: its value today and in the month compared with, how it stands against the target,
/// and its band from 1 (best fifth of the units ranked) to 5 (worst fifth), 0 where it has no value.
/// </summary>
internal sealed record RankedUnit(Guid UnitId, string Name, double? Value, double? Before, TargetState Target, int Band);

/// <summary>The units right under an area ranked by a measure, worst first, with the snapshot months there are to compare with.</summary>
internal sealed record Ranking(
    StaffingReport Report, DashboardMeasure Measure, bool LowerIsBetter, IReadOnlyList<RankedUnit> Units, DateOnly? ComparedWith, IReadOnlyList<DateOnly> Months);

/// <summary>
/// The planning overview: the units under an area (the country's oblasts, an oblast's hromadas, a hromada's
/// organisations) ranked by a chosen measure and compared with a month's snapshot. It reads the staffing report, so
/// the same area and figures apply.
/// </summary>
internal sealed class Rankings(StaffingReports reports, IDbContextFactory<WorkforceDbContext> dbFactory)
{
    public const int Bands = 5;

    public static bool LowerIsBetter(DashboardMeasure measure) => measure != DashboardMeasure.VolunteersPer10000;

    public async Task<Result<Ranking>> GetAsync(Guid? unitId, DashboardMeasure measure, DateOnly? compareWith, CancellationToken cancellationToken = default)
    {
        // The ranking shows no volunteer hours: they are not asked for.
        var found = await reports.GetAsync(unitId, volunteerHours: false, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var report = found.Value;
        await using var db = dbFactory.CreateDbContext();
        var months = await db.Snapshots.Where(s => s.UnitId == (unitId ?? AreaSnapshot.CountryId)).Select(s => s.Month)
            .OrderByDescending(m => m).ToListAsync(cancellationToken);
        var month = compareWith is { } asked && months.Contains(asked) ? asked : months.FirstOrDefault(m => m < AreaSnapshots.MonthOf(DateTimeOffset.UtcNow));
        var lines = report.Lines.Where(l => !l.IsUnitItself).ToList();
        var ids = lines.Select(l => l.UnitId).ToList();
        var before = month == default ? []
            : await db.Snapshots.AsNoTracking().Where(s => s.Month == month && ids.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, cancellationToken);

        var lower = LowerIsBetter(measure);
        var valued = lines.Select(l => (Line: l, Value: ValueOf(measure, l.Figures))).ToList();
        var ordered = valued.Where(v => v.Value is not null).OrderBy(v => lower ? -v.Value!.Value : v.Value!.Value).ToList();
        var ranked = ordered.Select((v, i) => new RankedUnit(
                v.Line.UnitId, v.Line.Name, v.Value, before.TryGetValue(v.Line.UnitId, out var earlier) ? ValueOf(measure, earlier.Figures) : null,
                TargetOf(measure, v.Line.Figures, report.Targets), Bands - i * Bands / ordered.Count))
            .Concat(valued.Where(v => v.Value is null).OrderBy(v => v.Line.Name, StringComparer.CurrentCulture)
                .Select(v => new RankedUnit(v.Line.UnitId, v.Line.Name, null, null, TargetOf(measure, v.Line.Figures, report.Targets), 0)))
            .ToList();
        return new Ranking(report, measure, lower, ranked, month == default ? null : month, months);
    }

    public static double? ValueOf(DashboardMeasure measure, AreaFigures figures) => measure switch
    {
        DashboardMeasure.ResidentsPerSocialWorker => figures.PeoplePerSocialWorker,
        DashboardMeasure.ChildrenPerSocialWorker => figures.ChildrenPerSocialWorker,
        DashboardMeasure.VacancyRate => figures.VacancyPercent,
        DashboardMeasure.VolunteersPer10000 => figures.VolunteersPer10000,
        DashboardMeasure.FamiliesPerSocialWorker => figures.FamiliesPerSocialWorker,
        _ => null,
    };

    private static TargetState TargetOf(DashboardMeasure measure, AreaFigures figures, NormTargets targets) => measure switch
    {
        DashboardMeasure.ResidentsPerSocialWorker => figures.PeopleTarget(targets),
        DashboardMeasure.ChildrenPerSocialWorker => figures.ChildrenTarget(targets),
        DashboardMeasure.VacancyRate => figures.VacancyTarget(targets),
        DashboardMeasure.VolunteersPer10000 => figures.VolunteersTarget(targets),
        _ => TargetState.NoTarget,
    };
}
