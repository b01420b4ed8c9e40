using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Workforce.Dashboard;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Home;

/// <summary>
/// A unit under the coordinator's area that needs attention: how far down it ranks over the measures weighed together
/// (its mean band, 5 being the worst fifth), and the measure it ranks worst on, with its value there.
/// </summary>
internal sealed record UnitNeed(Guid UnitId, string Name, UnitType Type, double MeanBand, DashboardMeasure Worst, int WorstBand, double? Value, bool IsPercent, bool TargetMissed);

/// <summary>The area the dashboard opens at for the user, and its units most in need first.</summary>
internal sealed record AreaNeeds(Guid? AreaId, string? AreaName, IReadOnlyList<UnitNeed> Units);

/// <summary>
/// The units right under the area a coordinator plans for (the oblasts of the country, the hromadas of an oblast), most
/// in need first. Each unit is ranked, as the dashboard ranks it, on staffing (residents per social worker and empty
/// posts) and on the shares of people who meet their competency profile, are supervised often enough and hold a
/// certificate; the rule is the mean of its bands over the measures it has a value for (equal values sharing the worse band), worst first, then the unit in
/// the worst band on more measures, then by name. It reads the staffing report once, which keeps to the user's area.
/// </summary>
internal sealed class UnitsNeedingAttention(StaffingReports reports, Rankings rankings)
{
    public const int Shown = 5;

    /// <summary>The measures weighed, in the order a tie on the worst band is settled.</summary>
    public static readonly IReadOnlyList<DashboardMeasure> Measures =
    [
        DashboardMeasure.ResidentsPerSocialWorker, DashboardMeasure.VacancyRate, DashboardMeasure.ProfileMetPercent,
        DashboardMeasure.SupervisionCoveragePercent, DashboardMeasure.CertifiedPercent,
    ];

    public async Task<Result<AreaNeeds>> GetAsync(CancellationToken cancellationToken = default)
    {
        var start = await reports.DefaultUnitAsync(cancellationToken);
        if (start.Failed(out var error))
        {
            return error;
        }
        var ranked = await rankings.GetManyAsync(start.Value, Measures, cancellationToken);
        if (ranked.Failed(out error))
        {
            return error;
        }
        var report = ranked.Value[0].Report;
        var types = report.Lines.ToDictionary(l => l.UnitId, l => l.Type);
        var banded = ranked.Value.SelectMany(r => Banded(r).Select(u => (Ranking: r, Unit: u))).ToList();
        var needs = banded
            .GroupBy(x => x.Unit.UnitId)
            .Select(g =>
            {
                // A stable sort over the rankings in the order of the measures settles a tie on the first measure.
                var worst = g.OrderByDescending(x => x.Unit.Band).First();
                return new UnitNeed(
                    g.Key, worst.Unit.Name, types[g.Key], g.Average(x => x.Unit.Band), worst.Ranking.Measure, worst.Unit.Band, worst.Unit.Value,
                    worst.Ranking.IsPercent, worst.Unit.Target == TargetState.NotMet);
            })
            .OrderByDescending(n => n.MeanBand)
            .ThenByDescending(n => banded.Count(x => x.Unit.UnitId == n.UnitId && x.Unit.Band == Rankings.Bands))
            .ThenBy(n => n.Name, StringComparer.CurrentCulture)
            .Take(Shown)
            .ToList();
        return new AreaNeeds(report.Unit?.Id, report.Unit?.DisplayName, needs);
    }

    /// <summary>
    /// The units with a value, in the band the dashboard gives them, except that units with the same value share the worse
    /// band: the dashboard bands by place, which would part equals (everyone at 0 %) by their names.
    /// </summary>
    private static IEnumerable<RankedUnit> Banded(Ranking ranking)
    {
        var valued = ranking.Units.Where(u => u.Band > 0).ToList();
        var worstOf = valued.GroupBy(u => u.Value).ToDictionary(g => g.Key!.Value, g => g.Max(u => u.Band));
        return valued.Select(u => u with { Band = worstOf[u.Value!.Value] });
    }
}
