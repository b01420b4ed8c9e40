using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Learning.Api;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.DemoData;
using TrainingHub.Learning.Home;
using TrainingHub.Learning.Services;
using TrainingHub.Notifications.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning;

[LocalizationResource("Learning")]
public sealed class LearningResource;

/// <summary>
/// Short practical courses: sections of Markdown and video lessons, written by the authors of a unit; people are enrolled
/// (or enrol themselves in open courses), learn with their progress kept, and are reminded before their courses are due.
/// </summary>
public sealed class LearningModule : TrainingHubModule
{
    public override string Name => "Learning";

    public override IEnumerable<PermissionDefinition> Permissions =>
    [
        new(LearningPermissions.CoursesView, typeof(LearningResource), BuiltInRoles.Everyone),
        new(LearningPermissions.CoursesAuthor, typeof(LearningResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(LearningPermissions.EnrolmentsManage, typeof(LearningResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator, BuiltInRoles.Supervisor),
        new(LearningPermissions.ProgressView, typeof(LearningResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator, BuiltInRoles.Supervisor),
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:MyLearning", "learning/my", Icons.Material.Filled.AutoStories, LearningPermissions.CoursesView, typeof(LearningResource), 24) { Group = MenuGroup.MyWork },
        new("Menu:Courses", "learning/courses", Icons.Material.Filled.School, LearningPermissions.CoursesView, typeof(LearningResource), 25) { Group = MenuGroup.Learning },
        new("Menu:Overdue", "learning/overdue", Icons.Material.Filled.AssignmentLate, LearningPermissions.ProgressView, typeof(LearningResource), 26) { Group = MenuGroup.Learning },
        new("Menu:Reports", "learning/reports", Icons.Material.Filled.Assessment, LearningPermissions.ProgressView, typeof(LearningResource), 26) { Group = MenuGroup.Learning },
        new("Menu:Cohorts", "learning/cohorts", Icons.Material.Filled.Groups, LearningPermissions.EnrolmentsManage, typeof(LearningResource), 27) { Group = MenuGroup.Learning },
    ];

    /// <summary>
    /// Overdue learners serve a supervisor, who follows the people of their units; completion serves a coordinator, who
    /// plans for an area.
    /// </summary>
    public override IEnumerable<HomePart> HomeParts =>
    [
        new(typeof(OverdueLearnersPart), HomeSection.People, LearningPermissions.ProgressView, 10),
        new(typeof(CourseCompletionPart), HomeSection.Area, LearningPermissions.ProgressView, 20),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<LearningDbContext, LearningSqliteDbContext, LearningPostgreSqlDbContext>(LearningDbContext.Schema);
        services.AddScoped<CourseAccess>();
        services.AddScoped<CourseCatalogue>();
        services.AddScoped<SharedKernel.Search.ISearchSource, Search.CourseSearchSource>();
        services.AddScoped<CourseOutline>();
        services.AddScoped<LessonReader>();
        services.AddScoped<QuestionBank>();
        services.AddScoped<QuizAuthoring>();
        services.AddScoped<QuizAttempts>();
        services.AddScoped<LessonProgress>();
        services.AddScoped<MyLearning>();
        services.AddScoped<INextSteps, LearningSteps>();
        services.AddScoped<Enrolments>();
        services.AddScoped<Cohorts>();
        services.AddScoped<OverdueLearners>();
        services.AddLearningReports();
        services.AddScoped<CourseCompetencies>();
        services.AddSingleton<LearningRecords>();
        services.AddSingleton<ILearningRecords>(sp => sp.GetRequiredService<LearningRecords>());
        services.AddSingleton<ICourseMappings>(sp => sp.GetRequiredService<LearningRecords>());
        services.AddScoped<EnrolmentReminders>();
        services.AddTransient<OverdueDigest>();
        services.AddNotificationCategory(new NotificationCategory(EnrolmentReminders.Category, typeof(LearningResource)));
        // The competencies courses map to; completions reach them as CourseCompleted events.
        services.AddSingleton<ICompetencyOptions, PublishedCompetencyOptions>();
        services.AddIntegrationEventOutbox<LearningDbContext>();
        services.AddSingleton<IModuleInitializer, LearningDemoData>();
    }

    /// <summary>The overdue digest goes out at nine, Kyiv time, after the notifications' own morning digest.</summary>
    public override void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<OverdueDigest>(OverdueDigest.RecurringJobId, d => d.SendAsync(CancellationToken.None), Cron.Daily(9),
            new RecurringJobOptions { TimeZone = EnrolmentRules.Kyiv });

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapLearningFilesApi();
        endpoints.MapLearningReportsExport();
    }
}
