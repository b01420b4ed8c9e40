using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.SharedKernel.Import;

/// <summary>One data line of a CSV file: its line number in the file (for error messages) and its cells.</summary>
public sealed record CsvRow(int Line, string[] Cells);

/// <summary>The header and data lines of a CSV file, blank lines left out.</summary>
public sealed record CsvTable(string[] Header, IReadOnlyList<CsvRow> Rows);

/// <summary>A CSV file that could be read as the import expects, or why not (<see cref="Error"/>, with one of the common <c>Import:Error:</c> keys).</summary>
public sealed record CsvFile(CsvTable? Table, FieldError? Error);

/// <summary>
/// Reading the CSV files people export from spreadsheets (UTF-8 with or without a byte order mark, comma or semicolon
/// taken from the header line, since Ukrainian Excel writes semicolons, quoted cells) and writing the exports they open.
/// </summary>
public static class CsvText
{
    /// <summary>
    /// A spreadsheet-ready CSV export: UTF-8 with a byte order mark and semicolons, as Ukrainian Excel opens it, with
    /// values that a spreadsheet would take for a formula escaped.
    /// </summary>
    public static byte[] Write(IEnumerable<string> headers, IEnumerable<IEnumerable<object?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape };
        using (var csv = new CsvWriter(text, configuration))
        {
            foreach (var row in rows.Prepend(headers))
            {
                foreach (var value in row)
                {
                    csv.WriteField(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                }
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The file as text, or null when it is not UTF-8 (a Windows-1251 export, a spreadsheet file).</summary>
    public static string? DecodeUtf8(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads an uploaded file whose header must be <paramref name="columns"/> (in any case), checking its size, encoding,
    /// header, number of rows and cell lengths before any row is looked at.
    /// </summary>
    public static CsvFile Open(byte[] content, IReadOnlyList<string> columns, int maxBytes, int maxRows, int maxCellLength = 500)
    {
        static CsvFile Refused(string key, params object[] arguments) => new(null, new FieldError("File", key, arguments));
        if (content.Length > maxBytes)
        {
            return Refused("Import:Error:FileTooLarge", maxBytes / 1024 / 1024);
        }
        if (DecodeUtf8(content) is not { } text)
        {
            return Refused("Import:Error:NotUtf8");
        }
        var table = Read(text);
        if (!table.Header.Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(columns))
        {
            return Refused("Import:Error:Header", string.Join(", ", columns));
        }
        if (table.Rows.Count == 0)
        {
            return Refused("Import:Error:Empty");
        }
        if (table.Rows.Count > maxRows)
        {
            return Refused("Import:Error:TooManyRows", maxRows);
        }
        return table.Rows.FirstOrDefault(r => r.Cells.Any(c => c.Length > maxCellLength)) is { } longRow
            ? Refused("Import:Error:CellTooLong", longRow.Line, maxCellLength)
            : new CsvFile(table, null);
    }

    public static CsvTable Read(string text)
    {
        var headerEnd = text.IndexOfAny(['\r', '\n']);
        var headerLine = headerEnd < 0 ? text : text[..headerEnd];
        var delimiter = headerLine.Count(c => c == ';') > headerLine.Count(c => c == ',') ? ";" : ",";
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = true,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
        };
        using var reader = new CsvReader(new StringReader(text), configuration);
        var rows = new List<CsvRow>();
        if (!reader.Read())
        {
            return new CsvTable([], rows);
        }
        reader.ReadHeader();
        var header = reader.HeaderRecord ?? [];
        while (reader.Read())
        {
            var cells = reader.Parser.Record ?? [];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            rows.Add(new CsvRow(reader.Parser.RawRow, cells));
        }
        return new CsvTable(header, rows);
    }
}
