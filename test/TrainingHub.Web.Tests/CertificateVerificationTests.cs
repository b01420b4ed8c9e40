using System.Net;
using System.Text.Json.Nodes;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// Checking a certificate without signing in, as an employer with a number or a QR code would: the page shows the
/// holder, what was certified, the dates and whether it stands, and nothing else; numbers cannot be tried at speed.
/// The Open Badges documents answer as verifiers expect.
/// </summary>
public sealed class CertificateVerificationTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    [Fact]
    public async Task Anyone_checks_a_number_and_sees_the_holder_the_stage_the_dates_and_that_it_is_valid_and_nothing_more()
    {
        var certificate = await DemoCertificates.LearnersAsync(app);
        var client = app.CreateBrowserLikeClient();
        await client.GetAsync("/culture/set?culture=en-GB&redirectUri=%2F");

        var page = await client.GetAsync($"/verify/{certificate.Number}");
        var html = await page.Content.ReadAsStringAsync();
        var typed = await (await client.GetAsync($"/verify?number={certificate.Number.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)}")).Content.ReadAsStringAsync();
        var unknown = await (await client.GetAsync("/verify/TH-2222-3333-4444-5555")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("This certificate is valid.", html);
        Assert.Contains(certificate.PersonName, html);
        Assert.Contains("the stage “Trained volunteer” of the pathway “From volunteer to social worker”", html);
        Assert.Contains("Zhytomyr City Hromada", html);
        Assert.DoesNotContain("learner@traininghub.example", html);
        Assert.DoesNotContain(certificate.PersonId.ToString(), html);
        Assert.Contains(certificate.PersonName, typed);
        Assert.Contains("No certificate has this number.", unknown);
        Assert.DoesNotContain(certificate.PersonName, unknown);
    }

    [Fact]
    public async Task The_hosted_assertion_its_badge_class_and_issuer_are_served_as_json_ld_to_anyone()
    {
        var certificate = await DemoCertificates.LearnersAsync(app);
        var client = app.CreateClient();

        var assertion = await client.GetAsync($"/badges/assertions/{certificate.Number}");
        var document = JsonNode.Parse(await assertion.Content.ReadAsStringAsync())!;
        var badgeClass = JsonNode.Parse(await client.GetStringAsync(new Uri((string)document["badge"]!).PathAndQuery))!;
        var issuer = JsonNode.Parse(await client.GetStringAsync(new Uri((string)badgeClass["issuer"]!).PathAndQuery))!;
        var image = await client.GetAsync(new Uri((string)badgeClass["image"]!).PathAndQuery);
        var unknown = await client.GetAsync("/badges/assertions/TH-2222-3333-4444-5555");

        Assert.Equal("application/ld+json", assertion.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("Assertion", "BadgeClass", "Issuer"), ((string?)document["type"], (string?)badgeClass["type"], (string?)issuer["type"]));
        Assert.EndsWith($"/badges/assertions/{certificate.Number}", (string?)document["id"]);
        Assert.Equal("Житомирська міська громада", (string?)issuer["name"]);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

/// <summary>The verification page and the badges share a tight limit per client address.</summary>
public sealed class CertificateVerificationLimitTests
{
    [Fact]
    public async Task Trying_numbers_one_after_another_is_refused_after_the_limit()
    {
        await using var app = new TrainingHubApp { Settings = new Dictionary<string, string> { ["RateLimits:Verification:PermitLimit"] = "5" } };
        var client = app.CreateBrowserLikeClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await client.GetAsync($"/verify/TH-2222-3333-4444-{5555 + i}")).StatusCode);
            answers.Add((await client.GetAsync($"/badges/assertions/TH-2222-3333-4444-{5555 + i}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK], answers[..5]);
        Assert.All(answers[5..], a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
    }
}
