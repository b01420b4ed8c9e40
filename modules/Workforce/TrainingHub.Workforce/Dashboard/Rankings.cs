using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Wellbeing.Contracts;
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
    ProfileMetPercent,
    SupervisionCoveragePercent,
    CertifiedPercent,

    /// <summary>The share of check-in respondents with a high burnout score, where the wellbeing anonymity rules let it show.</summary>
    BurnoutHighPercent,
}

/// <summary>
/// A unit's place in the ranking: its value today and in the month compared with, how it stands against the target,
/// and its band from 1 (best fifth of the units ranked) to 5 (worst fifth), 0 where it has no value.
/// </summary>
/// <see cref="Hidden"/> marks a value the wellbeing anonymity rules do not let show.
internal sealed record RankedUnit(Guid UnitId, string Name, double? Value, double? Before, TargetState Target, int Band, bool Hidden = false);

/// <summary>The units right under an area ranked by a measure, worst first, with the snapshot months there are to compare with.</summary>
internal sealed record Ranking(
    StaffingReport Report, DashboardMeasure Measure, bool LowerIsBetter, IReadOnlyList<RankedUnit> Units, DateOnly? ComparedWith, IReadOnlyList<DateOnly> Months)
{
    /// <summary>The smallest group the wellbeing rules show, for a measure under them; null otherwise.</summary>
    public int? AnonymityMinimum { get; init; }

    /// <summary>Whether the measure is a share in per cent rather than a ratio.</summary>
    public bool IsPercent => Measure is not (
        DashboardMeasure.ResidentsPerSocialWorker or DashboardMeasure.ChildrenPerSocialWorker or DashboardMeasure.FamiliesPerSocialWorker
        or DashboardMeasure.VolunteersPer10000);
}

/// <summary>
/// The planning overview: the units under an area (the country's oblasts, an oblast's hromadas, a hromada's
/// organisations) ranked by a chosen measure and compared with a month's snapshot. It reads the staffing report, so
/// the same area and figures apply.
/// </summary>
internal sealed class Rankings(StaffingReports reports, IDbContextFactory<WorkforceDbContext> dbFactory, PeopleShares people, IWellbeingFigures? wellbeing = null)
{
    public const int Bands = 5;

    public static bool LowerIsBetter(DashboardMeasure measure) => measure is not (
        DashboardMeasure.VolunteersPer10000 or DashboardMeasure.ProfileMetPercent or DashboardMeasure.SupervisionCoveragePercent
        or DashboardMeasure.CertifiedPercent);

    /// <summary>The question other modules answer about each person that a measure counts, if it is one.</summary>
    public static PeopleQuestion? QuestionOf(DashboardMeasure measure) => measure switch
    {
        DashboardMeasure.ProfileMetPercent => PeopleQuestion.MeetProfile,
        DashboardMeasure.SupervisionCoveragePercent => PeopleQuestion.Supervised,
        DashboardMeasure.CertifiedPercent => PeopleQuestion.Certified,
        _ => null,
    };

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

