using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TrainingHub.Competencies.Exchange;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// Files made to bring the server down, sent to the check endpoint as an attacker with an importer's token would:
/// each is refused within 2 s with a localised error at its line or item, and the app goes on serving.
/// </summary>
public sealed class HostileFrameworkFileTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private const string Coordinator = "coordinator@traininghub.example";

    private static readonly string MoodleHeader = string.Join(",", MoodleCompetencyCsv.Header.Select(h => $"\"{h}\""));

    private const string FrameworkRow =
        ",FW,Рамка,,1,\"Ні,Так\",\"[{\"\"scaleid\"\":\"\"1\"\"},{\"\"id\"\":1,\"\"scaledefault\"\":1,\"\"proficient\"\":0},{\"\"id\"\":2,\"\"scaledefault\"\":0,\"\"proficient\"\":1}]\",,,,,,1,";

    private static string Row(string parent, string code, string name) => $"{parent},{code},{name},,1,,,,0,null,,,,";

    private static string MoodleChain(int depth, bool leafFirst)
    {
        var rows = Enumerable.Range(1, depth).Select(i => Row(i == 1 ? "" : $"C{i - 1}", $"C{i}", $"C{i}"));
        return string.Join("\n", [MoodleHeader, FrameworkRow, .. leafFirst ? rows.Reverse() : rows]) + "\n";
    }

    private static string CaseChain(int depth, string text = "Рівень")
    {
        var items = new StringBuilder();
        var associations = new StringBuilder();
        for (var i = 1; i <= depth; i++)
        {
            items.Append(i > 1 ? "," : "").Append($$"""{"identifier":"i{{i}}","fullStatement":"{{text}}"}""");
            associations.Append(i > 1 ? "," : "").Append(
                $$$"""{"associationType":"isChildOf","originNodeURI":{"identifier":"i{{{i}}}"},"destinationNodeURI":{"identifier":"{{{(i == 1 ? "doc" : $"i{i - 1}")}}}"}}""");
        }
        return $$"""{"CFDocument":{"identifier":"doc","title":"Рамка"},"CFItems":[{{items}}],"CFAssociations":[{{associations}}]}""";
    }

    private sealed record Hostile(string Format, Func<string> File, string Key, int? Line, string? Identifier);

    /// <summary>Built when a case runs, not when tests are listed: the files are megabytes long.</summary>
    private static readonly Dictionary<string, Hostile> Files = new()
    {
        ["a 100,000-deep Moodle chain"] = new("moodle", () => MoodleChain(100_000, leafFirst: false), "Exchange:Error:TooManyRows", ExchangeFile.MaxItems + 1, null),
        ["a 100,000-deep Moodle chain, leaf first"] = new("moodle", () => MoodleChain(100_000, leafFirst: true), "Exchange:Error:TooManyRows", ExchangeFile.MaxItems + 1, null),
        ["a 1 MB Moodle cell of span tags"] = new("moodle",
            () => string.Join("\n", MoodleHeader, FrameworkRow, Row("", "A", $"\"{string.Concat(Enumerable.Repeat("<span ", 1024 * 1024 / 6))}\"")),
            "Exchange:Error:CellTooLong", 3, null),
        ["a 100,000-deep CASE chain"] = new("case", () => CaseChain(100_000), "Exchange:Error:FileTooLarge", null, null),
        ["a 1 MB bilingual CASE text"] = new("case",
            () => CaseChain(2, string.Concat(Enumerable.Repeat("<span lang=\\\"en\\\" ", 1024 * 1024 / 18))), "Exchange:Error:TextTooLong", null, "i1"),
    };

    public static TheoryData<string> HostileFiles => new(Files.Keys);

    /// <summary>Files within the size and row limits that are read whole: only their depth gives them away.</summary>
    private static readonly Dictionary<string, Hostile> DeepFiles = new()
    {
        ["a Moodle chain as deep as the rows allow, leaf first"] = new("moodle", () => MoodleChain(ExchangeFile.MaxItems - 2, leafFirst: true), "Exchange:Error:TooDeep", 3, null),
        ["a CASE chain as deep as the items allow"] = new("case", () => CaseChain(ExchangeFile.MaxItems), "Exchange:Error:TooDeep", null, $"i{ExchangeFile.MaxDepth + 1}"),
    };

    public static TheoryData<string> HostileDeepFiles => new(DeepFiles.Keys);

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_is_refused_within_two_seconds_at_its_place_and_the_app_keeps_serving(string what)
    {
        var elapsed = await RefusedAsync(Files[what]);

        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"{what} took {elapsed}");
    }

    /// <summary>Read whole, these take as long as any file of their size; what matters is that the walk neither recurses nor repeats itself.</summary>
    [Theory]
    [MemberData(nameof(HostileDeepFiles))]
    public async Task A_chain_too_deep_is_refused_at_its_first_item_too_deep_and_the_app_keeps_serving(string what) =>
        await RefusedAsync(DeepFiles[what]);

    private async Task<TimeSpan> RefusedAsync(Hostile hostile)
    {
        var (format, file, key, line, identifier) = hostile;
        var client = await app.CreateApiClientAsync(Coordinator);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var content = new StringContent(file(), Encoding.UTF8, format == "case" ? "application/json" : "text/csv");

        var timer = Stopwatch.StartNew();
        var response = await client.PostAsync($"/api/v1/competency-frameworks/check?format={format}", content);
        var elapsed = timer.Elapsed;
        var check = await response.Content.ReadFromJsonAsync<JsonObject>();
        var health = await app.CreateBrowserLikeClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)check!["canImport"]!);
        var error = check["errors"]!.AsArray().Single(e => (string)e!["key"]! == key)!;
        Assert.Equal((line, identifier), ((int?)error["line"], (string?)error["identifier"]));
        Assert.DoesNotContain("Exchange:", (string)error["message"]!);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        return elapsed;
    }
}
