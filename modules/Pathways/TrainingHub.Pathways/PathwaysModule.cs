using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Audit.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Pathways.Api;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.Pathways.Figures;
using TrainingHub.Pathways.Home;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Progression;
using TrainingHub.Pathways.Qualifications;
using TrainingHub.Pathways.Reports;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Jobs;
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
        new(PathwaysPermissions.TemplatesEdit, typeof(PathwaysResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(PathwaysPermissions.Own, typeof(PathwaysResource), BuiltInRoles.Everyone),
        new(PathwaysPermissions.ProgressView, typeof(PathwaysResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator, BuiltInRoles.Supervisor),
        new(PathwaysPermissions.PlacementsManage, typeof(PathwaysResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(PathwaysPermissions.StagesSignOff, typeof(PathwaysResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator, BuiltInRoles.Supervisor),
        new(PathwaysPermissions.ProgressionApprove, typeof(PathwaysResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(PathwaysPermissions.CertificatesRevoke, typeof(PathwaysResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(PathwaysPermissions.QualificationsEdit, typeof(PathwaysResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(PathwaysPermissions.DevelopmentApprove, typeof(PathwaysResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator, BuiltInRoles.Supervisor),
        new(PathwaysPermissions.ReportsView, typeof(PathwaysResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:MyPathway", "pathways/my", Icons.Material.Filled.Flag, PathwaysPermissions.Own, typeof(PathwaysResource), 28) { Group = MenuGroup.MyWork },
        new("Menu:People", "pathways/people", Icons.Material.Filled.Stairs, PathwaysPermissions.ProgressView, typeof(PathwaysResource), 60) { Group = MenuGroup.Pathways },
        new("Menu:Requests", "pathways/requests", Icons.Material.Filled.HowToReg, PathwaysPermissions.ProgressionApprove, typeof(PathwaysResource), 60) { Group = MenuGroup.Pathways },
        new("Menu:Qualifications", "pathways/qualifications", Icons.Material.Filled.Badge, PathwaysPermissions.Own, typeof(PathwaysResource), 61) { Group = MenuGroup.Pathways },
        new("Menu:TrainingApprovals", "pathways/development/approvals", Icons.Material.Filled.FactCheck, PathwaysPermissions.DevelopmentApprove, typeof(PathwaysResource), 60) { Group = MenuGroup.Pathways },
        new("Menu:Reports", "pathways/reports", Icons.Material.Filled.Insights, PathwaysPermissions.ReportsView, typeof(PathwaysResource), 61) { Group = MenuGroup.Pathways },
        new("Menu:Templates", "pathways/templates", Icons.Material.Filled.Route, PathwaysPermissions.TemplatesView, typeof(PathwaysResource), 61) { Group = MenuGroup.Pathways },
    ];

    public override IEnumerable<PersonLink> PersonLinks =>
    [
        new("Menu:PersonPathway", "pathways/people/{0}", Icons.Material.Filled.Flag, PathwaysPermissions.ProgressView, typeof(PathwaysResource)),
    ];

    public override IEnumerable<HomePart> HomeParts =>
    [
        new(typeof(MyPathwayPart), HomeSection.MyWork, PathwaysPermissions.Own, 30),
        new(typeof(ReadyForProgressionPart), HomeSection.Area, PathwaysPermissions.ProgressionApprove, 30),
    ];

    /// <summary>At nine in Kyiv; the job itself decides whether today is a day to remind on.</summary>
    public override void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<DevelopmentReminders>(DevelopmentReminders.RecurringJobId, r => r.SendAsync(CancellationToken.None), Cron.Daily(9),
            new RecurringJobOptions { TimeZone = DailyRuns.Kyiv });

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        CertificateEndpoints.Map(endpoints);
        endpoints.MapPathwaysApi();
        PathwayReportExport.Map(endpoints);
        TrainingEndpoints.Map(endpoints);
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<PathwaysDbContext, PathwaysSqliteDbContext, PathwaysPostgreSqlDbContext>(PathwaysDbContext.Schema);
        services.AddScoped<PathwayTemplates>();
        services.AddScoped<TemplateEditing>();
        services.AddScoped<TemplateChoices>();
        services.AddSingleton<IModuleInitializer, DemoPathway>();
        services.AddScoped<ProgressAccess>();
        services.AddScoped<PersonFactsSource>();
        services.AddScoped<PathwayProgress>();
        services.AddScoped<PlacementRegister>();
        services.AddSingleton<IModuleInitializer, DemoPlacements>();
        services.AddIntegrationEventOutbox<PathwaysDbContext>();
        services.AddIntegrationEventHandler<PersonChanged, PlacementUnits, PathwaysDbContext>();
        services.AddScoped<Progressions>();
        services.AddScoped<IPathwayPositions, PathwayPositions>();
        services.AddNotificationCategory(new NotificationCategory(ProgressionNotices.Category, typeof(PathwaysResource)));
        services.AddIntegrationEventHandler<ProgressionRequested, ProgressionNotices, PathwaysDbContext>();
        services.AddIntegrationEventHandler<ProgressionDecided, ProgressionNotices, PathwaysDbContext>();
        services.AddScoped<QualificationProfiles>();
        services.AddScoped<DevelopmentRecords>();
        services.AddScoped<DevelopmentAreas>();
        services.AddScoped<ExternalTrainings>();
        services.AddScoped<DevelopmentPlans>();
        services.AddScoped<DevelopmentReminders>();
        services.AddIntegrationEventHandler<DevelopmentPlanSubmitted, DevelopmentNotices, PathwaysDbContext>();
        services.AddIntegrationEventHandler<DevelopmentPlanAgreed, DevelopmentNotices, PathwaysDbContext>();
        services.AddNotificationCategory(new NotificationCategory(DevelopmentNotices.Category, typeof(PathwaysResource)));
        services.AddIntegrationEventHandler<ExternalTrainingRecorded, DevelopmentNotices, PathwaysDbContext>();
        services.AddIntegrationEventHandler<ExternalTrainingDecided, DevelopmentNotices, PathwaysDbContext>();
        services.AddSingleton<IModuleInitializer, DemoQualifications>();
        services.AddScoped<CertificateRegister>();
        services.AddScoped<OpenBadges>();
        services.AddNotificationCategory(new NotificationCategory(CertificateNotices.Category, typeof(PathwaysResource)));
        services.AddIntegrationEventHandler<CertificateIssued, CertificateNotices, PathwaysDbContext>();
        services.AddIntegrationEventHandler<CertificateRevoked, CertificateNotices, PathwaysDbContext>();
        services.AddIntegrationEventHandler<CertificateRenewed, CertificateNotices, PathwaysDbContext>();
        services.AddScoped<PathwayReports>();
        services.AddScoped<IPathwayFigures, PathwayFigures>();
        services.AddScoped<PathwayReportExport>();
        services.AddScoped<INextSteps, PathwaysNextSteps>();
        services.AddScoped<ReadyForProgression>();
        // Where the audit module is not part of the app, exports go unrecorded rather than failing.
        services.TryAddSingleton<IAuditTrail, NullAuditTrail>();
    }
}
