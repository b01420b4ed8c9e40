using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Workforce.Charts;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Volunteers;

namespace TrainingHub.Workforce.Staffing;

/// <summary>
/// The staffing of an area as a file with the figures the page shows: CSV (a line for the area and one for each unit
/// under it) or an XLSX workbook that adds the positions and the urban and rural hromadas on sheets of their own.
/// Ratios are rounded to one decimal and left empty where they cannot be worked out (no social worker: see the count
/// beside it). Each export is audited.
/// </summary>
internal sealed class StaffingExport(StaffingReports reports, IAuditTrail audit, IStringLocalizer<WorkforceResource> L)
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
        var file = format == SpreadsheetFormat.Xlsx
            ? Spreadsheets.Xlsx(name, new Dictionary<string, object>
            {
                [L["Staffing:Lines"]] = lines, [L["Staffing:Positions"]] = Positions(report), [L["Staffing:Settlements"]] = Settlements(report),
            })
            : Spreadsheets.Csv(name, [.. lines[0].Keys], lines.Select(line => line.Values));
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

    private static double? Rounded(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 1) : null;
}
