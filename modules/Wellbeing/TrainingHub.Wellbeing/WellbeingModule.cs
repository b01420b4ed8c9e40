using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Notifications.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Home;
using TrainingHub.Wellbeing.Instruments;
using TrainingHub.Wellbeing.Reports;
using TrainingHub.Wellbeing.Rounds;
using TrainingHub.Wellbeing.Support;

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
        new(WellbeingPermissions.ResourcesManage, typeof(WellbeingResource), BuiltInRoles.Administrator),
        new(WellbeingPermissions.ReportsView, typeof(WellbeingResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator, BuiltInRoles.Supervisor),
        new(WellbeingPermissions.ReportsSettings, typeof(WellbeingResource), BuiltInRoles.Administrator),
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:CheckIns", "wellbeing/check-ins", Icons.Material.Filled.SelfImprovement, WellbeingPermissions.CheckIn, typeof(WellbeingResource), 50) { Group = MenuGroup.MyWork },
        new("Menu:Reports", "wellbeing/reports", Icons.Material.Filled.Insights, WellbeingPermissions.ReportsView, typeof(WellbeingResource), 51) { Group = MenuGroup.Wellbeing },
        new("Menu:Schedules", "wellbeing/schedules", Icons.Material.Filled.EventRepeat, WellbeingPermissions.SchedulesManage, typeof(WellbeingResource), 51) { Group = MenuGroup.Wellbeing },
        new("Menu:Resources", "wellbeing/resources", Icons.Material.Filled.VolunteerActivism, WellbeingPermissions.ResourcesManage, typeof(WellbeingResource), 51) { Group = MenuGroup.Wellbeing },
        new("Menu:ReportSettings", "wellbeing/reports/settings", Icons.Material.Filled.PrivacyTip, WellbeingPermissions.ReportsSettings, typeof(WellbeingResource), 51) { Group = MenuGroup.Wellbeing },
        new("Menu:Instruments", "wellbeing/instruments", Icons.Material.Filled.Quiz, WellbeingPermissions.InstrumentsManage, typeof(WellbeingResource), 51) { Group = MenuGroup.Wellbeing },
    ];

    public override void ScheduleJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<RoundRun>(RoundRun.RecurringJobId, r => r.RunAsync(CancellationToken.None), Cron.Hourly(5));
        jobs.AddOrUpdate<ResponseRetention>(ResponseRetention.RecurringJobId, r => r.DeleteExpiredAsync(CancellationToken.None), Cron.Daily(2));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapInstrumentsApi();
        WellbeingReportExport.Map(endpoints);
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<WellbeingDbContext, WellbeingSqliteDbContext, WellbeingPostgreSqlDbContext>(WellbeingDbContext.Schema);
        services.AddScoped<InstrumentCatalogue>();
        services.AddScoped<Schedules>();
        services.AddScoped<MyCheckIns>();
        services.AddScoped<INextSteps, CheckInSteps>();
        services.AddScoped<ResponseRetention>();
        services.AddScoped<SupportResources>();
        services.AddScoped<ReportSettingsService>();
        services.AddScoped<ReportComputation>();
        services.AddScoped<WellbeingReports>();
        services.AddScoped<IWellbeingFigures, WellbeingFigures>();
        services.AddScoped<WellbeingReportExport>();
        services.AddScoped<ConversationRequests>();
        // After the migrations: a helpline to start the list with, where demo data is wanted.
        services.AddSingleton<IModuleInitializer, SupportDemoData>();
        services.AddScoped<RoundRun>();
        services.AddIntegrationEventOutbox<WellbeingDbContext>();
        services.AddIntegrationEventHandler<InvitationSettled, ReminderCancellation, WellbeingDbContext>();
        services.AddNotificationCategory(new NotificationCategory(RoundRun.Category, typeof(WellbeingResource)));
        services.AddSingleton<IModuleInitializer, BuiltInInstruments>();
        // After the instruments: a schedule with rounds already answered, where demo data with history is wanted.
        services.AddSingleton<IModuleInitializer, RoundsDemoData>();
    }
}
