using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Learning.Api;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning;

[LocalizationResource("Learning")]
public sealed class LearningResource;

/// <summary>
/// Short practical courses: sections of Markdown and video lessons, written by the authors of a unit and read by
/// everyone once published.
/// </summary>
public sealed class LearningModule : TrainingHubModule
{
    public override string Name => "Learning";

    public override IEnumerable<PermissionDefinition> Permissions =>
    [
        new(LearningPermissions.CoursesView, typeof(LearningResource), BuiltInRoles.Everyone),
        new(LearningPermissions.CoursesAuthor, typeof(LearningResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:Courses", "learning/courses", Icons.Material.Filled.School, LearningPermissions.CoursesView, typeof(LearningResource), 25),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<LearningDbContext, LearningSqliteDbContext, LearningPostgreSqlDbContext>(LearningDbContext.Schema);
        services.AddScoped<CourseAccess>();
        services.AddScoped<CourseCatalogue>();
        services.AddScoped<CourseOutline>();
        services.AddScoped<LessonReader>();
        services.AddScoped<QuestionBank>();
        services.AddScoped<QuizAuthoring>();
        services.AddScoped<QuizAttempts>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapLearningFilesApi();
}
