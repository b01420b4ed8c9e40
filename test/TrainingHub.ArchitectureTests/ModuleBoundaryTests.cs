using System.Reflection;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.TestKit;

namespace TrainingHub.ArchitectureTests;

/// <summary>
/// Modules talk to each other only through contracts; the kernel knows no module; nothing but the host knows the host.
/// The assemblies are found from the host, so a new module is checked without changing these tests.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly Host = typeof(Program).Assembly;
    private static readonly Assembly Kernel = typeof(TrainingHubModule).Assembly;

    /// <summary>Every project under modules/ (each module's contracts and implementation), loaded from the build output.</summary>
    private static readonly IReadOnlyList<Assembly> ModuleAssemblies = RepositoryFiles.Root.GetDirectories("modules")
        .Single().GetDirectories().SelectMany(module => module.GetDirectories("TrainingHub.*"))
        .Select(project => Assembly.Load(project.Name))
        .ToList();

    private static IEnumerable<Assembly> Implementations => ModuleAssemblies.Where(a => !a.GetName().Name!.EndsWith(".Contracts"));

    private static IEnumerable<Assembly> Contracts => ModuleAssemblies.Where(a => a.GetName().Name!.EndsWith(".Contracts"));

    public static TheoryData<string> ImplementationNames() => [.. Implementations.Select(a => a.GetName().Name!)];

    [Fact]
    public void The_host_brings_modules_each_with_contracts()
    {
        Assert.Contains("TrainingHub.Organisations", Implementations.Select(a => a.GetName().Name));
        Assert.Contains("TrainingHub.Accounts", Implementations.Select(a => a.GetName().Name));
        Assert.All(Implementations, module => Assert.Contains(Contracts, c => c.GetName().Name == module.GetName().Name + ".Contracts"));
    }

    [Fact]
    public void The_kernel_depends_on_no_module_and_not_on_the_host()
    {
        var result = Types.InAssembly(Kernel).ShouldNot()
            // Type by type, as for modules below: matching assembly names as prefixes reported kernel types that use none of them.
            .HaveDependencyOnAny([.. ModuleAssemblies.SelectMany(TypeNames), .. TypeNames(Host)])
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Theory]
    [MemberData(nameof(ImplementationNames))]
    public void A_module_depends_on_no_other_module_implementation(string module)
    {
        var assembly = ModuleAssemblies.Single(a => a.GetName().Name == module);
        // Type by type: a namespace prefix would also match the other module's contracts, which are allowed.
        var forbidden = Implementations.Where(other => other != assembly).SelectMany(TypeNames).ToArray();

        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), r => Implementations.Any(i => i != assembly && i.GetName().Name == r.Name));
    }

    [Fact]
    public void No_module_or_contract_depends_on_the_host()
    {
        var result = Types.InAssemblies(ModuleAssemblies).ShouldNot().HaveDependencyOn(Host.GetName().Name).GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Contracts_depend_on_no_module_implementation()
    {
        var implementationTypes = Implementations.SelectMany(TypeNames).ToArray();

        var result = Types.InAssemblies(Contracts).ShouldNot().HaveDependencyOnAny(implementationTypes).GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void The_dependency_check_sees_a_real_dependency_through_a_contract()
    {
        var accounts = ModuleAssemblies.Single(a => a.GetName().Name == "TrainingHub.Accounts");

        var result = Types.InAssembly(accounts).ShouldNot().HaveDependencyOn("TrainingHub.Organisations.Contracts").GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Theory]
    [MemberData(nameof(ImplementationNames))]
    public void A_module_shows_only_its_entry_point_resource_and_pages(string module)
    {
        var assembly = ModuleAssemblies.Single(a => a.GetName().Name == module);

        var exposed = assembly.GetExportedTypes()
            .Where(t => t.Name != "_Imports"
                        && !typeof(TrainingHubModule).IsAssignableFrom(t)
                        && t.GetCustomAttribute<LocalizationResourceAttribute>() is null
                        && !typeof(IComponent).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(exposed);
    }

    /// <summary>The module's own types; compiler-generated helpers, which every assembly has under the same name, are left out.</summary>
    private static IEnumerable<string> TypeNames(Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.FullName!.Contains('<')).Select(t => t.FullName!);

    private static string Describe(NetArchTest.Rules.TestResult result) =>
        "Crossed boundaries: " + string.Join(", ", result.FailingTypeNames ?? []);
}
