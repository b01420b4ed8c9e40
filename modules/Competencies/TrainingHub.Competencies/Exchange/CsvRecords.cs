using System.Text;

namespace TrainingHub.Competencies.Exchange;

/// <summary>One record of a CSV file and the line it starts on (a quoted cell can span several lines).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// Splits CSV text into records the way Moodle's importer sees them: every CR LF and lone CR is a line feed first,
/// even inside quoted cells; cells are quoted with double quotes, doubled inside. Unlike a lenient reader, a stray or
/// unclosed quote is reported with its line instead of swallowing the rest of the file into one cell. Reading stops
/// at the first cell longer than <paramref name="maxCellLength"/> or the record after <paramref name="maxRecords"/>,
/// so that what comes after only ever sees bounded input.
/// </summary>
internal static class CsvRecords
{
    public static IReadOnlyList<CsvRecord> Read(string text, List<ExchangeProblem> errors, int maxRecords, int maxCellLength)
    {
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var delimiter = DetectDelimiter(text);
        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, recordLine = 1, quoteLine = 0;
        bool quoted = false, closedQuote = false;

        foreach (var c in text)
        {
            if (quoted)
            {
                if (c == '"')
                {
                    quoted = false;
                    closedQuote = true;
                    continue;
                }
                if (c == '\n')
                {
                    line++;
                }
                cell.Append(c);
                continue;
            }
            if (c == '"' && closedQuote)
            {
                // A doubled quote inside a quoted cell: the cell goes on.
                cell.Append('"');
                quoted = true;
                closedQuote = false;
                continue;
            }
            if (c == delimiter || c == '\n')
            {
                if (!EndCell(cells, cell, recordLine, maxCellLength, errors))
                {
                    return [];
                }
                closedQuote = false;
                if (c == '\n')
                {
                    if (!AddRecord(records, recordLine, cells, maxRecords, errors))
                    {
                        return [];
                    }
                    cells = [];
                    line++;
                    recordLine = line;
                }
                continue;
            }
            if (closedQuote || c == '"' && cell.Length > 0)
            {
                errors.Add(new ExchangeProblem("Exchange:Error:BrokenQuoting", ProblemPlace.AtLine(line)));
                return [];
            }
            if (c == '"')
            {
                quoted = true;
                quoteLine = line;
                continue;
            }
            cell.Append(c);
        }
        if (quoted)
        {
            errors.Add(new ExchangeProblem("Exchange:Error:UnclosedQuote", ProblemPlace.AtLine(quoteLine)));
            return [];
        }
        return EndCell(cells, cell, recordLine, maxCellLength, errors) && AddRecord(records, recordLine, cells, maxRecords, errors) ? records : [];
    }

    /// <summary>Writes one record; a cell is quoted when it holds the delimiter, a quote, a line break or a space.</summary>
    public static void Write(StringBuilder csv, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                csv.Append(',');
            }
            first = false;
            if (cell.AsSpan().IndexOfAny(",\"\r\n\t ") >= 0)
            {
                csv.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
            }
            else
            {
                csv.Append(cell);
            }
        }
        csv.Append('\n');
    }

    private static bool EndCell(List<string> cells, StringBuilder cell, int line, int maxCellLength, List<ExchangeProblem> errors)
    {
        if (cell.Length > maxCellLength)
        {
            errors.Add(new ExchangeProblem("Exchange:Error:CellTooLong", ProblemPlace.AtLine(line), maxCellLength));
            return false;
        }
        cells.Add(cell.ToString());
        cell.Clear();
        return true;
    }

    /// <summary>Blank lines (and lines of empty cells) are left out, as Moodle does.</summary>
    private static bool AddRecord(List<CsvRecord> records, int line, List<string> cells, int maxRecords, List<ExchangeProblem> errors)
    {
        if (cells.Any(c => c.Trim().Length > 0))
        {
            if (records.Count == maxRecords)
            {
                errors.Add(new ExchangeProblem("Exchange:Error:TooManyRows", ProblemPlace.AtLine(line), maxRecords));
                return false;
            }
            records.Add(new CsvRecord(line, cells));
        }
        return true;
    }

    /// <summary>Comma, semicolon (Ukrainian Excel) or tab, whichever the header line uses most outside quotes.</summary>
    private static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '\n')
            {
                break;
            }
            else if (!quoted)
            {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
    }
}
