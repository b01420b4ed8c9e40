using System.Reflection;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;
using TrainingHub.SharedKernel.Import;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.SharedKernel.Export;

/// <summary>A file made for download: its bytes, the name it is saved under and its media type.</summary>
public sealed record ExportedFile(byte[] Content, string FileName, string ContentType);

public enum SpreadsheetFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// The report exports people open in a spreadsheet: a CSV file as Ukrainian Excel opens it (<see cref="CsvText.Write"/>)
/// or an XLSX workbook of named sheets, and the download endpoints that serve them.
/// </summary>
public static class Spreadsheets
{
    /// <summary>The format a download link asks for: "xlsx" in any case, otherwise CSV.</summary>
    public static SpreadsheetFormat Format(string? format) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? SpreadsheetFormat.Xlsx : SpreadsheetFormat.Csv;

    public static ExportedFile Csv(string name, IEnumerable<string> headers, IEnumerable<IEnumerable<object?>> rows) =>
        new(CsvText.Write(headers, rows), $"{name}.csv", "text/csv; charset=utf-8");

    /// <summary>A workbook with a sheet per entry, each a list of lines (column name to value).</summary>
    public static ExportedFile Xlsx(string name, IReadOnlyDictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets.ToDictionary(s => SheetName(s.Key), s => s.Value));
        return new(stream.ToArray(), $"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /// <summary>
    /// Typed lines as a sheet (column name to value) for <see cref="Xlsx"/>, leaving out every field whose data class may
    /// not be written (<see cref="DataClasses.MayWrite"/>), so an export of private records carries only what may leave the app.
    /// </summary>
    /// <param name="columnName">The heading of a field, such as its localised name; the field's name when not given.</param>
    public static IReadOnlyList<IDictionary<string, object?>> Sheet<T>(IEnumerable<T> lines, Func<string, string>? columnName = null)
    {
        var fields = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(DataClasses.MayWrite).ToList();
        return [.. lines.Select(line => (IDictionary<string, object?>)fields.ToDictionary(f => columnName?.Invoke(f.Name) ?? f.Name, f => f.GetValue(line)))];
    }

    /// <summary>The download, or 403 / 404 as the service answered; the service checks permission and scope itself.</summary>
    public static IResult ToDownload(Result<ExportedFile> file) =>
        file.TryGetValue(out var download, out var error)
            ? TypedResults.File(download.Content, download.ContentType, download.FileName)
            : error.Kind == ErrorKind.Forbidden ? TypedResults.Forbid() : TypedResults.NotFound();

    /// <summary>Excel allows 31 characters in a sheet name.</summary>
    private static string SheetName(string name) => name.Length > 31 ? name[..31] : name;
}
