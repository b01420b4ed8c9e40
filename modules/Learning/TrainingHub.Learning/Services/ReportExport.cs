using Microsoft.Extensions.Localization;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Learning.Services;

/// <summary>
/// A learning report as a file: CSV (UTF-8 with a byte order mark and semicolons, as Ukrainian Excel opens it) with the
/// total, a line per course and a line per unit, or an XLSX workbook with the courses and the units on sheets of their own.
/// Each export is recorded in the audit trail.
/// </summary>
internal sealed class ReportExport(LearningReports reports, IAuditTrail audit, IStringLocalizer<LearningResource> L)
{
    private static readonly string[] FigureColumns =
        ["Reports:Enrolled", "Reports:InProgress", "Reports:Completed", "Reports:Overdue", "Reports:AverageScore"];

    public async Task<Result<ExportedFile>> ExportAsync(Guid unitId, Guid? courseId, SpreadsheetFormat format, CancellationToken cancellationToken = default)
    {
        var report = await reports.GetAsync(unitId, courseId, cancellationToken);
        if (report.Failed(out var error))
        {
            return error;
        }
        var name = $"learning-{report.Value.Unit.KatottgCode ?? unitId.ToString("N")[..8]}{(courseId is { } id ? "-" + id.ToString("N")[..8] : "")}";
        var file = format == SpreadsheetFormat.Xlsx ? Xlsx(name, report.Value) : Csv(name, report.Value);
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

    private ExportedFile Csv(string name, LearningReport report) =>
        Spreadsheets.Csv(name, new[] { "Reports:Export:Kind", "Reports:Export:Name" }.Concat(FigureColumns).Select(key => L[key].Value), Lines(report).Select(line => line.Values));

    private ExportedFile Xlsx(string name, LearningReport report) => Spreadsheets.Xlsx(name, new Dictionary<string, object>
    {
        [L["Reports:ByCourse"]] = report.Courses.Select(c => Line(null, c.Name, c.Figures)).ToList(),
        [L["Reports:ByUnit"]] = report.Units.Select(u => Line(null, u.Name, u.Figures)).ToList(),
        [L["Reports:Export:Lines"]] = Lines(report),
    });
}
