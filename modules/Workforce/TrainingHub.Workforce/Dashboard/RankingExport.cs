using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Workforce.Charts;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Dashboard;

/// <summary>
/// The ranking as a file: the table as CSV or XLSX (rank, unit, value, the month compared with, the change, the
/// target), or the chart as SVG or PNG (a bar per unit in its band's colour, with its name and value written beside it, so
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
        var file = ChartFiles.IsImage(format)
            ? ChartFiles.Of(Chart(ranking), name, format)
            : Spreadsheets.Format(format) == SpreadsheetFormat.Xlsx
                ? Spreadsheets.Xlsx(name, new Dictionary<string, object> { [L[$"Dashboard:Measure:{measure}"]] = Lines(ranking) })
                : Spreadsheets.Csv(name, [.. Lines(ranking).FirstOrDefault()?.Keys ?? []], Lines(ranking).Select(l => l.Values));
        return await audit.RecordedAsync(file, "Ranking", unitId, cancellationToken);
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

    /// <summary>A bar per unit in its band's colour, its place and name before it and its value after it.</summary>
    private ChartScene Chart(Ranking ranking)
    {
        const int width = 760, labelWidth = 280, barWidth = 360, rowHeight = 26, top = 40;
        var max = ranking.Units.Max(u => u.Value is { } v && double.IsFinite(v) ? v : 0);
        var title = $"{L[$"Dashboard:Measure:{ranking.Measure}"]} · {ranking.Report.Unit?.DisplayName ?? L["Staffing:Country"]}";
        var chart = new ChartScene(width, top + rowHeight * ranking.Units.Count + 10, title).Text(10, 24, title, 16, bold: true);
        foreach (var (unit, i) in ranking.Units.Select((u, i) => (u, i)))
        {
            var y = top + i * rowHeight;
            var length = unit.Value is not { } v ? 0 : !double.IsFinite(v) || max <= 0 ? barWidth : Math.Max(2, v * barWidth / max);
            chart.Text(10, y + 16, $"{i + 1}. {unit.Name}")
                .Box(labelWidth, y + 4, length, 16, DashboardPage.BandColour(unit.Band), 3)
                .Text(labelWidth + barWidth + 10, y + 16, unit.Hidden ? L["Dashboard:Hidden"] : ranking.IsPercent ? L.Percent(unit.Value) : L.Ratio(unit.Value));
        }
        return chart;
    }

    private static double? Rounded(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 1) : null;
}
