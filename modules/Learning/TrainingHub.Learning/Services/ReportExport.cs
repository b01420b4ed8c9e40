using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Import;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Learning.Services;

internal enum ReportFormat
{
    Csv,
    Xlsx,
}

internal sealed record ReportFile(byte[] Content, string FileName, string ContentType);

/// <summary>
/// A learning report as a file: CSV (UTF-8 with a byte order mark and semicolons, as Ukrainian Excel opens it) with the
/// total, a line per course and a line per unit, or an XLSX workbook with the courses and the units on sheets of their own.
/// Each export is recorded in the audit trail.
/// </summary>
internal sealed class ReportExport(LearningReports reports, IAuditTrail audit, IStringLocalizer<LearningResource> L)
{
    private static readonly string[] FigureColumns =
        ["Reports:Enrolled", "Reports:InProgress", "Reports:Completed", "Reports:Overdue", "Reports:AverageScore"];

    public async Task<Result<ReportFile>> ExportAsync(Guid unitId, Guid? courseId, ReportFormat format, CancellationToken cancellationToken = default)
    {
        var report = await reports.GetAsync(unitId, courseId, cancellationToken);
        if (!report.Succeeded)
        {
            return report.Error!;
        }
        var name = $"learning-{report.Value.Unit.KatottgCode ?? unitId.ToString("N")[..8]}{(courseId is { } id ? "-" + id.ToString("N")[..8] : "")}";
        var file = format == ReportFormat.Xlsx
            ? new ReportFile(Xlsx(report.Value), $"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            : new ReportFile(Csv(report.Value), $"{name}.csv", "text/csv; charset=utf-8");
        await audit.RecordAsync(new AuditEvent(AuditActions.Exported)
        {
            Module = "Learning", EntityType = "LearningReport", EntityId = courseId?.ToString(), UnitId = unitId, Summary = file.FileName,
        }, cancellationToken);
        return file;
    }

    /// <summary>The lines of the file: the unit's total, then each course, then each unit under it, each with what it is.</summary>
    private List<IDictionary<string, object?>> Lines(LearningReport report) =>
        [
            Line(L["Reports:Export:Total"], report.Unit.DisplayName, report.Total),
            .. report.Courses.Select(c => Line(L["Reports:Export:Course"], c.Name, c.Figures)),
            .. report.Units.Select(u => Line(L["Reports:Export:Unit"], u.Name, u.Figures)),
        ];

    private IDictionary<string, object?> Line(string? kind, string name, ReportFigures figures)
    {
        var line = new Dictionary<string, object?>();
        if (kind is not null)
        {
            line[L["Reports:Export:Kind"]] = kind;
        }
        line[L["Reports:Export:Name"]] = name;
        line[L["Reports:Enrolled"]] = figures.Enrolled;
        line[L["Reports:InProgress"]] = figures.InProgress;
        line[L["Reports:Completed"]] = figures.Completed;
        line[L["Reports:Overdue"]] = figures.Overdue;
        line[L["Reports:AverageScore"]] = figures.AverageScorePercent;
        return line;
    }

    private byte[] Csv(LearningReport report) =>
        CsvText.Write(new[] { "Reports:Export:Kind", "Reports:Export:Name" }.Concat(FigureColumns).Select(key => L[key].Value), Lines(report).Select(line => line.Values));

    private byte[] Xlsx(LearningReport report)
    {
        var sheets = new Dictionary<string, object>
        {
            [Sheet("Reports:ByCourse")] = report.Courses.Select(c => Line(null, c.Name, c.Figures)).ToList(),
            [Sheet("Reports:ByUnit")] = report.Units.Select(u => Line(null, u.Name, u.Figures)).ToList(),
            [Sheet("Reports:Export:Lines")] = Lines(report),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>Excel allows 31 characters in a sheet name.</summary>
    private string Sheet(string key) => L[key].Value is { Length: > 31 } name ? name[..31] : L[key].Value;
}
