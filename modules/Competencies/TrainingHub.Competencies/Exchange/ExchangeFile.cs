using TrainingHub.SharedKernel.Import;

namespace TrainingHub.Competencies.Exchange;

/// <summary>
/// The checks every exchange file passes before its format is looked at: size, emptiness, UTF-8 text. The limits here
/// hold for Moodle CSV and CASE alike and are checked before a file's tree is built, so that a hostile file is refused
/// in moments: a real framework has some hundred competencies, a few levels deep, with texts of a paragraph or two.
/// </summary>
internal static class ExchangeFile
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Competencies and areas in one file (CSV rows, CASE items).</summary>
    public const int MaxItems = 20_000;

    /// <summary>CASE associations: every item has one parent link, and may have a few cross-references.</summary>
    public const int MaxAssociations = 5 * MaxItems;

    /// <summary>Levels from the top of the tree down to the deepest competency.</summary>
    public const int MaxDepth = 20;

    /// <summary>Characters in one CSV cell or one CASE text (both languages of a Moodle cell together).</summary>
    public const int MaxTextLength = 4_000;

    /// <summary>The file as text without a byte order mark, or the one problem that makes it unreadable.</summary>
    public static (string? Text, ExchangeProblem? Problem) Decode(byte[] content)
    {
        if (content.Length == 0)
        {
            return (null, new ExchangeProblem("Exchange:Error:EmptyFile", ProblemPlace.File));
        }
        if (content.Length > MaxBytes)
        {
            return (null, new ExchangeProblem("Exchange:Error:FileTooLarge", ProblemPlace.File, MaxBytes / 1024 / 1024));
        }
        // XLSX and ODS files are ZIP archives: people pick the spreadsheet instead of the CSV saved from it.
        if (content is [(byte)'P', (byte)'K', 3, 4, ..])
        {
            return (null, new ExchangeProblem("Exchange:Error:Spreadsheet", ProblemPlace.File));
        }
        if (CsvText.DecodeUtf8(content) is not { } text || text.Contains('\0'))
        {
            return (null, new ExchangeProblem("Exchange:Error:NotUtf8", ProblemPlace.File));
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new ExchangeProblem("Exchange:Error:EmptyFile", ProblemPlace.File));
        }
        return (text, null);
    }
}
