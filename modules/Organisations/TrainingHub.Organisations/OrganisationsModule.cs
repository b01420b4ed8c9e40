using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Audit.Contracts;
using TrainingHub.Organisations.Api;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Contracts.Pickers;
using TrainingHub.Organisations.Data;
using TrainingHub.Organisations.DemoData;
using TrainingHub.Organisations.Import;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Organisations;

[LocalizationResource("Organisations")]
public sealed class OrganisationsResource;

/// <summary>The tree of oblasts, hromadas and organisations that every permission is scoped to.</summary>
public sealed class OrganisationsModule : TrainingHubModule
{
    public override string Name => "Organisations";

    public override IEnumerable<PermissionDefinition> Permissions =>
    [
        new(OrganisationPermissions.UnitsView, typeof(OrganisationsResource), BuiltInRoles.Everyone),
        new(OrganisationPermissions.UnitsEdit, typeof(OrganisationsResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(OrganisationPermissions.UnitsImport, typeof(OrganisationsResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:Organisations", "organisations", Icons.Material.Filled.AccountTree, OrganisationPermissions.UnitsView, typeof(OrganisationsResource), 10) { Group = MenuGroup.Administration },
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<OrganisationsDbContext, OrganisationsSqliteDbContext, OrganisationsPostgreSqlDbContext>(OrganisationsDbContext.Schema);
        services.AddSingleton<IModuleInitializer, OrganisationsDemoData>();
        services.AddSingleton<OrganisationDirectory>();
        services.AddSingleton<IOrganisationDirectory>(sp => sp.GetRequiredService<OrganisationDirectory>());
        services.AddSingleton<IUnitHierarchy>(sp => sp.GetRequiredService<OrganisationDirectory>());
        services.AddScoped<OrganisationTree>();
        services.AddScoped<IUnitSearch, UnitSearch>();
        services.AddScoped<SharedKernel.Search.ISearchSource, Search.UnitSearchSource>();
        services.AddScoped<TerritoryImport>();
        services.TryAddSingleton<IAuditTrail, NullAuditTrail>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapUnitsApi();
}
