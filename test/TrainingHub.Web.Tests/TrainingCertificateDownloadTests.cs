using System.Net;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// The certificate of a training taken elsewhere over HTTP: the person and those who may see their pathway download it,
/// never sniffed or run; a colleague cannot tell it exists.
/// </summary>
public sealed class TrainingCertificateDownloadTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    [Fact]
    public async Task The_learner_and_her_supervisor_download_it_a_colleague_gets_404_and_an_anonymous_visitor_the_sign_in_page()
    {
        var id = await DemoTrainings.AddAsync(app, "learner@traininghub.example");
        var learner = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(learner, "learner@traininghub.example");
        var supervisor = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(supervisor, "supervisor@traininghub.example");
        var colleague = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(colleague, "h.bondarenko@traininghub.example");

        var own = await learner.GetAsync($"/pathways/development/trainings/{id}/file");
        var bySupervisor = await supervisor.GetAsync($"/pathways/development/trainings/{id}/file");
        var byColleague = await colleague.GetAsync($"/pathways/development/trainings/{id}/file");
        var anonymous = await app.CreateBrowserLikeClient().GetAsync($"/pathways/development/trainings/{id}/file");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("attachment", "сертифікат.pdf"), (own.Content.Headers.ContentDisposition!.DispositionType, own.Content.Headers.ContentDisposition.FileNameStar));
        Assert.Equal("nosniff", Assert.Single(own.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("sandbox", Assert.Single(own.Headers.GetValues("Content-Security-Policy")));
        Assert.StartsWith("%PDF", await bySupervisor.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, byColleague.StatusCode);
        Assert.DoesNotContain("%PDF", await byColleague.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