        var (ranked, minimum) = await RankAsync(report, measure, lines, id => before.TryGetValue(id, out var earlier) ? ValueOf(measure, earlier) : null, cancellationToken);
        return new Ranking(report, measure, LowerIsBetter(measure), ranked, month == default ? null : month, months) { AnonymityMinimum = minimum };
    }

    /// <summary>
    /// The units under an area ranked by each of several measures, from one reading of the staffing report and without a
    /// month to compare with: for a summary that weighs the measures together, such as the home page's.
    /// </summary>
    public async Task<Result<IReadOnlyList<Ranking>>> GetManyAsync(Guid? unitId, IReadOnlyList<DashboardMeasure> measures, CancellationToken cancellationToken = default)
    {
        var found = await reports.GetAsync(unitId, volunteerHours: false, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var report = found.Value;
        var lines = report.Lines.Where(l => !l.IsUnitItself).ToList();
        var rankings = new List<Ranking>();
        foreach (var measure in measures)
        {
            var (ranked, minimum) = await RankAsync(report, measure, lines, _ => null, cancellationToken);
            rankings.Add(new Ranking(report, measure, LowerIsBetter(measure), ranked, null, []) { AnonymityMinimum = minimum });
        }
        return Result<IReadOnlyList<Ranking>>.Success(rankings);
    }

    /// <summary>The lines ranked worst first and banded by fifths; those without a value follow by name, in band 0.</summary>
    private async Task<(List<RankedUnit> Ranked, int? Minimum)> RankAsync(
        StaffingReport report, DashboardMeasure measure, List<AreaLine> lines, Func<Guid, double?> before, CancellationToken cancellationToken)
    {
        var lower = LowerIsBetter(measure);
        var (values, hidden, minimum) = await ValuesAsync(measure, report, cancellationToken);
        var valued = lines.Select(l => (Line: l, Value: values(l))).ToList();
        var ordered = valued.Where(v => v.Value is not null).OrderBy(v => lower ? -v.Value!.Value : v.Value!.Value).ToList();
        var ranked = ordered.Select((v, i) => new RankedUnit(
                v.Line.UnitId, v.Line.Name, v.Value, before(v.Line.UnitId), TargetOf(measure, v.Line.Figures, report.Targets), Bands - i * Bands / ordered.Count))
            .Concat(valued.Where(v => v.Value is null).OrderBy(v => v.Line.Name, StringComparer.CurrentCulture)
                .Select(v => new RankedUnit(v.Line.UnitId, v.Line.Name, null, null, TargetOf(measure, v.Line.Figures, report.Targets), 0, hidden.Contains(v.Line.UnitId))))
            .ToList();
        return (ranked, minimum);
    }

    /// <summary>
    /// How to read each line's value: staffing measures from the report; answers about people from the modules that
    /// give them, added up per line; burnout from the wellbeing module as its rules let it show (the units it hides are
    /// returned too).
    /// </summary>
    private async Task<(Func<AreaLine, double?> Value, IReadOnlySet<Guid> Hidden, int? Minimum)> ValuesAsync(
        DashboardMeasure measure, StaffingReport report, CancellationToken cancellationToken)
    {
        if (QuestionOf(measure) is { } question)
        {
            var own = await people.ByUnitAsync(question, report.Unit, report.Subtree, cancellationToken);
            if (own is null)
            {
                return (_ => null, new HashSet<Guid>(), null);
            }
            var lineOf = report.Subtree.Values.LinesUnder(report.Unit?.Id ?? Guid.Empty);
            var byLine = own.Where(o => lineOf.ContainsKey(o.Key)).GroupBy(o => lineOf[o.Key])
                .ToDictionary(g => g.Key, g => g.Aggregate(PeopleShare.Empty, (sum, o) => sum + o.Value));
            return (l => byLine.GetValueOrDefault(l.UnitId).Percent, new HashSet<Guid>(), null);
        }
        if (measure == DashboardMeasure.BurnoutHighPercent)
        {
            if (wellbeing is null)
            {
                return (_ => null, new HashSet<Guid>(), null);
            }
            var burnout = await wellbeing.BurnoutUnderAsync(report.Unit?.Id, cancellationToken);
            var figures = burnout.Units.ToDictionary(f => f.UnitId);
            return (l => figures.GetValueOrDefault(l.UnitId)?.HighPercent, figures.Values.Where(f => f.Hidden).Select(f => f.UnitId).ToHashSet(),
                burnout.Minimum);
        }
        return (l => ValueOf(measure, l.Figures), new HashSet<Guid>(), null);
    }

    /// <summary>A unit's value in a month's snapshot; burnout is not kept there (the wellbeing reports compare rounds under their rules).</summary>
    public static double? ValueOf(DashboardMeasure measure, AreaSnapshot snapshot) =>
        QuestionOf(measure) is { } question ? snapshot.Share(question)?.Percent
        : measure == DashboardMeasure.BurnoutHighPercent ? null
        : ValueOf(measure, snapshot.Figures);

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
