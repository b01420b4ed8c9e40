using System.Reflection;
using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.TestKit;

namespace TrainingHub.ArchitectureTests;

/// <summary>
/// Entities of the areas that hold private data declare what is private: a data class on the entity, or on each field
/// but its key. A new area is one more namespace in <see cref="SensitiveAreas"/>.
/// </summary>
public sealed class DataClassTests
{
    /// <summary>Where supervision notes and wellbeing answers are kept.</summary>
    private static readonly string[] SensitiveAreas = ["TrainingHub.Supervision", "TrainingHub.Wellbeing"];

    private static IEnumerable<Assembly> ModuleAssemblies => RepositoryFiles.Root.GetDirectories("modules")
        .Single().GetDirectories().SelectMany(module => module.GetDirectories("TrainingHub.*"))
        .Select(project => Assembly.Load(project.Name));

    /// <summary>
    /// The entities of sensitive areas in the assemblies, each with its undeclared fields: types of a <c>Domain</c>
    /// namespace and types a context there keeps in a DbSet.
    /// </summary>
    private static IEnumerable<string> UndeclaredFields(IEnumerable<Assembly> assemblies)
    {
        var inAreas = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace is { } ns && SensitiveAreas.Any(area => ns.StartsWith(area, StringComparison.Ordinal)))
            .ToList();
        var entities = inAreas.Where(t => t.IsClass && !t.IsAbstract && t.Namespace!.Split('.').Contains("Domain") && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .Concat(inAreas.Where(t => typeof(DbContext).IsAssignableFrom(t))
                .SelectMany(c => c.GetProperties().Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>)))
                .Select(p => p.PropertyType.GetGenericArguments()[0]))
            .Distinct();
        foreach (var entity in entities.Where(e => DataClasses.Of(e) == DataClass.Undeclared))
        {
            foreach (var field in entity.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.Name is not ("Id" or nameof(IHasVersion.Version)) && DataClasses.Of(p) == DataClass.Undeclared))
            {
                yield return $"{entity.FullName}.{field.Name}";
            }
        }
    }

    [Fact]
    public void Every_entity_of_a_sensitive_area_declares_its_data_class()
    {
        Assert.Empty(UndeclaredFields(ModuleAssemblies));
    }

    [Fact]
    public void The_rule_finds_undeclared_fields_and_accepts_declared_ones()
    {
        var found = UndeclaredFields([typeof(DataClassTests).Assembly]).ToList();

        Assert.Equal(
            ["TrainingHub.Wellbeing.Domain.Fixture.UndeclaredAnswer.Score", "TrainingHub.Wellbeing.Domain.Fixture.PartlyDeclaredNote.Notes"],
            found.Order(StringComparer.Ordinal).Reverse());
    }
}
