using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Learning.Data;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>With demo data on, the demo learner has a course to start with: psychological first aid, due in a month.</summary>
public sealed class DemoCourseDataTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    [Fact]
    public async Task The_demo_learner_sees_the_first_aid_course_in_my_learning()
    {
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "learner@traininghub.example");

        var response = await client.GetAsync("/learning/my");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Перша психологічна допомога: основи", html);
        Assert.DoesNotContain("Сімейні форми виховання і план влаштування дитини", html);
    }

    [Fact]
    public async Task The_six_demo_courses_are_mapped_to_competencies_of_the_demo_framework_loaded_before_them()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<LearningDbContext>>().CreateDbContext();

        // Two languages × (first aid 1 + abuse and neglect 2 + family-based care 2).
        Assert.Equal(10, await db.CourseCompetencies.CountAsync());
    }
}
