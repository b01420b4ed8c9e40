using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Audit.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Workforce.ActionPlans;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Competence;
using TrainingHub.Workforce.Dashboard;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.DemoData;
using TrainingHub.Workforce.Home;
using TrainingHub.Workforce.Import;
using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Services;
using TrainingHub.Workforce.Staffing;
using TrainingHub.Workforce.Volunteers;

namespace TrainingHub.Workforce;

[LocalizationResource("Workforce")]
public sealed class WorkforceResource;

/// <summary>
/// The workforce as those who plan see it: funded posts and the people filling them per organisation, staffing ratios
/// per hromada and oblast against national targets, and the case load hromadas report.
/// </summary>
public sealed class WorkforceModule : TrainingHubModule
{
    public override string Name => "Workforce";

    public override IEnumerable<PermissionDefinition> Permissions =>
    [
        new(WorkforcePermissions.View, typeof(WorkforceResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(WorkforcePermissions.StaffingEdit, typeof(WorkforceResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(WorkforcePermissions.NormsEdit, typeof(WorkforceResource), BuiltInRoles.Administrator),
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:Dashboard", "workforce/dashboard", Icons.Material.Filled.Leaderboard, WorkforcePermissions.View, typeof(WorkforceResource), 69) { Group = MenuGroup.Workforce },
        new("Menu:Competence", "workforce/competence", Icons.Material.Filled.GridOn, WorkforcePermissions.View, typeof(WorkforceResource), 69) { Group = MenuGroup.Workforce },
        new("Menu:Staffing", "workforce/staffing", Icons.Material.Filled.Groups, WorkforcePermissions.View, typeof(WorkforceResource), 70) { Group = MenuGroup.Workforce },
        new("Menu:Norms", "workforce/norms", Icons.Material.Filled.Rule, WorkforcePermissions.NormsEdit, typeof(WorkforceResource), 71) { Group = MenuGroup.Workforce },
        new("Menu:Services", "workforce/services", Icons.Material.Filled.Checklist, WorkforcePermissions.NormsEdit, typeof(WorkforceResource), 71) { Group = MenuGroup.Workforce },
    ];

    public override IEnumerable<HomePart> HomeParts =>
    [
        new(typeof(UnitsNeedingAttentionPart), HomeSection.Area, WorkforcePermissions.View, 20),
    ];

    public override void ScheduleJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<StaffSync>(StaffSync.RecurringJobId, s => s.ReconcileAsync(CancellationToken.None), Cron.Daily(2));
        jobs.AddOrUpdate<AreaSnapshots>(AreaSnapshots.RecurringJobId, s => s.TakeAsync(CancellationToken.None), Cron.Monthly(1, 3),
            new RecurringJobOptions { TimeZone = DailyRuns.Kyiv });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        StaffingExport.Map(endpoints);
        RankingExport.Map(endpoints);
        CompetenceExport.Map(endpoints);
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<WorkforceDbContext, WorkforceSqliteDbContext, WorkforcePostgreSqlDbContext>(WorkforceDbContext.Schema);
        services.AddScoped<StaffingReports>();
        services.AddScoped<WorkforcePlans>();
        // Each module that answers about people is optional: without it, its measures are unknown.
        services.AddScoped(sp => new PeopleShares(
            sp.GetRequiredService<IDbContextFactory<WorkforceDbContext>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ICompetencyFigures>(), sp.GetService<ISupervisionCoverage>(), sp.GetService<IPathwayFigures>()));
        services.AddScoped(sp => new VolunteerCounts(
            sp.GetRequiredService<IDbContextFactory<WorkforceDbContext>>(), sp.GetService<ISupervisionFigures>(), sp.GetService<IPathwayFigures>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<FundedPostsEditing>();
        services.AddScoped<CommunityProfiles>();
        services.AddScoped<NormsSettings>();
        services.AddScoped<StaffingImport>();
        services.AddScoped<Rankings>();
        services.AddScoped<RankingExport>();
        services.AddScoped<UnitsNeedingAttention>();
        services.AddScoped(sp => new CompetenceReports(
            sp.GetRequiredService<StaffingReports>(), sp.GetRequiredService<PeopleShares>(), sp.GetService<ICompetencyFigures>(), sp.GetService<ICourseMappings>()));
        services.AddScoped<CompetenceExport>();
        services.AddScoped<BasicServices>();
        services.AddSingleton<IModuleInitializer, BasicServicesSetup>();
        services.AddScoped<StaffingExport>();
        // Where the audit module is not part of the app, imports go unrecorded rather than failing.
        services.TryAddSingleton<IAuditTrail, NullAuditTrail>();
        services.AddSingleton<IModuleInitializer>(sp => new NormsSetup(
            sp.GetRequiredService<IDbContextFactory<WorkforceDbContext>>(), sp.GetService<IPositionTypes>(), configuration));
        services.AddSingleton<IModuleInitializer>(sp => new WorkforceDemoData(
            sp.GetRequiredService<IDbContextFactory<WorkforceDbContext>>(), sp.GetService<IOrganisationDirectory>(), sp.GetService<IPositionTypes>(), configuration));
        services.AddSingleton(sp => new StaffSync(
            sp.GetRequiredService<IDbContextFactory<WorkforceDbContext>>(), sp.GetRequiredService<IUnitHierarchy>(),
            sp.GetRequiredService<IOrganisationDirectory>(), sp.GetService<IPeopleLookup>(), sp.GetService<IPeopleRoster>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddIntegrationEventHandler<PersonChanged, StaffSync, WorkforceDbContext>();
        // After the migrations and, in the app, after Accounts has made its demo people.
        services.AddSingleton<IModuleInitializer>(sp => sp.GetRequiredService<StaffSync>());
        services.AddSingleton(sp => new AreaSnapshots(
            sp.GetRequiredService<IDbContextFactory<WorkforceDbContext>>(), sp.GetService<IOrganisationDirectory>(), sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        // After the people are counted, so that the month's first snapshot holds them.
        services.AddSingleton<IModuleInitializer>(sp => sp.GetRequiredService<AreaSnapshots>());
    }
}
