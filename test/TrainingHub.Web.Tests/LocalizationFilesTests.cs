using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingHub.TestKit;

namespace TrainingHub.Web.Tests;

/// <summary>
/// Everything a person reads exists in Ukrainian and in English: the two files of each module hold the
/// same keys, and every key the code asks for is defined.
/// </summary>
public sealed partial class LocalizationFilesTests
{
    private static readonly string LocalizationFolder = Path.Combine(RepositoryFiles.Root.FullName, "localization");

    public static TheoryData<string> Modules() => [.. Directory.GetDirectories(LocalizationFolder).Select(d => new DirectoryInfo(d).Name).Order()];

    [Theory]
    [MemberData(nameof(Modules))]
    public void Both_languages_define_the_same_keys(string module)
    {
        var english = Texts(module, "en");
        var ukrainian = Texts(module, "uk");

        Assert.Empty(english.Keys.Except(ukrainian.Keys));
        Assert.Empty(ukrainian.Keys.Except(english.Keys));
        Assert.All(english.Concat(ukrainian), t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"{module}: {t.Key} is empty"));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Files_state_their_culture(string module)
    {
        foreach (var language in new[] { "en", "uk" })
        {
            using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(LocalizationFolder, module, $"{language}.json")));
            Assert.Equal(language, file.RootElement.GetProperty("culture").GetString());
        }
    }

    [Fact]
    public void Every_key_the_code_uses_is_defined()
    {
        var common = Texts("Common", "en").Keys.ToHashSet();
        // Only literals that start like a text key count; configuration keys such as "DemoData:Enabled" do not.
        var prefixes = Modules().Select(m => (string)m.Data).SelectMany(m => Texts(m, "en").Keys).Select(k => k[..k.IndexOf(':')]).ToHashSet();
        var missing = new List<string>();
        foreach (var (folder, module) in CodeFolders())
        {
            var defined = module is null ? common : Texts(module, "en").Keys.Concat(common).ToHashSet();
            foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                         .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("/Migrations/")))
            {
                var code = File.ReadAllText(file);
                missing.AddRange(KeyLiteral().Matches(code).Select(m => m.Groups[1].Value)
                    .Where(key => prefixes.Contains(key[..key.IndexOf(':')]) && !defined.Contains(key))
                    .Select(key => $"{Path.GetRelativePath(RepositoryFiles.Root.FullName, file)}: {key}"));
                // An interpolated key such as L[$"UnitType:{type}"] needs at least one key with its prefix.
                missing.AddRange(InterpolatedKey().Matches(code).Select(m => m.Groups[1].Value)
                    .Where(prefix => !defined.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)))
                    .Select(prefix => $"{Path.GetRelativePath(RepositoryFiles.Root.FullName, file)}: {prefix}…"));
            }
        }
        Assert.True(missing.Count == 0, "Keys without a text:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_key_check_recognises_keys_in_pages_and_services()
    {
        Assert.Equal(["Menu:Organisations", "Error:NameRequired"],
            KeyLiteral().Matches("""<b>@L["Menu:Organisations"]</b> new(nameof(Name), "Error:NameRequired") "Data Source=x" """).Select(m => m.Groups[1].Value));
    }

    /// <summary>Each module's code with the module whose texts it uses; the host and kernel use the Common texts.</summary>
    private static IEnumerable<(string Folder, string? Module)> CodeFolders()
    {
        var root = RepositoryFiles.Root.FullName;
        yield return (Path.Combine(root, "src"), null);
        foreach (var module in Directory.GetDirectories(Path.Combine(root, "modules")))
        {
            yield return (module, Path.GetFileName(module));
        }
    }

    private static Dictionary<string, string> Texts(string module, string language)
    {
        var path = Path.Combine(LocalizationFolder, module, $"{language}.json");
        using var file = JsonDocument.Parse(File.ReadAllText(path));
        return file.RootElement.GetProperty("texts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    /// <summary>A string literal shaped like a key: words joined by colons, such as "Import:Error:NotUtf8".</summary>
    [GeneratedRegex("(?<![$@])\"([A-Z][A-Za-z]+(?::[A-Z][A-Za-z.]+)+)\"")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex("L\\[\\$\"([A-Z][A-Za-z]+(?::[A-Z][A-Za-z.]+)*:)\\{")]
    private static partial Regex InterpolatedKey();
}
