using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrainingHub.TestKit;

namespace TrainingHub.ArchitectureTests;

/// <summary>
/// The README is where a newcomer learns which modules there are and where their tables live: its layout and its schema
/// list follow <c>modules/</c> and the modules' own contexts, so a module added without telling the README fails here.
/// </summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root.FullName, "README.md"));

    private static readonly IReadOnlyList<DirectoryInfo> Modules = RepositoryFiles.Root.GetDirectories("modules").Single().GetDirectories();

    [Fact]
    public void The_layout_names_every_module_with_its_contracts_and_implementation_and_no_other()
    {
        var layout = LayoutBlock().Match(Readme);
        Assert.True(layout.Success, "README.md has no ## Layout section with a code block.");
        var lines = layout.Groups["block"].Value.Split('\n');
        var modulesAt = Array.FindIndex(lines, l => l.TrimEnd() == "modules/");
        var listed = lines.Skip(modulesAt + 1).TakeWhile(l => l.StartsWith(' '))
            .Select(l => ModuleLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["module"].Value).ToList();

        Assert.Equal(Modules.Select(m => m.Name).Order(), listed.Order());
        Assert.All(Modules, module =>
        {
            foreach (var project in module.GetDirectories("TrainingHub.*"))
            {
                Assert.Contains(project.Name + "/", layout.Groups["block"].Value);
            }
        });
    }

    [Fact]
    public void The_schema_list_names_the_schema_of_every_module_context()
    {
        var declared = Modules.SelectMany(m => m.GetDirectories("TrainingHub.*"))
            .Where(p => !p.Name.EndsWith(".Contracts"))
            .SelectMany(p => Assembly.Load(p.Name).GetTypes())
            .Where(t => t.IsAbstract && t.IsSubclassOf(typeof(DbContext)))
            .Select(t => t.GetField("Schema", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string)
            .OfType<string>()
            .Order()
            .ToList();
        var sentence = SchemaSentence().Match(Readme);
        Assert.True(sentence.Success, "README.md no longer says which schema each module keeps its tables in.");
        var listed = Regex.Matches(sentence.Groups["list"].Value, "`([a-z_]+)`").Select(m => m.Groups[1].Value).Order().ToList();

        Assert.Equal(Modules.Count, declared.Count);
        Assert.Equal(declared, listed);
    }

    [GeneratedRegex(@"## Layout\s+```\n(?<block>.*?)```", RegexOptions.Singleline)]
    private static partial Regex LayoutBlock();

    [GeneratedRegex(@"^  (?<module>[A-Z][A-Za-z]+)/\s*$")]
    private static partial Regex ModuleLine();

    [GeneratedRegex(@"each module keeps its tables in its own schema \((?<list>[^)]*)\)")]
    private static partial Regex SchemaSentence();
}
