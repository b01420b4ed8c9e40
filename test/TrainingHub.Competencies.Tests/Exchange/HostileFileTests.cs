using System.Diagnostics;
using System.Text.Json.Nodes;
using TrainingHub.Competencies.Exchange;
using static TrainingHub.Competencies.Tests.Exchange.ExchangeSamples;

namespace TrainingHub.Competencies.Tests.Exchange;

/// <summary>
/// Files made to exhaust the server: too many rows, chains too deep in either order, cells too long, and texts that
/// cost a pattern time growing with their square. Each is refused at its line or item, and quickly.
/// </summary>
public sealed class HostileFileTests
{
    private static ExchangeProblem HasError(FrameworkReadResult result, string key, ProblemPlace place)
    {
        Assert.False(result.CanImport);
        var problem = result.Errors.FirstOrDefault(e => e.Key == key && e.Place == place);
        Assert.True(problem is not null, $"Expected {key} at {place}; found: {string.Join("; ", result.Errors.Take(5))}");
        return problem;
    }

    /// <summary>A chain of competencies C1 (at the top) to C<paramref name="depth"/>, listed top down or leaf first.</summary>
    private static byte[] MoodleChain(int depth, bool leafFirst)
    {
        var rows = Enumerable.Range(1, depth).Select(i => Row(i == 1 ? "" : $"C{i - 1}", $"C{i}", $"Рівень{i}"));
        return MoodleCsv([FrameworkRow, .. leafFirst ? rows.Reverse() : rows]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_chain_one_level_deeper_than_allowed_is_refused_at_the_first_competency_too_deep(bool leafFirst)
    {
        var deepest = ExchangeFile.MaxDepth + 1;
        var line = leafFirst ? 3 : 2 + deepest;

        var problem = HasError(MoodleCompetencyCsv.Read(MoodleChain(deepest, leafFirst)), "Exchange:Error:TooDeep", ProblemPlace.AtLine(line));

        Assert.Equal([$"C{deepest}", ExchangeFile.MaxDepth], problem.Arguments);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_chain_as_deep_as_allowed_is_read_in_tree_order(bool leafFirst)
    {
        var document = ReadCleanly(MoodleCompetencyCsv.Read(MoodleChain(ExchangeFile.MaxDepth, leafFirst)));

        Assert.Equal(Enumerable.Range(1, ExchangeFile.MaxDepth).Select(i => $"C{i}"), document.Items.Select(i => i.Code));
    }

    [Fact]
    public void A_file_with_more_rows_than_allowed_is_refused_at_the_first_row_too_many()
    {
        var rows = Enumerable.Range(1, ExchangeFile.MaxItems).Select(i => Row("", $"C{i}", "Компетентність"));

        var problem = HasError(MoodleCompetencyCsv.Read(MoodleCsv([FrameworkRow, .. rows])), "Exchange:Error:TooManyRows",
            ProblemPlace.AtLine(ExchangeFile.MaxItems + 1));

        Assert.Equal([ExchangeFile.MaxItems], problem.Arguments);
        Assert.Empty(MoodleCompetencyCsv.Read(MoodleCsv([FrameworkRow, .. rows.Take(ExchangeFile.MaxItems - 2)])).Errors);
    }

    [Fact]
    public void A_cell_longer_than_allowed_is_refused_at_its_line()
    {
        var name = new string('я', ExchangeFile.MaxTextLength);

        var problem = HasError(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера"), Row("A", "A.1", name + "я"))),
            "Exchange:Error:CellTooLong", ProblemPlace.AtLine(4));

        Assert.Equal([ExchangeFile.MaxTextLength], problem.Arguments);
        Assert.Equal(name, ReadCleanly(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера"), Row("A", "A.1", name)))).Items[1].ShortNameUk);
    }

    [Fact]
    public void A_file_full_of_unclosed_span_tags_is_read_in_moments()
    {
        var cell = string.Concat(Enumerable.Repeat("<span ", ExchangeFile.MaxTextLength / 6));
        var rows = Enumerable.Range(1, 1_000).Select(i => Row("", $"C{i}", $"\"{cell}\""));
        var file = MoodleCsv([FrameworkRow, .. rows]);
        Assert.True(file.Length < ExchangeFile.MaxBytes);

        var timer = Stopwatch.StartNew();
        var document = ReadCleanly(MoodleCompetencyCsv.Read(file));

        Assert.InRange(timer.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(cell.Trim(), document.Items[0].ShortNameUk);
    }

    [Fact]
    public void Multilang_spans_are_still_found_among_stray_tags()
    {
        var (uk, en) = BilingualText.Split(
            """<span <span lang="uk" class="multilang">Оцінка</span><lang lang="en-GB">Assessment</lang><span lang="de">Bewertung</span>""");

        Assert.Equal(("Оцінка", "Assessment"), (uk, en));
    }

    /// <summary>A CASE package with items i1 … i<paramref name="depth"/>, each the child of the one before.</summary>
    private static JsonObject CaseChain(int depth)
    {
        var items = new JsonArray();
        var associations = new JsonArray();
        for (var i = 1; i <= depth; i++)
        {
            items.Add(new JsonObject { ["identifier"] = $"i{i}", ["humanCodingScheme"] = $"C{i}", ["fullStatement"] = $"Рівень {i}" });
            associations.Add(new JsonObject
            {
                ["associationType"] = "isChildOf",
                ["originNodeURI"] = new JsonObject { ["identifier"] = $"i{i}" },
                ["destinationNodeURI"] = new JsonObject { ["identifier"] = i == 1 ? "doc" : $"i{i - 1}" },
            });
        }
        return new JsonObject
        {
            ["CFDocument"] = new JsonObject { ["identifier"] = "doc", ["title"] = "Рамка" },
            ["CFItems"] = items,
            ["CFAssociations"] = associations,
        };
    }

    private static FrameworkReadResult Read(JsonObject package) => CasePackageJson.Read(Utf8(package.ToJsonString()));

    [Fact]
    public void A_CASE_chain_one_level_deeper_than_allowed_is_refused_at_the_item_too_deep()
    {
        var deepest = ExchangeFile.MaxDepth + 1;

        HasError(Read(CaseChain(deepest)), "Exchange:Error:TooDeep", ProblemPlace.AtItem($"i{deepest}"));
        Assert.Empty(Read(CaseChain(ExchangeFile.MaxDepth)).Errors);
    }

    [Fact]
    public void A_CASE_package_with_more_items_than_allowed_is_refused_before_its_tree_is_built()
    {
        var package = CaseChain(ExchangeFile.MaxItems + 1);
        package["CFAssociations"] = new JsonArray();

        var problem = HasError(Read(package), "Exchange:Error:TooManyItems", ProblemPlace.File);

        Assert.Equal([ExchangeFile.MaxItems], problem.Arguments);
    }

    [Fact]
    public void A_CASE_text_longer_than_allowed_is_refused_at_its_item()
    {
        var package = CaseChain(3);
        package["CFItems"]![1]!["extensions"] = new JsonObject
        {
            ["traininghub"] = new JsonObject { ["fullStatement"] = new string('x', ExchangeFile.MaxTextLength + 1) },
        };

        var problem = HasError(Read(package), "Exchange:Error:TextTooLong", ProblemPlace.AtItem("i2"));

        Assert.Equal([ExchangeFile.MaxTextLength], problem.Arguments);
    }
}
