using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Notifications.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Instruments;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing;

[LocalizationResource("Wellbeing")]
public sealed class WellbeingResource;

/// <summary>
/// Wellbeing check-ins: a burnout instrument on a schedule, whose answers and scores belong to the person who gave them,
/// and aggregates for those who plan only where groups are large enough that nobody can be singled out.
/// </summary>
public sealed class WellbeingModule : TrainingHubModule
{
    public override string Name => "Wellbeing";

    public override IEnumerable<PermissionDefinition> Permissions =>
    [
        new(WellbeingPermissions.CheckIn, typeof(WellbeingResource), BuiltInRoles.Everyone),
        new(WellbeingPermissions.InstrumentsManage, typeof(WellbeingResource), BuiltInRoles.Administrator),
        new(WellbeingPermissions.SchedulesManage, typeof(WellbeingResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:CheckIns", "wellbeing/check-ins", Icons.Material.Filled.SelfImprovement, WellbeingPermissions.CheckIn, typeof(WellbeingResource), 50),
        new("Menu:Schedules", "wellbeing/schedules", Icons.Material.Filled.EventRepeat, WellbeingPermissions.SchedulesManage, typeof(WellbeingResource), 51),
        new("Menu:Instruments", "wellbeing/instruments", Icons.Material.Filled.Quiz, WellbeingPermissions.InstrumentsManage, typeof(WellbeingResource), 51),
    ];

    public override void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<RoundRun>(RoundRun.RecurringJobId, r => r.RunAsync(CancellationToken.None), Cron.Hourly(5));

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapInstrumentsApi();

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<WellbeingDbContext, WellbeingSqliteDbContext, WellbeingPostgreSqlDbContext>(WellbeingDbContext.Schema);
        services.AddScoped<InstrumentCatalogue>();
        services.AddScoped<Schedules>();
        services.AddScoped<MyCheckIns>();
        services.AddScoped<RoundRun>();
        services.AddNotificationCategory(new NotificationCategory(RoundRun.Category, typeof(WellbeingResource)));
        services.AddSingleton<IModuleInitializer, BuiltInInstruments>();
    }
}
