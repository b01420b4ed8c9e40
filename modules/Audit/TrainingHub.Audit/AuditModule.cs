using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Audit.Contracts;
using TrainingHub.Audit.Data;
using TrainingHub.Audit.Home;
using TrainingHub.Audit.Services;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Audit;

[LocalizationResource("Audit")]
public sealed class AuditResource;

/// <summary>
/// The record of who changed what and when. Add it before the other modules, so its table exists before they
/// start writing.
/// </summary>
public sealed class AuditModule : TrainingHubModule
{
    public override string Name => "Audit";

    public override IEnumerable<PermissionDefinition> Permissions =>
    [
        new(AuditPermissions.View, typeof(AuditResource), BuiltInRoles.Administrator) { IsAdministrative = true },
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:Audit", "audit", Icons.Material.Filled.History, AuditPermissions.View, typeof(AuditResource), 90) { Group = MenuGroup.Administration },
    ];

    public override IEnumerable<HomePart> HomeParts =>
    [
        new(typeof(RecentSecurityEventsPart), HomeSection.Administration, AuditPermissions.View, 20),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<AuditDbContext, AuditSqliteDbContext, AuditPostgreSqlDbContext>(AuditDbContext.Schema);
        services.AddSingleton<IAuditTrail, AuditTrail>();
        services.AddModuleContextInterceptor<EntityChangeRecorder>();
        services.AddScoped<AuditLog>();
    }
}
