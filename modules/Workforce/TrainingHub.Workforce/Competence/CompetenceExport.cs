using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Workforce.Charts;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Competence;

/// <summary>Which part of the competence view a file holds.</summary>
internal enum CompetencePart
{
    Heatmap,
    Funnel,
    Demand,
}

/// <summary>
/// The competence view as files: each part as CSV, all three as sheets of one XLSX, and the heatmap and the funnel as
/// pictures (SVG or PNG) that read without the page. Each export is audited.
/// </summary>
internal sealed class CompetenceExport(CompetenceReports reports, IAuditTrail audit, IStringLocalizer<WorkforceResource> L)
{
    public async Task<Result<ExportedFile>> ExportAsync(
        Guid? unitId, Guid? versionId, CompetencePart part, string? format, CancellationToken cancellationToken = default)
    {
        var found = await reports.GetAsync(unitId, versionId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var view = found.Value;
        var name = $"competence-{part.ToString().ToLowerInvariant()}-{view.Report.Unit?.KatottgCode ?? unitId?.ToString("N")[..8] ?? "ukraine"}-{DateTime.UtcNow:yyyy-MM-dd}";
        ExportedFile file;
        if (ChartFiles.IsImage(format))
        {
            if (part == CompetencePart.Demand)
            {
                return Error.NotFound;
            }
            file = ChartFiles.Of(part == CompetencePart.Heatmap ? HeatmapChart(view) : FunnelChart(view), name, format);
        }
        else if (Spreadsheets.Format(format) == SpreadsheetFormat.Xlsx)
        {
            file = Spreadsheets.Xlsx(name, new Dictionary<string, object>
            {
                [L["Competence:Heatmap"]] = Rows(view, CompetencePart.Heatmap),
                [L["Competence:Funnel"]] = Rows(view, CompetencePart.Funnel),
                [L["Competence:Demand"]] = Rows(view, CompetencePart.Demand),
            });
        }
        else
        {
            var rows = Rows(view, part);
            file = Spreadsheets.Csv(name, [.. rows.FirstOrDefault()?.Keys ?? []], rows.Select(r => r.Values));
        }
        return await audit.RecordedAsync(file, "Competence", unitId, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/workforce/competence/export",
                async (Guid? unit, Guid? version, string? part, string? format, CompetenceExport export, CancellationToken cancellationToken) =>
                    Spreadsheets.ToDownload(await export.ExportAsync(
                        unit, version, Enum.TryParse<CompetencePart>(part, ignoreCase: true, out var chosen) ? chosen : CompetencePart.Heatmap, format,
                        cancellationToken)))
            .RequireAuthorization(WorkforcePermissions.View);

    private List<IDictionary<string, object?>> Rows(CompetenceView view, CompetencePart part)
    {
        var english = Cultures.ReadsEnglish;
        return part switch
        {
            CompetencePart.Heatmap =>
            [
                .. view.Lines.Select(l =>
                {
                    var row = new Dictionary<string, object?>
                    {
                        [L["Staffing:Unit"]] = l.IsUnitItself ? L["Staffing:UnitItself", l.Name].Value : l.Name,
                        [L["Competence:People"]] = l.People,
                        [L["Competence:AllAreas"]] = Rounded(l.Total.Percent),
                    };
                    foreach (var (area, i) in view.Heatmap!.Areas.Select((a, i) => (a, i)))
                    {
                        row[$"{area.Code} {area.Name(english)}"] = Rounded(l.Areas[i].Percent);
                    }
                    return (IDictionary<string, object?>)row;
                }),
            ],
            CompetencePart.Funnel =>
            [
                .. view.Funnel.Select(s => (IDictionary<string, object?>)new Dictionary<string, object?>
                {
                    [L["Competence:Stage"]] = L[$"Competence:Stage:{s.Stage}"].Value,
                    [L["Competence:People"]] = s.People,
                }),
            ],
            _ =>
            [
                .. view.Demand.Select((d, i) => (IDictionary<string, object?>)new Dictionary<string, object?>
                {
                    [L["Dashboard:Rank"]] = i + 1,
                    [L["Competence:Course"]] = d.Course.Title,
                    [L["Competence:Gaps"]] = d.Gaps,
                    [L["Competence:Closes"]] = string.Join("; ", d.Closes.Select(c => $"{c.Code} {c.Name(english)} ({c.Missing})")),
                }),
            ],
        };
    }

    /// <summary>The heatmap as a grid: a row per unit, a column per area, each cell coloured by the share met and labelled with it.</summary>
    private ChartScene HeatmapChart(CompetenceView view)
    {
        const int labelWidth = 260, cellWidth = 90, rowHeight = 28, top = 64;
        var areas = view.Heatmap?.Areas ?? [];
        var title = $"{L["Competence:Heatmap"]} · {view.Report.Unit?.DisplayName ?? L["Staffing:Country"]}";
        var chart = new ChartScene(labelWidth + cellWidth * (areas.Count + 1) + 20, top + rowHeight * view.Lines.Count + 16, title)
            .Text(10, 24, title, 16, bold: true)
            .Text(labelWidth + cellWidth / 2, top - 12, L["Competence:AllAreas"], 11, bold: true, ChartAnchor.Middle);
        foreach (var (area, i) in areas.Select((a, i) => (a, i)))
        {
            chart.Text(labelWidth + cellWidth * (i + 1) + cellWidth / 2, top - 12, area.Code, 11, bold: true, ChartAnchor.Middle);
        }
        foreach (var (line, row) in view.Lines.Select((l, i) => (l, i)))
        {
            var y = top + row * rowHeight;
            chart.Text(10, y + 18, line.IsUnitItself ? L["Staffing:UnitItself", line.Name] : line.Name);
            foreach (var (share, column) in new[] { line.Total }.Concat(line.Areas).Select((s, i) => (s, i)))
            {
                var x = labelWidth + column * cellWidth;
                chart.Box(x + 1, y + 1, cellWidth - 2, rowHeight - 2, HeatColour(share.Percent))
                    .Text(x + cellWidth / 2, y + 18, L.Percent(share.Percent), 12, anchor: ChartAnchor.Middle, fill: TextOn(share.Percent));
            }
        }
        return chart;
    }

    /// <summary>The funnel as bars, widest first, each labelled with its stage and count.</summary>
    private ChartScene FunnelChart(CompetenceView view)
    {
        const int width = 760, labelWidth = 240, barWidth = 420, rowHeight = 34, top = 44;
        var title = $"{L["Competence:Funnel"]} · {view.Report.Unit?.DisplayName ?? L["Staffing:Country"]}";
        var max = Math.Max(1, view.Funnel.Max(s => s.People));
        var chart = new ChartScene(width, top + rowHeight * view.Funnel.Count + 10, title).Text(10, 24, title, 16, bold: true);
        foreach (var (step, i) in view.Funnel.Select((s, i) => (s, i)))
        {
            var y = top + i * rowHeight;
            chart.Text(10, y + 20, L[$"Competence:Stage:{step.Stage}"])
                .Box(labelWidth, y + 6, Math.Max(2, step.People * (double)barWidth / max), 20, FunnelColours[i % FunnelColours.Length], 3)
                .Text(labelWidth + barWidth + 10, y + 20, FigureText.Count(step.People));
        }
        return chart;
    }

    private static readonly string[] FunnelColours = ["#90caf9", "#42a5f5", "#1e88e5", "#0d47a1"];

    /// <summary>From red (few requirements met) to green (nearly all met); grey where nothing is required.</summary>
    public static string HeatColour(double? percent) => percent switch
    {
        null => "#eeeeee",
        < 40 => "#c62828",
        < 60 => "#ef6c00",
        < 75 => "#f9a825",
        < 90 => "#7cb342",
        _ => "#2e7d32",
    };

    /// <summary>White on the dark colours, dark on the light ones, so the figure stays readable.</summary>
    public static string TextOn(double? percent) => percent is null or (>= 40 and < 90) ? "#212121" : "#ffffff";

    private static double? Rounded(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
