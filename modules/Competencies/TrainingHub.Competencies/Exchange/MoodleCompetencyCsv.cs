using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TrainingHub.Competencies.Exchange;

/// <summary>
/// Moodle's competency framework CSV (admin/tool/lpimportcsv): 14 columns by position, one row for the framework
/// (with the scale and the taxonomy), one row per competency linked to its parent by ID number. Both languages travel
/// as multilang spans in the short name and the description. Areas are the levels whose taxonomy term is "domain".
/// </summary>
internal static class MoodleCompetencyCsv
{
    public static readonly string[] Header =
    [
        "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values",
        "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
        "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework", "Taxonomy",
    ];

    private const int ParentColumn = 0, CodeColumn = 1, NameColumn = 2, DescriptionColumn = 3, FormatColumn = 4,
        ScaleValuesColumn = 5, ScaleConfigurationColumn = 6, RelatedColumn = 10, IsFrameworkColumn = 12, TaxonomyColumn = 13;

    private const string HtmlFormat = "1";

    public static FrameworkReadResult Read(byte[] content)
    {
        var (text, problem) = ExchangeFile.Decode(content);
        if (problem is not null)
        {
            return new FrameworkReadResult(null, [problem], []);
        }
        if (text!.TrimStart() is ['{' or '[', ..])
        {
            return FrameworkReadResult.Failed("Exchange:Error:JsonGivenAsCsv", ProblemPlace.File);
        }
        var errors = new List<ExchangeProblem>();
        var warnings = new List<ExchangeProblem>();
        var records = CsvRecords.Read(text, errors, ExchangeFile.MaxItems, ExchangeFile.MaxTextLength);
        if (errors.Count > 0)
        {
            return new FrameworkReadResult(null, errors, warnings);
        }
        if (records.Count == 0)
        {
            return FrameworkReadResult.Failed("Exchange:Error:EmptyFile", ProblemPlace.File);
        }
        if (records[0].Cells.Count != Header.Length)
        {
            return FrameworkReadResult.Failed("Exchange:Error:NotMoodleFramework", ProblemPlace.AtLine(records[0].Line), Header.Length, records[0].Cells.Count);
        }

        var rows = new List<CsvRecord>();
        foreach (var record in records.Skip(1))
        {
            if (record.Cells.Count != Header.Length)
            {
                errors.Add(new ExchangeProblem("Exchange:Error:ColumnCount", ProblemPlace.AtLine(record.Line), Header.Length, record.Cells.Count));
            }
            else
            {
                rows.Add(record);
            }
        }
        var frameworkRows = rows.Where(r => IsTruthy(r.Cells[IsFrameworkColumn])).ToList();
        if (frameworkRows.Count == 0)
        {
            errors.Add(new ExchangeProblem("Exchange:Error:NoFrameworkRow", ProblemPlace.File));
            return new FrameworkReadResult(null, errors, warnings);
        }
        foreach (var extra in frameworkRows.Skip(1))
        {
            errors.Add(new ExchangeProblem("Exchange:Error:SeveralFrameworkRows", ProblemPlace.AtLine(extra.Line), frameworkRows[0].Line));
        }

        var frameworkRow = frameworkRows[0];
        var place = ProblemPlace.AtLine(frameworkRow.Line);
        var (nameUk, nameEn) = Names(frameworkRow.Cells[NameColumn]);
        var (descriptionUk, descriptionEn) = Descriptions(frameworkRow.Cells[DescriptionColumn], frameworkRow.Cells[FormatColumn]);
        var scaleValues = frameworkRow.Cells[ScaleValuesColumn];
        var framework = new FrameworkDocument
        {
            Code = frameworkRow.Cells[CodeColumn].Trim(),
            NameUk = nameUk,
            NameEn = nameEn,
            DescriptionUk = descriptionUk,
            DescriptionEn = descriptionEn,
            Scale = ReadScale(scaleValues, frameworkRow.Cells[ScaleConfigurationColumn], place, errors),
        };

        var drafts = new List<DraftItem>();
        foreach (var row in rows.Where(r => !IsTruthy(r.Cells[IsFrameworkColumn])))
        {
            var cells = row.Cells;
            var (shortUk, shortEn) = Names(cells[NameColumn]);
            var (itemDescriptionUk, itemDescriptionEn) = Descriptions(cells[DescriptionColumn], cells[FormatColumn]);
            var parent = cells[ParentColumn].Trim();
            drafts.Add(new DraftItem(new FrameworkItem
            {
                Code = cells[CodeColumn].Trim(),
                ParentCode = parent.Length == 0 ? null : parent,
                ShortNameUk = shortUk,
                ShortNameEn = shortEn,
                DescriptionUk = itemDescriptionUk,
                DescriptionEn = itemDescriptionEn,
                RelatedCodes = [.. cells[RelatedColumn].Split(',').Select(c => c.Trim().Replace("%2C", ",")).Where(c => c.Length > 0)],
            }, ProblemPlace.AtLine(row.Line), row.Line));
            if (cells[ScaleValuesColumn].Trim().Length > 0 && cells[ScaleValuesColumn].Trim() != scaleValues.Trim())
            {
                warnings.Add(new ExchangeProblem("Exchange:Warning:CompetencyScaleIgnored", ProblemPlace.AtLine(row.Line), cells[CodeColumn].Trim()));
            }
        }
        return FrameworkAssembly.Assemble(framework, place, place, drafts, AreaRuleFor(frameworkRow.Cells[TaxonomyColumn]), errors, warnings);
    }

