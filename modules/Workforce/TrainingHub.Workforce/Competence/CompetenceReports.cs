using TrainingHub.Competencies.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Competence;

/// <summary>A row of the heatmap: a unit under the area (or the area's own people), its share met per competency area and over all.</summary>
internal sealed record HeatmapLine(Guid UnitId, string Name, UnitType Type, bool IsUnitItself, int People, RequirementShare Total, IReadOnlyList<RequirementShare> Areas);

/// <summary>A step of the certification funnel and how many people of the area stand on it.</summary>
internal sealed record FunnelStep(FunnelStage Stage, int People);

internal enum FunnelStage
{
    /// <summary>Active people in positions counted as volunteers.</summary>
    Volunteers,

    /// <summary>Of them, those holding a valid pathway certificate.</summary>
    TrainedVolunteers,

    /// <summary>Active people in positions counted as paraprofessionals (social assistants).</summary>
    Paraprofessionals,

    /// <summary>Active people in positions counted as social workers or psychologists.</summary>
    Professionals,
}

/// <summary>A course that would close gaps of the area: the requirement pairs it covers that are not met, and the competencies behind them.</summary>
internal sealed record CourseDemand(CourseReference Course, int Gaps, IReadOnlyList<CompetencyShortfall> Closes);

/// <summary>
/// The competence view of an area: the heatmap against one framework version (null when no version is published or the
/// competencies module is not part of the app), the certification funnel, and the courses that would close most gaps.
/// </summary>
internal sealed record CompetenceView(
    StaffingReport Report, IReadOnlyList<FrameworkVersionReference> Versions, CompetencyHeatmap? Heatmap, IReadOnlyList<HeatmapLine> Lines,
    IReadOnlyList<FunnelStep> Funnel, IReadOnlyList<CourseDemand> Demand);

/// <summary>
/// Competence figures for those who plan (<see cref="Contracts.WorkforcePermissions.View"/>), over the same area, scope
/// and drill-down as the staffing report: the competencies module counts the heatmap, the learning module names the
/// courses that map to the competencies most lacking.
/// </summary>
internal sealed class CompetenceReports(
    StaffingReports reports, PeopleShares people, ICompetencyFigures? competencies = null, ICourseMappings? courses = null)
{
    public const int DemandShown = 10;

    /// <summary>The preferred framework: the demo's, or else the first by name.</summary>
    public const string PreferredFrameworkCode = "CP-INCL";

    public async Task<Result<CompetenceView>> GetAsync(Guid? unitId, Guid? versionId, CancellationToken cancellationToken = default)
    {
        // Volunteers' hours are not shown here: only which of them hold a certificate is asked.
        var found = await reports.GetAsync(unitId, volunteerHours: false, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var report = found.Value;
        var versions = competencies is null ? [] : (await competencies.NewestPublishedAsync(cancellationToken))
            .OrderBy(v => v.Name(Cultures.ReadsEnglish), StringComparer.CurrentCulture).ToList();
        var version = versions.FirstOrDefault(v => v.Id == versionId)
            ?? versions.FirstOrDefault(v => string.Equals(v.FrameworkCode, PreferredFrameworkCode, StringComparison.OrdinalIgnoreCase))
            ?? versions.FirstOrDefault();
        var heatmap = version is null ? null : await competencies!.HeatmapAsync(version.Id, report.Unit?.Id, cancellationToken);
        var certified = await people.ByUnitAsync(PeopleQuestion.Certified, report.Unit, report.Subtree, cancellationToken, CountedAs.Volunteer);
        var trained = certified?.Values.Sum(s => s.Yes) ?? 0;
        return new CompetenceView(report, versions, heatmap, Lines(report, heatmap), Funnel(report, trained), await DemandAsync(heatmap, cancellationToken));
    }

    /// <summary>The heatmap's rows named and ordered as the staffing report's lines, the area's own people first.</summary>
    private static List<HeatmapLine> Lines(StaffingReport report, CompetencyHeatmap? heatmap)
    {
        if (heatmap is null)
        {
            return [];
        }
        var areaId = report.Unit?.Id;
        return heatmap.Rows
            .Select(r => (Row: r, Unit: report.Subtree.GetValueOrDefault(r.UnitId)))
            .Where(r => r.Unit is not null)
            .Select(r => new HeatmapLine(r.Row.UnitId, r.Unit!.DisplayName, r.Unit.Type, r.Row.UnitId == areaId, r.Row.People, r.Row.Total, r.Row.Areas))
            .Where(l => !l.IsUnitItself || l.People > 0)
            .OrderBy(l => !l.IsUnitItself).ThenBy(l => l.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    private static List<FunnelStep> Funnel(StaffingReport report, int trainedVolunteers) =>
    [
        new(FunnelStage.Volunteers, report.Total.Volunteers),
        new(FunnelStage.TrainedVolunteers, trainedVolunteers),
        new(FunnelStage.Paraprofessionals, report.Positions.Where(p => p.CountedAs == CountedAs.Paraprofessional).Sum(p => p.Filled)),
        new(FunnelStage.Professionals, report.Total.SocialWorkers + report.Total.Psychologists),
    ];

    /// <summary>Courses ranked by the unmet requirement pairs of the area in the competencies they map to.</summary>
    private async Task<IReadOnlyList<CourseDemand>> DemandAsync(CompetencyHeatmap? heatmap, CancellationToken cancellationToken)
    {
        var lacking = heatmap?.Shortfalls.Where(s => s.Missing > 0).ToDictionary(s => s.LineageId) ?? [];
        if (courses is null || lacking.Count == 0)
        {
            return [];
        }
        return (await courses.CoursesForCompetenciesAsync(lacking.Keys, cancellationToken))
            .Select(c =>
            {
                var closes = c.CompetencyLineageIds.Where(lacking.ContainsKey).Select(id => lacking[id]).OrderByDescending(s => s.Missing).ToList();
                return new CourseDemand(c.Course, closes.Sum(s => s.Missing), closes);
            })
            .OrderByDescending(d => d.Gaps).ThenBy(d => d.Course.Title, StringComparer.CurrentCulture)
            .Take(DemandShown)
            .ToList();
    }
}
