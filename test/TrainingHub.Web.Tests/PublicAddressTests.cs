using System.Net;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// Links in e-mail come from the configured public address, never from the Host a request names; in Production the app
/// will not start without that address or with every host name allowed.
/// </summary>
public sealed class PublicAddressTests
{
    [Fact]
    public async Task A_reset_requested_with_a_forged_host_mails_a_link_to_the_configured_address()
    {
        // AllowedHosts "*" is what a careless deployment (and Development) answers with, so the forged Host gets through.
        using var app = new TrainingHubApp { Settings = new Dictionary<string, string> { ["AllowedHosts"] = "*" } };
        var client = app.CreateBrowserLikeClient();

        var response = await TrainingHubApp.PostFormAsync(client, "http://evil.example/account/forgot-password", "forgot-password",
            new() { ["Input.Email"] = "supervisor@traininghub.example" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await app.MailInFolderAsync();
        Assert.Contains(app.PublicBaseUrl + "account/reset-password?userId=", message.TextBody);
        Assert.DoesNotContain("evil.example", message.TextBody);
        Assert.DoesNotContain("evil.example", message.HtmlBody);
    }

    [Theory]
    [InlineData("")]
    [InlineData("learn.example.org/")]
    public void Production_refuses_to_start_without_an_absolute_public_address(string address)
    {
        using var app = new TrainingHubApp
        {
            Environment = "Production",
            Settings = new Dictionary<string, string> { ["AllowedHosts"] = "learn.example.org", ["Mail:PublicBaseUrl"] = address },
        };

        var refusal = Refusal(Assert.ThrowsAny<Exception>(() => app.CreateClient()));

        Assert.Contains("Mail:PublicBaseUrl must be set to the app's public address", refusal);
        Assert.Contains("https://learn.example.org/", refusal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    public void Production_refuses_to_start_with_every_host_name_allowed(string allowedHosts)
    {
        using var app = new TrainingHubApp
        {
            Environment = "Production",
            Settings = new Dictionary<string, string> { ["AllowedHosts"] = allowedHosts, ["Mail:PublicBaseUrl"] = "https://learn.example.org/" },
        };

        var refusal = Refusal(Assert.ThrowsAny<Exception>(() => app.CreateClient()));

        Assert.Contains("AllowedHosts must name the host names the app answers to", refusal);
    }

    /// <summary>The whole refusal, as the log shows it when the app stops.</summary>
    private static string Refusal(Exception exception) => exception.ToString();
}
