using TrainingHub.SharedKernel.Import;

namespace TrainingHub.Competencies.Exchange;

/// <summary>The checks every exchange file passes before its format is looked at: size, emptiness, UTF-8 text.</summary>
internal static class ExchangeFile
{
    public const int MaxBytes = 5 * 1024 * 1024;

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
