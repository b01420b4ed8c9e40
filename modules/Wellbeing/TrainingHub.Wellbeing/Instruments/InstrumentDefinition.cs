using System.Text.Json;
using System.Text.Json.Serialization;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Wellbeing.Instruments;

/// <summary>A text in both languages.</summary>
internal sealed record BilingualText(string Uk, string En)
{
    public string Current => Cultures.ReadsEnglish ? En : Uk;
}

/// <summary>One answer a person can give and its points before any reversal.</summary>
internal sealed record AnswerOption(BilingualText Label, int Points);

/// <summary>One question; <see cref="Reversed"/> items count their options' points the other way round.</summary>
internal sealed record InstrumentItem(string Code, BilingualText Text, string Options, bool Reversed = false);

/// <summary>
/// A scale scored on its own: the mean points of its answered items, when at least <see cref="MinAnswers"/> are answered.
/// A scale about work with clients is offered only to people whose position works with clients, and may be skipped.
/// </summary>
internal sealed record InstrumentScale(
    string Code, BilingualText Name, BilingualText Meaning, int MinAnswers, IReadOnlyList<InstrumentItem> Items, bool ForClientWork = false);

/// <summary>
/// A questionnaire as data: its scales, items and answer options in both languages, where it comes from, and which
/// languages are working translations rather than validated ones. Another instrument, or a validated translation, is
/// another definition, not code.
/// </summary>
/// <param name="HighFrom">A scale score at or above this is shown as high: a flag for attention, never a diagnosis.</param>
internal sealed record InstrumentDefinition(
    string Code,
    BilingualText Name,
    BilingualText Credit,
    BilingualText Intro,
    IReadOnlyList<string> WorkingTranslations,
    IReadOnlyDictionary<string, IReadOnlyList<AnswerOption>> OptionSets,
    IReadOnlyList<InstrumentScale> Scales,
    int HighFrom)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public IEnumerable<InstrumentItem> Items => Scales.SelectMany(s => s.Items);

    /// <summary>Whether the language is a working translation, which administrators are told before using it.</summary>
    public bool IsWorkingTranslation(string language) => WorkingTranslations.Contains(language);

    public IReadOnlyList<AnswerOption> OptionsOf(InstrumentItem item) => OptionSets[item.Options];

    /// <summary>
    /// The instrument as it is put to a person: without its scales about work with clients when the person does not
    /// work with clients, so those scales are neither asked nor scored.
    /// </summary>
    public InstrumentDefinition OfferedTo(bool worksWithClients) =>
        worksWithClients ? this : this with { Scales = [.. Scales.Where(s => !s.ForClientWork)] };

    public static InstrumentDefinition Parse(string json) =>
        JsonSerializer.Deserialize<InstrumentDefinition>(json, Json) ?? throw new JsonException("An instrument definition is an object.");

    /// <summary>What makes a definition usable: unique codes, items on known option sets, reachable minimums.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (OptionSets.Count == 0 || OptionSets.Values.Any(o => o.Count < 2))
        {
            problems.Add("every option set has at least two options");
        }
        if (Scales.Count == 0 || Scales.Any(s => s.Items.Count == 0))
        {
            problems.Add("every scale has items");
        }
        if (Scales.Select(s => s.Code).Distinct().Count() != Scales.Count || Items.Select(i => i.Code).Distinct().Count() != Items.Count())
        {
            problems.Add("scale and item codes are unique");
        }
        problems.AddRange(Items.Where(i => !OptionSets.ContainsKey(i.Options)).Select(i => $"item {i.Code} uses an unknown option set {i.Options}"));
        problems.AddRange(Scales.Where(s => s.MinAnswers < 1 || s.MinAnswers > s.Items.Count).Select(s => $"scale {s.Code} asks for 1 to {s.Items.Count} answers"));
        return problems;
    }
}
