using TrainingHub.Competencies.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests;

/// <summary>The module starts with the others and declares who may browse frameworks.</summary>
public sealed class CompetenciesModuleTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_module_starts_and_everyone_may_browse_frameworks()
    {
        await using var host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new CompetenciesModule()]);

        var permission = host.Get<ModuleCatalog>().Permissions.Single(p => p.Name == CompetencyPermissions.FrameworksView);

        Assert.Contains(SharedKernel.Security.BuiltInRoles.Everyone, permission.GrantedByDefaultTo);
    }
}
