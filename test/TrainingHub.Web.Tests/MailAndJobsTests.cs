using System.Net;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>The run command's default: no mail server, so messages land as .eml files; background jobs run in the app.</summary>
public sealed class MailAndJobsTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    [Fact]
    public async Task Without_a_mail_server_a_reset_message_is_written_to_the_data_folder_by_a_background_job()
    {
        var client = app.CreateBrowserLikeClient();

        var response = await TrainingHubApp.PostFormAsync(client, "/account/forgot-password", "forgot-password",
            new() { ["Input.Email"] = "supervisor@traininghub.example" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("лист із посиланням уже в дорозі", await response.Content.ReadAsStringAsync());
        var message = await app.MailInFolderAsync();
        Assert.Equal("supervisor@traininghub.example", message.To.Mailboxes.Single().Address);
        Assert.Equal("Відновлення пароля TrainingHub", message.Subject);
    }

    [Fact]
    public async Task The_job_dashboard_opens_for_an_administrator_only()
    {
        var anonymous = await app.CreateBrowserLikeClient().GetAsync("/jobs");
        var coordinator = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(coordinator, "coordinator@traininghub.example");
        var administrator = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(administrator, "admin@traininghub.example");

        var refused = await coordinator.GetAsync("/jobs");
        var dashboard = await administrator.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("mail-outbox", await (await administrator.GetAsync("/jobs/recurring")).Content.ReadAsStringAsync());
    }
}
