using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways;

[LocalizationResource("Pathways")]
public sealed class PathwaysResource;

/// <summary>
/// Pathways from volunteer to professional: stages whose requirements are judged live from what the other modules
/// know of a person, progression approved by coordinators, and certificates that can be checked.
/// </summary>
public sealed class PathwaysModule : TrainingHubModule
{
    public override string Name => "Pathways";

    public override IEnumerable<PermissionDefinition> Permissions =>
    [
        new(PathwaysPermissions.TemplatesView, typeof(PathwaysResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator, BuiltInRoles.Supervisor),
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:Templates", "pathways/templates", Icons.Material.Filled.Route, PathwaysPermissions.TemplatesView, typeof(PathwaysResource), 60),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<PathwaysDbContext, PathwaysSqliteDbContext, PathwaysPostgreSqlDbContext>(PathwaysDbContext.Schema);
        services.AddScoped<PathwayTemplates>();
        services.AddSingleton<IModuleInitializer, DemoPathway>();
    }
}
