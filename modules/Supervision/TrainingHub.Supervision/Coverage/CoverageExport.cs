using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Supervision.Coverage;

/// <summary>
/// The coverage report as a file: CSV (the total and a line per unit) or an XLSX workbook with the units, the people
/// overdue and the case load on sheets of their own. Each export is recorded in the audit trail.
/// </summary>
internal sealed class CoverageExport(CoverageReports reports, IAuditTrail audit, IStringLocalizer<SupervisionResource> L)
{
    public async Task<Result<ExportedFile>> ExportAsync(Guid unitId, SpreadsheetFormat format, CancellationToken cancellationToken = default)
    {
        var report = await reports.GetAsync(unitId, cancellationToken);
        if (report.Failed(out var error))
        {
            return error;
        }
        var name = $"supervision-coverage-{report.Value.Unit.KatottgCode ?? unitId.ToString("N")[..8]}";
        var file = format == SpreadsheetFormat.Xlsx ? Xlsx(name, report.Value) : Csv(name, report.Value);
        await audit.RecordAsync(new AuditEvent(AuditActions.Exported)
        {
            Module = "Supervision", EntityType = "SupervisionCoverage", UnitId = unitId, Summary = file.FileName,
        }, cancellationToken);
        return file;
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/supervision/coverage/export",
                async (Guid unit, string? format, CoverageExport export, CancellationToken cancellationToken) =>
                    Spreadsheets.ToDownload(await export.ExportAsync(unit, Spreadsheets.Format(format), cancellationToken)))
            .RequireAuthorization(SupervisionPermissions.AssignmentsManage);

    private List<IDictionary<string, object?>> Lines(CoverageReport report) =>
        [Line(report.Unit.DisplayName, report.Total), .. report.Units.Select(u => Line(u.Name, u.Figures))];

    private IDictionary<string, object?> Line(string name, CoverageFigures figures) => new Dictionary<string, object?>
    {
        [L["Coverage:UnitColumn"]] = name,
        [L["Coverage:People"]] = figures.People,
        [L["Coverage:Supervised"]] = figures.Supervised,
        [L["Coverage:WithinPolicy"]] = figures.WithinPolicy,
        [L["Coverage:Overdue"]] = figures.Overdue,
        [L["Coverage:Percent"]] = figures.Percent,
    };

    private ExportedFile Csv(string name, CoverageReport report)
    {
        var lines = Lines(report);
        return Spreadsheets.Csv(name, lines[0].Keys, lines.Select(line => line.Values));
    }

    private ExportedFile Xlsx(string name, CoverageReport report) => Spreadsheets.Xlsx(name, new Dictionary<string, object>
    {
        [L["Coverage:ByUnit"]] = Lines(report),
        [L["Coverage:OverdueTitle"]] = report.Overdue.Select(p => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [L["Coverage:Person"]] = p.Name, [L["Coverage:UnitColumn"]] = p.UnitName, [L["Coverage:Supervisor"]] = p.SupervisorName,
            [L["Coverage:DueSince"]] = p.NextDue.ToDateTime(TimeOnly.MinValue), [L["Coverage:LastMeeting"]] = p.LastMeeting?.ToDateTime(TimeOnly.MinValue),
        }).ToList(),
        [L["Coverage:CaseLoadTitle"]] = report.CaseLoad.Select(c => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [L["Coverage:Supervisor"]] = c.SupervisorName, [L["Coverage:Supervisees"]] = c.Supervisees, [L["Coverage:Overdue"]] = c.Overdue,
        }).ToList(),
    });
}
