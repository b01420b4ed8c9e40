using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>The home page of the running app with the demo data: who gets Learning's steps and parts, the audit's and the platform's.</summary>
public sealed class HomePartsTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private async Task<string> HomePageOfAsync(string email)
    {
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, email);
        return await client.GetStringAsync("/");
    }

    [Fact]
    public async Task The_learner_gets_their_courses_as_next_steps_and_none_of_the_parts_for_those_who_follow_others()
    {
        var learner = await HomePageOfAsync("learner@traininghub.example");

        Assert.Contains("data-key=\"learning:enrolment:", learner);
        Assert.DoesNotContain("id=\"home-learning-overdue\"", learner);
        Assert.DoesNotContain("id=\"home-learning-completion\"", learner);
        Assert.DoesNotContain("id=\"home-jobs\"", learner);
        Assert.DoesNotContain("id=\"home-audit-security\"", learner);
    }

    [Fact]
    public async Task The_supervisor_gets_overdue_learners_and_completion_and_the_administrator_background_work_and_security_events()
    {
        var supervisor = await HomePageOfAsync("supervisor@traininghub.example");
        var administrator = await HomePageOfAsync("admin@traininghub.example");

        Assert.Contains("Слухачі з простроченими курсами", supervisor);
        Assert.Contains("id=\"home-learning-completion\"", supervisor);
        Assert.DoesNotContain("id=\"home-jobs\"", supervisor);
        Assert.Contains("Фонові завдання і пошта", administrator);
        Assert.Contains("href=\"jobs/jobs/failed\"", administrator);
        Assert.Contains("Останні події безпеки", administrator);
    }
}
