using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Dashboard;

/// <summary>
/// The ranking as a file: the table as CSV or XLSX (rank, unit, value, the month compared with, the change, the
/// target), or the chart as SVG (a bar per unit in its band's colour, with its name and value written beside it, so
/// the picture reads without the page). Each export is audited.
/// </summary>
internal sealed class RankingExport(Rankings rankings, IAuditTrail audit, IStringLocalizer<WorkforceResource> L)
{
    public async Task<Result<ExportedFile>> ExportAsync(Guid? unitId, DashboardMeasure measure, DateOnly? compare, string? format, CancellationToken cancellationToken = default)
    {
        var found = await rankings.GetAsync(unitId, measure, compare, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var ranking = found.Value;
        var name = $"ranking-{measure}-{ranking.Report.Unit?.KatottgCode ?? unitId?.ToString("N")[..8] ?? "ukraine"}-{DateTime.UtcNow:yyyy-MM-dd}";
        var file = string.Equals(format, "svg", StringComparison.OrdinalIgnoreCase)
            ? new ExportedFile(Encoding.UTF8.GetBytes(Svg(ranking)), $"{name}.svg", "image/svg+xml")
            : Spreadsheets.Format(format) == SpreadsheetFormat.Xlsx
                ? Spreadsheets.Xlsx(name, new Dictionary<string, object> { [L[$"Dashboard:Measure:{measure}"]] = Lines(ranking) })
                : Spreadsheets.Csv(name, [.. Lines(ranking).FirstOrDefault()?.Keys ?? []], Lines(ranking).Select(l => l.Values));
        await audit.RecordAsync(new AuditEvent(AuditActions.Exported)
        {
            Module = "Workforce", EntityType = "Ranking", UnitId = unitId, Summary = file.FileName,
        }, cancellationToken);
        return file;
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/workforce/dashboard/export",
                async (Guid? unit, string? measure, DateOnly? compare, string? format, RankingExport export, CancellationToken cancellationToken) =>
                    Spreadsheets.ToDownload(await export.ExportAsync(
                        unit, Enum.TryParse<DashboardMeasure>(measure, out var chosen) ? chosen : DashboardMeasure.ResidentsPerSocialWorker, compare, format,
                        cancellationToken)))
            .RequireAuthorization(WorkforcePermissions.View);

    private List<IDictionary<string, object?>> Lines(Ranking ranking) =>
    [
        .. ranking.Units.Select((u, i) => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [L["Dashboard:Rank"]] = u.Value is null ? null : i + 1,
            [L["Staffing:Unit"]] = u.Name,
            [L[$"Dashboard:Measure:{ranking.Measure}"]] = Rounded(u.Value),
            [L["Dashboard:Before", ranking.ComparedWith?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "—"]] = Rounded(u.Before),
            [L["Dashboard:TargetColumn"]] = u.Target switch { TargetState.Met => L["Target:MetShort"].Value, TargetState.NotMet => L["Target:Missed"].Value, _ => null },
        }),
    ];

    private string Svg(Ranking ranking)
    {
        const int width = 760, labelWidth = 280, barWidth = 360, rowHeight = 26, top = 40;
        var max = ranking.Units.Max(u => u.Value is { } v && double.IsFinite(v) ? v : 0);
        var title = $"{L[$"Dashboard:Measure:{ranking.Measure}"]} · {ranking.Report.Unit?.DisplayName ?? L["Staffing:Country"]}";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{top + rowHeight * ranking.Units.Count + 10}\" role=\"img\" font-family=\"sans-serif\" font-size=\"13\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{SecurityElement.Escape(title)}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{SecurityElement.Escape(title)}</text>");
        foreach (var (unit, i) in ranking.Units.Select((u, i) => (u, i)))
        {
            var y = top + i * rowHeight;
            var length = unit.Value is not { } v ? 0 : !double.IsFinite(v) || max <= 0 ? barWidth : Math.Max(2, v * barWidth / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{y + 16}\">{SecurityElement.Escape($"{i + 1}. {unit.Name}")}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{length:0.#}\" height=\"16\" rx=\"3\" fill=\"{DashboardPage.BandColour(unit.Band)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + barWidth + 10}\" y=\"{y + 16}\">{SecurityElement.Escape(L.Ratio(unit.Value))}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static double? Rounded(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 1) : null;
}