    /// <summary>The framework as Moodle's importer reads it: LF line ends, comma delimiter, UTF-8 without a byte order mark.</summary>
    public static byte[] Write(FrameworkDocument framework)
    {
        var csv = new StringBuilder();
        CsvRecords.Write(csv, Header);
        var threshold = framework.Scale.ToList().FindIndex(l => l.IsProficiencyThreshold);
        var configuration = new List<object> { new Dictionary<string, string> { ["scaleid"] = "0" } };
        configuration.AddRange(framework.Scale.Select((level, i) => new Dictionary<string, int>
        {
            ["id"] = i + 1,
            ["scaledefault"] = level.IsDefault ? 1 : 0,
            ["proficient"] = threshold >= 0 && i >= threshold ? 1 : 0,
        }));
        CsvRecords.Write(csv,
        [
            "", framework.Code, BilingualText.Join(framework.NameUk, framework.NameEn),
            DescriptionHtml(framework.DescriptionUk, framework.DescriptionEn), HtmlFormat,
            string.Join(",", framework.Scale.Select(l => BilingualText.Join(l.NameUk, l.NameEn))),
            JsonSerializer.Serialize(configuration), "", "", "", "", "", "1", Taxonomy(framework),
        ]);
        var exportedId = 0;
        foreach (var item in framework.Items)
        {
            CsvRecords.Write(csv,
            [
                item.ParentCode ?? "", item.Code, BilingualText.Join(item.ShortNameUk, item.ShortNameEn),
                DescriptionHtml(item.DescriptionUk, item.DescriptionEn), HtmlFormat, "", "", "", "0", "null",
                string.Join(",", item.RelatedCodes.Select(c => c.Replace(",", "%2C"))),
                (++exportedId).ToString(CultureInfo.InvariantCulture), "", "",
            ]);
        }
        return new UTF8Encoding(false).GetBytes(csv.ToString());
    }

    /// <summary>PHP's truthiness, which Moodle applies to the "Is framework" cell.</summary>
    private static bool IsTruthy(string cell) => cell.Trim() is { Length: > 0 } value && value != "0";

    private static (string Uk, string En) Names(string cell)
    {
        var (uk, en) = BilingualText.Split(cell);
        return (BilingualText.Normalise(uk), BilingualText.Normalise(en));
    }

    /// <summary>Formats other than HTML (0 auto, 2 plain, 4 Markdown) are kept as text; HTML becomes text.</summary>
    private static (string Uk, string En) Descriptions(string cell, string format)
    {
        var (uk, en) = BilingualText.Split(cell);
        return format.Trim() is "0" or "2" or "4"
            ? (BilingualText.Normalise(uk), BilingualText.Normalise(en))
            : (BilingualText.HtmlToText(uk), BilingualText.HtmlToText(en));
    }

    private static string DescriptionHtml(string uk, string en) =>
        BilingualText.Join(BilingualText.TextToHtml(uk), BilingualText.TextToHtml(en));

    /// <summary>
    /// Scale values low to high; the configuration marks which are proficient (the lowest of them is our threshold)
    /// and which is the default.
    /// </summary>
    private static List<ScaleLevel> ReadScale(string values, string configuration, ProblemPlace place, List<ExchangeProblem> errors)
    {
        var names = values.Split(',').Select(Names).Where(n => n.Uk.Length > 0).ToList();
        if (names.Count == 0)
        {
            return [];
        }
        var proficient = new SortedSet<int>();
        int? defaultLevel = null;
        try
        {
            using var json = JsonDocument.Parse(configuration.Trim().Length == 0 ? "[]" : configuration);
            foreach (var entry in json.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                if (!entry.TryGetProperty("id", out var idValue))
                {
                    continue;
                }
                var id = Number(idValue);
                if (id < 1 || id > names.Count)
                {
                    errors.Add(new ExchangeProblem("Exchange:Error:ScaleConfiguration", place));
                    return [];
                }
                if (entry.TryGetProperty("proficient", out var flag) && Number(flag) == 1)
                {
                    proficient.Add(id);
                }
                if (entry.TryGetProperty("scaledefault", out flag) && Number(flag) == 1)
                {
                    defaultLevel ??= id;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            errors.Add(new ExchangeProblem("Exchange:Error:ScaleConfiguration", place));
            return [];
        }
        var threshold = proficient.Count == 0 ? 0 : proficient.Min;
        return [.. names.Select((n, i) => new ScaleLevel(n.Uk, n.En, i + 1 == threshold, i + 1 == defaultLevel))];
    }

    /// <summary>Moodle writes numbers in the configuration sometimes as strings, sometimes as numbers or booleans.</summary>
    private static int Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetInt32(),
        JsonValueKind.String => int.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => throw new FormatException(),
    };

    /// <summary>Areas are the levels the taxonomy calls "domain"; a taxonomy without domains falls back to groups at the top.</summary>
    private static AreaRule AreaRuleFor(string taxonomy)
    {
        var terms = taxonomy.Split(',').Select(t => t.Trim().ToLowerInvariant()).ToArray();
        return terms.Contains("domain")
            ? (_, depth, _) => depth <= terms.Length && terms[depth - 1] == "domain"
            : FrameworkAssembly.GroupsAtTopAreAreas;
    }

    /// <summary>"domain" for each level that holds only areas, "competency" for the others, down to the deepest level.</summary>
    private static string Taxonomy(FrameworkDocument framework)
    {
        var depths = new Dictionary<string, int>();
        foreach (var item in framework.Items)
        {
            depths[item.Code] = item.ParentCode is { } parent && depths.TryGetValue(parent, out var parentDepth) ? parentDepth + 1 : 1;
        }
        var levels = framework.Items.GroupBy(i => depths[i.Code]).OrderBy(g => g.Key)
            .Select(g => g.All(i => i.IsArea) ? "domain" : "competency").ToList();
        return string.Join(",", levels.Count == 0 ? ["competency"] : levels);
    }
}
