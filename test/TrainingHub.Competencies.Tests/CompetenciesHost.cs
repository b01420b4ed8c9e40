using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests;

/// <summary>Starts the Competencies module on a fresh database and builds small frameworks for tests.</summary>
internal static class CompetenciesHost
{
    public static Task<ModuleTestHost> StartAsync(ITestDatabaseServer server) =>
        ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new CompetenciesModule()]);

    /// <summary>Acts as a coordinator of one oblast: frameworks are shared, so that is enough to edit them all.</summary>
    public static TestUser AsEditor(this ModuleTestHost host) =>
        host.User.Holding(
            new PermissionGrant(CompetencyPermissions.FrameworksView, null),
            new PermissionGrant(CompetencyPermissions.FrameworksEdit, Guid.NewGuid()));

    public static TestUser AsViewer(this ModuleTestHost host) =>
        host.User.Holding(new PermissionGrant(CompetencyPermissions.FrameworksView, null));

    public static async Task<Guid> CreateAsync(this FrameworkCatalogue catalogue, string code, string name, string? nameEn = null)
    {
        var result = await catalogue.CreateAsync(new NewFrameworkInput { Code = code, Texts = new FrameworkTexts { Name = name, NameEn = nameEn } });
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value;
    }

    public static async Task<Guid> AddAsync(this FrameworkTree tree, Guid versionId, Guid? parentId, NodeKind kind, string code, string name, string? nameEn = null)
    {
        var result = await tree.AddAsync(versionId, parentId, new NodeInput { Kind = kind, Code = code, Name = name, NameEn = nameEn });
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value;
    }
}
