using Microsoft.Extensions.Localization;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// The gap view of a unit as a file: CSV (UTF-8 with a byte order mark and semicolons, as Ukrainian Excel opens it)
/// with one line per row and competency, or an XLSX workbook with the competencies, the heatmap and the same lines.
/// Each export is recorded in the audit trail.
/// </summary>
internal sealed class GapExport(CompetencyGaps gaps, IAuditTrail audit, IStringLocalizer<CompetenciesResource> L)
{
    public async Task<Result<ExportedFile>> ExportAsync(Guid versionId, Guid unitId, SpreadsheetFormat format, CancellationToken cancellationToken = default)
    {
        var view = await gaps.ViewAsync(versionId, unitId, cancellationToken);
        if (view.Failed(out var error))
        {
            return error;
        }
        var name = $"gaps-{view.Value.Version.Code}-v{view.Value.Version.Number}-{view.Value.Unit.KatottgCode ?? view.Value.Unit.Id.ToString("N")[..8]}";
        var file = format == SpreadsheetFormat.Xlsx ? Xlsx(name, view.Value) : Spreadsheets.Csv(name, Headers(), Lines(view.Value).Select(line => line.Values));
        await audit.RecordAsync(new AuditEvent(AuditActions.Exported)
        {
            Module = "Competencies", EntityType = "CompetencyGaps", EntityId = versionId.ToString(), UnitId = unitId, Summary = file.FileName,
        }, cancellationToken);
        return file;
    }

    /// <summary>The long table: the unit's own line per competency, then each row's (child unit or person).</summary>
    private List<IDictionary<string, object?>> Lines(GapView view)
    {
        var areas = view.Areas.ToDictionary(a => a.Id, a => a.DisplayName);
        var lines = new List<IDictionary<string, object?>>();
        void Add(string rowName, CompetencyGap competency, GapShare share) => lines.Add(new Dictionary<string, object?>
        {
            [L["Gaps:Export:Unit"]] = rowName,
            [L["Gaps:Export:Code"]] = competency.Code,
            [L["Gaps:Export:Competency"]] = competency.DisplayName,
            [L["Gaps:Export:Area"]] = competency.AreaId is { } area ? areas[area] : "",
            [L["Gaps:Export:Required"]] = share.Required,
            [L["Gaps:Export:Met"]] = share.Met,
            [L["Gaps:Export:Percent"]] = share.Percent,
        });
        foreach (var competency in view.Competencies)
        {
            Add(view.Unit.DisplayName, competency, competency.Share);
        }
        foreach (var row in view.Rows)
        {
            foreach (var competency in view.Competencies)
            {
                if (view.Detail.TryGetValue((row.Id, competency.Id), out var share) && share.Required > 0)
                {
                    Add(row.Name, competency, share);
                }
            }
        }
        return lines;
    }

    private static readonly string[] LineColumns =
        ["Gaps:Export:Unit", "Gaps:Export:Code", "Gaps:Export:Competency", "Gaps:Export:Area", "Gaps:Export:Required", "Gaps:Export:Met", "Gaps:Export:Percent"];

    private IEnumerable<string> Headers() => LineColumns.Select(key => L[key].Value);

    private ExportedFile Xlsx(string name, GapView view)
    {
        var competencies = view.Competencies.Select(c => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [L["Gaps:Export:Code"]] = c.Code,
            [L["Gaps:Export:Competency"]] = c.DisplayName,
            [L["Gaps:Export:Required"]] = c.Share.Required,
            [L["Gaps:Export:Met"]] = c.Share.Met,
            [L["Gaps:Export:Percent"]] = c.Share.Percent,
        }).ToList();
        var heatmap = view.Rows.Select(r =>
        {
            var line = new Dictionary<string, object?> { [L["Gaps:Export:Unit"]] = r.Name, [L["Gaps:Export:People"]] = r.People };
            for (var i = 0; i < view.Areas.Count; i++)
            {
                line[$"{view.Areas[i].Code} {view.Areas[i].DisplayName}"] = r.Areas[i].Percent;
            }
            line[L["Gaps:AllCompetencies"]] = r.Total.Percent;
            return (IDictionary<string, object?>)line;
        }).ToList();
        return Spreadsheets.Xlsx(name, new Dictionary<string, object>
        {
            [L["Gaps:Tab:Competencies"]] = competencies,
            [L["Gaps:Tab:Heatmap"]] = heatmap,
            [L["Gaps:Export:Lines"]] = Lines(view),
        });
    }
}
