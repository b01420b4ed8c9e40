using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>The notification bell in the app bar of the running app, with the demo data's notifications.</summary>
public sealed class NotificationBellTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private async Task<string> HomePageOfAsync(string email)
    {
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, email);
        return await client.GetStringAsync("/");
    }

    [Fact]
    public async Task The_demo_learner_sees_their_unread_notifications_on_the_bell_and_others_see_only_their_own()
    {
        var learner = await HomePageOfAsync("learner@traininghub.example");
        var coordinator = await HomePageOfAsync("coordinator@traininghub.example");

        Assert.Contains("aria-label=\"Сповіщення (непрочитаних: 2)\"", learner);
        Assert.Contains("href=\"/notifications\"", learner);
        Assert.Contains("aria-label=\"Сповіщення (усі прочитано)\"", coordinator);
    }

    [Fact]
    public async Task Reminders_and_the_daily_digest_are_recurring_jobs()
    {
        var administrator = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(administrator, "admin@traininghub.example");

        var recurring = await (await administrator.GetAsync("/jobs/recurring")).Content.ReadAsStringAsync();

        Assert.Contains("notifications-reminders", recurring);
        Assert.Contains("notifications-daily-digest", recurring);
    }
}
