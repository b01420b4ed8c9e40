using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Workforce.ActionPlans;
using TrainingHub.Workforce.Charts;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Volunteers;

namespace TrainingHub.Workforce.Staffing;

/// <summary>
/// The staffing of an area as a file with the figures the page shows: CSV (a line for the area and one for each unit
/// under it) or an XLSX workbook that adds, on sheets of their own, each table the page shows below it: the positions,
/// the urban and rural hromadas, the basic services (a hromada's checklist, or how many hromadas of an area provide each)
/// and the area's action plan.
/// Ratios are rounded to one decimal and left empty where they cannot be worked out (no social worker: see the count
/// beside it). Each export is audited.
/// </summary>
internal sealed class StaffingExport(StaffingReports reports, WorkforcePlans plans, IAuditTrail audit, IStringLocalizer<WorkforceResource> L)
{
    public async Task<Result<ExportedFile>> ExportAsync(Guid? unitId, SpreadsheetFormat format, CancellationToken cancellationToken = default)
    {
        var found = await reports.GetAsync(unitId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var report = found.Value;
        var name = $"staffing-{report.Unit?.KatottgCode ?? unitId?.ToString("N")[..8] ?? "ukraine"}-{DateTime.UtcNow:yyyy-MM-dd}";
        List<IDictionary<string, object?>> lines =
        [
            Line(report.Unit?.DisplayName ?? L["Staffing:Country"], report.Settlement, report.Total, report.Volunteers),
            .. report.Lines.Select(l => Line(l.IsUnitItself ? L["Staffing:UnitItself", l.Name] : l.Name, l.Settlement, l.Figures, l.Volunteers)),
        ];
        ExportedFile file;
        if (format == SpreadsheetFormat.Xlsx)
        {
            var sheets = new Dictionary<string, object>
            {
                [L["Staffing:Lines"]] = lines, [L["Staffing:Positions"]] = Positions(report), [L["Staffing:Settlements"]] = Settlements(report),
            };
            // As the page: a hromada's checklist, or an area's coverage when it has hromadas; the plan when targets are set.
            if (Services(report) is { Count: > 0 } services)
            {
                sheets[L["Services:Title"]] = services;
            }
            var plan = await plans.ForAsync(report, cancellationToken);
            if (plan.Failed(out var planError))
            {
                return planError;
            }
            if (plan.Value.Count > 0)
            {
                sheets[L["Plan:Title"]] = Plan(plan.Value);
            }
            file = Spreadsheets.Xlsx(name, sheets);
        }
        else
        {
            file = Spreadsheets.Csv(name, [.. lines[0].Keys], lines.Select(line => line.Values));
        }
        return await audit.RecordedAsync(file, "StaffingReport", unitId, cancellationToken);
    }

    /// <summary>Without a unit, the whole country; the service checks the permission again for the area asked for.</summary>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/workforce/staffing/export",
                async (Guid? unit, string? format, StaffingExport export, CancellationToken cancellationToken) =>
                    Spreadsheets.ToDownload(await export.ExportAsync(unit, Spreadsheets.Format(format), cancellationToken)))
            .RequireAuthorization(WorkforcePermissions.View);

    private IDictionary<string, object?> Line(string name, Communities.Settlement? settlement, AreaFigures figures, VolunteerFigures? volunteers = null) =>
        new Dictionary<string, object?>
    {
        [L["Staffing:Unit"]] = name,
        [L["Community:Settlement"]] = settlement is { } s ? L[$"Settlement:{s}"].Value : null,
        [L["Staffing:Population"]] = figures.Population,
        [L["Export:Children"]] = figures.Children,
        [L["Staffing:Staff"]] = figures.Staff,
        [L["Staffing:SocialWorkers"]] = figures.SocialWorkers,
        [L["Export:Psychologists"]] = figures.Psychologists,
        [L["Export:Volunteers"]] = figures.Volunteers,
        [L["Staffing:PeoplePerSocialWorker"]] = Rounded(figures.PeoplePerSocialWorker),
        [L["Staffing:ChildrenPerSocialWorker"]] = Rounded(figures.ChildrenPerSocialWorker),
        [L["Staffing:VolunteersPer10000"]] = Rounded(figures.VolunteersPer10000),
        [L["Staffing:FundedPosts"]] = figures.FundedPosts,
        [L["Staffing:Vacant"]] = figures.VacantPosts,
        [L["Export:VacancyPercent"]] = Rounded(figures.VacancyPercent),
        [L["Community:Families"]] = figures.FamiliesInDifficulty,
        [L["Community:Disabilities"]] = figures.ChildrenWithDisabilities,
        [L["Staffing:FamiliesPerSocialWorker"]] = Rounded(figures.FamiliesPerSocialWorker),
        [L["Staffing:DisabilitiesPerSpecialist"]] = Rounded(figures.ChildrenWithDisabilitiesPerSpecialist),
        [L["Volunteers:Hours"]] = volunteers?.Hours,
        [L["Volunteers:Progressed"]] = volunteers?.Progressed,
        [L["Volunteers:MovedOn"]] = volunteers?.MovedOn,
    };

    private List<IDictionary<string, object?>> Positions(StaffingReport report) =>
    [
        .. report.Positions.Select(p => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [L["Staffing:Position"]] = p.Name,
            [L["Staffing:CountedAs"]] = p.CountedAs is { } counted ? L[$"CountedAs:{counted}"].Value : L["CountedAs:None"].Value,
            [L["Staffing:FundedPosts"]] = p.Funded,
            [L["Staffing:Filled"]] = p.Filled,
            [L["Staffing:Vacant"]] = p.Vacant,
        }),
    ];

    private List<IDictionary<string, object?>> Settlements(StaffingReport report) =>
    [
        .. report.Settlements.Select(s => Line(L[$"Settlement:{s.Settlement}"], s.Settlement, s.Figures)),
    ];

    private List<IDictionary<string, object?>> Services(StaffingReport report) => report switch
    {
        { ServicesAsChecklist: true } =>
        [
            .. report.Services.Select(s => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [L["Staffing:Service"]] = s.Name,
                [L["Export:ProvidedWithTrainedStaff"]] = L[s.Providing > 0 ? "Staffing:Provided" : "Staffing:NotProvided"].Value,
            }),
        ],
        { ServicesAsCoverage: true } =>
        [
            .. report.Services.Select(s => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [L["Staffing:Service"]] = s.Name,
                [L["Staffing:HromadasProviding"]] = s.Providing,
                [L["Export:HromadasInArea"]] = s.Hromadas,
            }),
        ],
        _ => [],
    };

    private List<IDictionary<string, object?>> Plan(IReadOnlyList<PlanLine> plan) =>
    [
        .. plan.Select(t => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [L["Plan:Measure"]] = L[$"Plan:Measure:{t.Measure}"].Value,
            [L["Plan:Target"]] = L[PlanTarget.AtMost(t.Measure) ? "Staffing:AtMost" : "Staffing:AtLeast", FigureText.Count(t.Target)].Value,
            [L["Plan:DueOn"]] = t.DueOn.ToDateTime(TimeOnly.MinValue),
            [L["Plan:Now"]] = Rounded(t.Current),
            [L["Plan:Progress"]] = L[$"Plan:Progress:{t.Progress}"].Value,
            [L["Plan:Note"]] = t.Note,
        }),
    ];

    private static double? Rounded(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 1) : null;
}
