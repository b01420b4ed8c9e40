using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace TrainingHub.SharedKernel.Localization;

/// <summary>
/// The texts of one module in one language, read once from the JSON file embedded in the module's assembly.
/// The file looks like <c>{ "culture": "uk", "texts": { "Key": "Text" } }</c>.
/// </summary>
public static class JsonTexts
{
    private static readonly ConcurrentDictionary<(Assembly, string, string), IReadOnlyDictionary<string, string>> Cache = new();

    public static IReadOnlyDictionary<string, string> Load(Assembly assembly, string module, string language) =>
        Cache.GetOrAdd((assembly, module, language), key => Read(key.Item1, key.Item2, key.Item3));

    /// <summary>The embedded resource name of a module's file for a language (en, uk).</summary>
    public static string ResourceName(string module, string language) => $"localization.{module}.{language}.json";

    private static IReadOnlyDictionary<string, string> Read(Assembly assembly, string module, string language)
    {
        using var stream = assembly.GetManifestResourceStream(ResourceName(module, language));
        if (stream is null)
        {
            return new Dictionary<string, string>();
        }
        var file = JsonSerializer.Deserialize<TextsFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        return file?.Texts ?? new Dictionary<string, string>();
    }

    private sealed record TextsFile(string Culture, Dictionary<string, string> Texts);
}
