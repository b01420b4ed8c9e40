using System.Net;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// A position's qualification characteristics printed as one document, with what the other modules hold of the
/// position: the competency profile of the demo framework and the supervision frequency, in both languages.
/// </summary>
public sealed class QualificationDocumentTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    [Fact]
    public async Task The_printed_social_worker_characteristics_carry_both_languages_with_the_competency_profile_and_supervision()
    {
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "learner@traininghub.example");

        var response = await client.GetAsync("/pathways/qualifications/social-worker/print");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Кваліфікаційна характеристика: Соціальний працівник", html);
        Assert.Contains("Qualification characteristics: Social worker", html);
        Assert.Contains("Виявляє сім'ї у складних життєвих обставинах", html);
        Assert.Contains("Identifies families in difficult circumstances", html);
        // The demo framework's profile of a social worker, and the built-in supervision policy, each in both languages.
        Assert.Contains("CP.1.1", html);
        Assert.Contains("weekly", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("щотижня", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Соціальний працівник (етап 5 шляху «Від волонтера до соціального працівника»)", html);
    }
}
