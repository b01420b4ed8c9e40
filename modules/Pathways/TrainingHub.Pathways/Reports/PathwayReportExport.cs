using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Audit.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Pathways.Reports;

/// <summary>
/// A unit's certification progress as a file, with the figures the page shows: CSV (a line for the unit and for each
/// line under it, with every stage's figures, the certificate counts and this year's professional development) or an XLSX workbook that adds the stages of the
/// unit and the certificates expiring soon on sheets of their own. Each export is audited.
/// </summary>
internal sealed class PathwayReportExport(PathwayReports reports, IAuditTrail audit, IStringLocalizer<PathwaysResource> L)
{
    public async Task<Result<ExportedFile>> ExportAsync(Guid unitId, string? pathwayCode, SpreadsheetFormat format, CancellationToken cancellationToken = default)
    {
        var found = await reports.GetAsync(unitId, pathwayCode, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var report = found.Value;
        var name = $"pathways-{report.Unit.KatottgCode ?? unitId.ToString("N")[..8]}-{report.Pathway?.Code ?? "none"}-{report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var units = UnitLines(report);
        var file = format == SpreadsheetFormat.Xlsx
            ? Spreadsheets.Xlsx(name, new Dictionary<string, object>
            {
                [L["Reports:UnitsSheet"]] = units, [L["Reports:StagesSheet"]] = StageLines(report), [L["Reports:ExpiringSheet"]] = ExpiringLines(report),
            })
            : Spreadsheets.Csv(name, [.. UnitLine(report.Total, report.Unit.DisplayName, report.Today.Year).Keys], units.Select(line => line.Values));
        await audit.RecordAsync(new AuditEvent(AuditActions.Exported)
        {
            Module = "Pathways", EntityType = "PathwayReport", UnitId = unitId, Summary = file.FileName,
        }, cancellationToken);
        return file;
    }

    /// <summary>The service checks the permission again at the unit asked for.</summary>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/pathways/reports/export",
                async (Guid unit, string? template, string? format, PathwayReportExport export, CancellationToken cancellationToken) =>
                    Spreadsheets.ToDownload(await export.ExportAsync(unit, template, Spreadsheets.Format(format), cancellationToken)))
            .RequireAuthorization(PathwaysPermissions.ReportsView);

    private List<IDictionary<string, object?>> UnitLines(PathwayReport report) =>
    [
        UnitLine(report.Total, report.Unit.DisplayName, report.Today.Year),
        .. report.Units.Select(u => UnitLine(u, u.IsUnitItself ? L["Reports:UnitItself", u.Name].Value : u.Name, report.Today.Year)),
    ];

    private IDictionary<string, object?> UnitLine(UnitFigures figures, string name, int year)
    {
        var line = new Dictionary<string, object?> { [L["Reports:UnitColumn"]] = name };
        foreach (var stage in figures.Stages)
        {
            var title = $"{stage.Position}. {stage.Name}";
            line[L["Reports:StagePeople", title]] = stage.People;
            line[L["Reports:StageReady", title]] = stage.Ready;
            line[L["Reports:StageAverage", title]] = stage.AverageDays;
            line[L["Reports:StageMedian", title]] = stage.MedianDays;
        }
        line[L["Reports:ExpiringColumn", PathwayReports.ExpiringWithinDays]] = figures.Certificates.Expiring;
        line[L["Reports:ExpiredColumn"]] = figures.Certificates.Expired;
        line[L["Reports:RevokedColumn"]] = figures.Certificates.Revoked;
        line[L["Reports:DevelopmentAsked", year]] = figures.Development.Asked;
        line[L["Reports:DevelopmentMet", year]] = figures.Development.Met;
        return line;
    }

    private List<IDictionary<string, object?>> StageLines(PathwayReport report) =>
    [
        .. report.Total.Stages.Select(stage => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [L["Reports:Stage"]] = $"{stage.Position}. {stage.Name}",
            [L["Reports:People"]] = stage.People,
            [L["Reports:Ready"]] = stage.Ready,
            [L["Reports:Left"]] = stage.Left,
            [L["Reports:AverageDays"]] = stage.AverageDays,
            [L["Reports:MedianDays"]] = stage.MedianDays,
        }),
    ];

    private List<IDictionary<string, object?>> ExpiringLines(PathwayReport report) =>
    [
        .. report.Expiring.Select(c => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [L["Reports:Person"]] = c.PersonName,
            [L["Reports:Stage"]] = c.StageName,
            [L["Reports:UnitColumn"]] = c.UnitName,
            [L["Reports:ValidUntil"]] = c.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }),
    ];
}
