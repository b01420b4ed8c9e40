using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Wellbeing.Contracts;

namespace TrainingHub.Wellbeing.Reports;

/// <summary>
/// A unit's check-in figures as a file, with exactly what the page shows and nothing it hides: CSV (the chosen round,
/// the unit and a line per unit under it) or an XLSX workbook that adds the trend over rounds. Each export is audited.
/// </summary>
internal sealed class WellbeingReportExport(WellbeingReports reports, IAuditTrail audit, IStringLocalizer<WellbeingResource> L)
{
    public async Task<Result<ExportedFile>> ExportAsync(
        Guid unitId, Guid? roundId, Guid? positionTypeId, SpreadsheetFormat format, CancellationToken cancellationToken = default)
    {
        var found = await reports.GetAsync(unitId, roundId, positionTypeId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var report = found.Value;
        var name = $"wellbeing-{report.Unit.KatottgCode ?? unitId.ToString("N")[..8]}-{report.Round?.OpensOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"}";
        var round = RoundLines(report);
        var file = format == SpreadsheetFormat.Xlsx
            ? Spreadsheets.Xlsx(name, new Dictionary<string, object> { [L["Reports:RoundSheet"]] = round, [L["Reports:TrendSheet"]] = TrendLines(report) })
            : Spreadsheets.Csv(name, Headers(report, L["Reports:UnitColumn"]), round.Select(line => line.Values));
        await audit.RecordAsync(new AuditEvent(AuditActions.Exported)
        {
            Module = "Wellbeing", EntityType = "WellbeingReport", UnitId = unitId, Summary = file.FileName,
        }, cancellationToken);
        return file;
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/wellbeing/reports/export",
                async (Guid unit, Guid? round, Guid? position, string? format, WellbeingReportExport export, CancellationToken cancellationToken) =>
                    Spreadsheets.ToDownload(await export.ExportAsync(unit, round, position, Spreadsheets.Format(format), cancellationToken)))
            .RequireAuthorization(WellbeingPermissions.ReportsView);

    private List<IDictionary<string, object?>> RoundLines(WellbeingReport report) => report.Total is null
        ? []
        : [Line(report, report.Unit.DisplayName, report.Total), .. report.Units.Select(u => Line(report, u.Name, u.Figures))];

    private List<IDictionary<string, object?>> TrendLines(WellbeingReport report) =>
        [.. report.Trend.Select(p => Line(report, p.Round.OpensOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Figures, L["Reports:RoundColumn"]))];

    private List<string> Headers(WellbeingReport report, string first) =>
        [.. Line(report, first, new GroupFigures(0, null, null, []), first).Keys];

    /// <summary>A group's line: hidden figures are left empty and the note says why.</summary>
    private IDictionary<string, object?> Line(WellbeingReport report, string name, GroupFigures figures, string? firstColumn = null)
    {
        var line = new Dictionary<string, object?>
        {
            [firstColumn ?? L["Reports:UnitColumn"]] = name,
            [L["Reports:Invited"]] = figures.Invited,
            [L["Reports:Respondents"]] = figures.Respondents,
            [L["Reports:ResponseRate"]] = figures.ResponsePercent,
        };
        foreach (var scale in report.Instrument?.Scales ?? [])
        {
            var scaleFigures = figures.Scales.FirstOrDefault(s => s.Scale == scale.Code);
            line[L["Reports:ScaleMean", scale.Name.Current]] = scaleFigures?.Mean;
            line[L["Reports:ScaleHigh", scale.Name.Current, report.Instrument!.HighFrom]] = scaleFigures?.HighPercent;
        }
        line[L["Reports:Note"]] = figures.Hidden is { } hidden ? L[$"Reports:Hidden:{hidden}", report.Minimum].Value : null;
        return line;
    }
}
