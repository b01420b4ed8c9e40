using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrainingHub.Competencies.Exchange;

namespace TrainingHub.Competencies.Tests.Exchange;

internal static class ExchangeSamples
{
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] File(string name) => System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Exchange", "Samples", name));

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    public static CaseExportOptions CaseOptions { get; } =
        new("https://traininghub.example/ims/case/v1p0", "TrainingHub", new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(2)));

    /// <summary>The whole document as indented JSON, so that a failed comparison shows where two documents differ.</summary>
    public static string Dump(FrameworkDocument document) => JsonSerializer.Serialize(document, Readable);

    public static FrameworkDocument ReadCleanly(FrameworkReadResult result)
    {
        Assert.Empty(result.Errors);
        Assert.NotNull(result.Document);
        return result.Document;
    }

    /// <summary>The Moodle CSV header followed by the given records.</summary>
    public static byte[] MoodleCsv(params string[] records) =>
        Utf8(string.Join("\n", [string.Join(",", MoodleCompetencyCsv.Header.Select(h => h.Contains(' ') ? $"\"{h}\"" : h)), .. records]) + "\n");

    public const string FrameworkRow =
        ",FW,Рамка,,1,\"Ні,Так\",\"[{\"\"scaleid\"\":\"\"1\"\"},{\"\"id\"\":1,\"\"scaledefault\"\":1,\"\"proficient\"\":0},{\"\"id\"\":2,\"\"scaledefault\"\":0,\"\"proficient\"\":1}]\",,,,,,1,\"domain,competency\"";

    /// <summary>A competency row: parent, code, short name and cross-references; the rest empty.</summary>
    public static string Row(string parent, string code, string name, string related = "") =>
        $"{parent},{code},{name},,1,,,,0,null,{related},,,";
}
