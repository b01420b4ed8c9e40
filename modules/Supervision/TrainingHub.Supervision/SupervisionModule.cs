using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Audit.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Coverage;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.DemoData;
using TrainingHub.Supervision.Frequency;
using TrainingHub.Supervision.Home;
using TrainingHub.Supervision.Hours;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Mentoring;
using TrainingHub.Supervision.Record;
using TrainingHub.Supervision.Sessions;
using TrainingHub.Supervision.Support;
using TrainingHub.Wellbeing.Contracts;

namespace TrainingHub.Supervision;

[LocalizationResource("Supervision")]
public sealed class SupervisionResource;

/// <summary>
/// Supervision, coaching and mentoring: who works with whom, and (as it grows) sessions with signed logs, practice
/// hours and the frequency that protects people from burning out.
/// </summary>
public sealed class SupervisionModule : TrainingHubModule
{
    public override string Name => "Supervision";

    public override IEnumerable<PermissionDefinition> Permissions =>
    [
        new(SupervisionPermissions.AssignmentsManage, typeof(SupervisionResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(SupervisionPermissions.SessionsView, typeof(SupervisionResource), BuiltInRoles.Everyone),
        new(SupervisionPermissions.Supervise, typeof(SupervisionResource), BuiltInRoles.Supervisor, BuiltInRoles.Mentor),
        new(SupervisionPermissions.LogsRead, typeof(SupervisionResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(SupervisionPermissions.HoursLog, typeof(SupervisionResource), BuiltInRoles.Everyone),
        new(SupervisionPermissions.HoursReview, typeof(SupervisionResource), BuiltInRoles.Administrator, BuiltInRoles.Supervisor),
        new(SupervisionPermissions.HoursReviewInArea, typeof(SupervisionResource), BuiltInRoles.Administrator),
        new(SupervisionPermissions.ActivityTypesManage, typeof(SupervisionResource), BuiltInRoles.Administrator),
        new(SupervisionPermissions.FrequencyManage, typeof(SupervisionResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(SupervisionPermissions.HoursRequirementsManage, typeof(SupervisionResource), BuiltInRoles.Administrator),
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:MySupervisees", "supervision/my-people", Icons.Material.Filled.SupervisorAccount, SupervisionPermissions.Supervise, typeof(SupervisionResource), 40) { Group = MenuGroup.MyWork },
        new("Menu:Sessions", "supervision/sessions", Icons.Material.Filled.EventNote, SupervisionPermissions.SessionsView, typeof(SupervisionResource), 40) { Group = MenuGroup.MyWork },
        new("Menu:Mentoring", "supervision/mentoring", Icons.Material.Filled.Handshake, SupervisionPermissions.SessionsView, typeof(SupervisionResource), 40) { Group = MenuGroup.MyWork },
        new("Menu:SupportRequests", "supervision/support-requests", Icons.Material.Filled.VolunteerActivism, SupervisionPermissions.Supervise, typeof(SupervisionResource), 40) { Group = MenuGroup.MyWork },
        new("Menu:Hours", "supervision/hours", Icons.Material.Filled.MoreTime, SupervisionPermissions.HoursLog, typeof(SupervisionResource), 40) { Group = MenuGroup.MyWork },
        new("Menu:HoursReview", "supervision/hours/review", Icons.Material.Filled.FactCheck, SupervisionPermissions.HoursReview, typeof(SupervisionResource), 40) { Group = MenuGroup.Supervision },
        new("Menu:ActivityTypes", "supervision/hours/activity-types", Icons.Material.Filled.Category, SupervisionPermissions.ActivityTypesManage, typeof(SupervisionResource), 41) { Group = MenuGroup.Supervision },
        new("Menu:HoursRequirements", "supervision/hours/requirements", Icons.Material.Filled.Rule, SupervisionPermissions.HoursRequirementsManage, typeof(SupervisionResource), 41) { Group = MenuGroup.Supervision },
        new("Menu:Coverage", "supervision/coverage", Icons.Material.Filled.Insights, SupervisionPermissions.AssignmentsManage, typeof(SupervisionResource), 41) { Group = MenuGroup.Supervision },
        new("Menu:Assignments", "supervision/assignments", Icons.Material.Filled.AssignmentInd, SupervisionPermissions.AssignmentsManage, typeof(SupervisionResource), 41) { Group = MenuGroup.Supervision },
        new("Menu:Frequency", "supervision/frequency", Icons.Material.Filled.EventRepeat, SupervisionPermissions.FrequencyManage, typeof(SupervisionResource), 41) { Group = MenuGroup.Supervision },
    ];

    public override IEnumerable<HomePart> HomeParts =>
    [
        new(typeof(PeoplePart), HomeSection.People, SupervisionPermissions.Supervise, 40),
        new(typeof(CoveragePart), HomeSection.Area, SupervisionPermissions.AssignmentsManage, 40),
    ];

    public override void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<DueReminders>(DueReminders.RecurringJobId, r => r.PlanAsync(CancellationToken.None), Cron.Hourly(30));

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSessionsApi();
        endpoints.MapLogsApi();
        endpoints.MapHoursApi();
        endpoints.MapMentoringApi();
        CoverageExport.Map(endpoints);
        CalendarFeeds.Map(endpoints);
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<SupervisionDbContext, SupervisionSqliteDbContext, SupervisionPostgreSqlDbContext>(SupervisionDbContext.Schema);
        services.AddScoped<FrequencyPolicies>();
        services.AddScoped<SupervisionDue>();
        services.AddScoped<FrequencySettings>();
        services.AddScoped<DueReminders>();
        services.AddNotificationCategory(new NotificationCategory(DueReminders.Category, typeof(SupervisionResource)));
        services.AddScoped<AssignmentRegister>();
        services.AddScoped<SessionPlanner>();
        services.AddScoped<SessionInvitations>();
        services.AddScoped<CalendarFeeds>();
        services.AddMailOutbox<SupervisionDbContext>();
        services.AddScoped<LogBook>();
        services.AddScoped<LogObservations>();
        services.AddScoped<GroupNotes>();
        services.AddScoped<CoverageReports>();
        services.AddScoped<CoverageExport>();
        // Where the audit module is not part of the app, exports go unrecorded rather than failing.
        services.TryAddSingleton<IAuditTrail, NullAuditTrail>();
        services.AddSingleton<ISupervisionAssignments, CurrentAssignees>();
        services.AddIntegrationEventOutbox<SupervisionDbContext>();
        services.AddScoped<CompetencyChoices>();
        services.AddScoped<ActivityTypeCatalogue>();
        services.AddScoped<HoursLog>();
        services.AddScoped<HoursReview>();
        services.AddScoped<HoursRequirements>();
        services.AddScoped<SupervisionRecords>();
        services.AddScoped<ISupervisionRecord>(sp => sp.GetRequiredService<SupervisionRecords>());
        services.AddScoped<ISupervisionFigures>(sp => sp.GetRequiredService<SupervisionRecords>());
        services.AddScoped<ISupervisionCoverage, PlanningCoverage>();
        services.AddScoped<ISupervisionFrequencyDirectory, StandardFrequencies>();
        services.AddScoped<MentoringPairs>();
        services.AddScoped<SupportRequests>();
        services.AddScoped<SupervisionHome>();
        services.AddScoped<INextSteps, SupervisionSteps>();
        services.AddIntegrationEventHandler<ConversationRequested, SupportRequestIntake, SupervisionDbContext>();
        services.AddIntegrationEventHandler<SharedScoresWithdrawn, SharedScoresWithdrawal, SupervisionDbContext>();
        services.AddNotificationCategory(new NotificationCategory(SupportRequestIntake.Category, typeof(SupervisionResource)));
        // After the migrations and, in the app, after Accounts has made its demo people.
        services.AddSingleton<IModuleInitializer, SupervisionDemoData>();
    }
}
