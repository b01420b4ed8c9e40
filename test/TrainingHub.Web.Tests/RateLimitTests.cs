using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Services;
using TrainingHub.Competencies.Data;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// What an attacker repeats is refused after a few tries: a clear page in the reader's language for the forms,
/// problem details on the API, and never more than a few reset e-mails to one address.
/// </summary>
public sealed class RateLimitTests
{
    private const string Learner = "learner@traininghub.example";

    private static TrainingHubApp AppWith(params (string Key, string Value)[] settings) =>
        new() { Settings = settings.ToDictionary(s => s.Key, s => s.Value) };

    private static Task<HttpResponseMessage> ForgotPasswordAsync(HttpClient client, string email) =>
        TrainingHubApp.PostFormAsync(client, "/account/forgot-password", "forgot-password", new() { ["Input.Email"] = email });

    private static async Task<int> ResetMailsAsync(TrainingHubApp app, string email)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AccountsDbContext>>().CreateDbContext();
        return await db.Set<OutgoingMail>().CountAsync(m => m.MessageType == PasswordReset.MessageType && m.ToAddress == email);
    }

    [Fact]
    public async Task Repeated_requests_for_a_reset_link_get_a_clear_page_after_the_limit_and_at_most_three_mails()
    {
        await using var app = AppWith(("RateLimits:ForgotPassword:PermitLimit", "5"));
        var client = app.CreateBrowserLikeClient();
        await client.GetAsync("/culture/set?culture=en-GB&redirectUri=%2F");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await ForgotPasswordAsync(client, Learner));
        }
        var refusal = await answers[^1].Content.ReadAsStringAsync();

        Assert.All(answers[..5], a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].StatusCode);
        Assert.NotNull(answers[^1].Headers.RetryAfter);
        Assert.Contains("<h1>Too many attempts</h1>", refusal);
        Assert.Contains("lang=\"en\"", refusal);
        Assert.Equal(3, await ResetMailsAsync(app, Learner));
    }

    [Fact]
    public async Task At_most_three_reset_mails_go_to_one_address_however_many_clients_ask()
    {
        // The per-client limit is out of the way: only the per-address limit, counted in the outbox, stands.
        await using var app = AppWith();

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ForgotPasswordAsync(app.CreateBrowserLikeClient(), Learner)).StatusCode);
        }
        await ForgotPasswordAsync(app.CreateBrowserLikeClient(), "mentor@traininghub.example");

        Assert.Equal(3, await ResetMailsAsync(app, Learner));
        Assert.Equal(1, await ResetMailsAsync(app, "mentor@traininghub.example"));
    }

    [Fact]
    public async Task Guessing_passwords_gets_a_page_in_Ukrainian_after_the_limit()
    {
        await using var app = AppWith(("RateLimits:SignIn:PermitLimit", "3"));
        var client = app.CreateBrowserLikeClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await TrainingHubApp.PostFormAsync(client, "/account/login", "login",
                new() { ["Input.Email"] = $"guess{i}@traininghub.example", ["Input.Password"] = "Guess-2026" })).StatusCode);
        }
        var refused = await TrainingHubApp.PostFormAsync(client, "/account/login", "login",
            new() { ["Input.Email"] = Learner, ["Input.Password"] = TrainingHubApp.DemoPassword });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Забагато спроб", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task The_API_answers_429_with_problem_details_after_the_limit_per_person()
    {
        await using var app = AppWith(("RateLimits:Api:PermitLimit", "3"));
        var client = await app.CreateApiClientAsync("coordinator@traininghub.example");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var other = await app.CreateApiClientAsync("admin@traininghub.example");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/units")).StatusCode);
        }
        var refused = await client.GetAsync("/api/v1/units");
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(429, (int)problem!["status"]!);
        Assert.Contains("too many times", (string)problem["title"]!);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/units")).StatusCode);
    }
    [Fact]
    public async Task Guessing_authenticator_codes_is_refused_after_the_limit_on_both_second_step_forms()
    {
        await using var app = AppWith(("RateLimits:TwoFactor:PermitLimit", "3"));
        var client = app.CreateBrowserLikeClient();
        var signedIn = await TrainingHubApp.PostFormAsync(client, "/account/login", "login",
            new() { ["Input.Email"] = "admin@traininghub.example", ["Input.Password"] = TrainingHubApp.DemoPassword });
        var secondStep = signedIn.Headers.Location!.OriginalString;
        var wrong = TrainingHubApp.AuthenticatorCode(TrainingHubApp.DemoAuthenticatorKey) == "000000" ? "111111" : "000000";

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await TrainingHubApp.PostFormAsync(client, secondStep, "login-2fa", new() { ["Input.Code"] = wrong })).StatusCode);
        }
        var right = await TrainingHubApp.PostFormAsync(client, secondStep, "login-2fa",
            new() { ["Input.Code"] = await TrainingHubApp.UnusedAuthenticatorCodeAsync(TrainingHubApp.DemoAuthenticatorKey) });
        var recovery = await TrainingHubApp.PostFormAsync(client, secondStep.Replace("/account/login-2fa", "/account/login-recovery"),
            "login-recovery", new() { ["Input.Code"] = "ABCDE-FGHIJ" });

        Assert.Contains("/account/login-2fa", secondStep);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("Забагато спроб", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, recovery.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Framework_imports_past_the_hourly_number_answer_429_and_import_nothing()
    {
        await using var app = AppWith(("RateLimits:Imports:PermitLimit", "1"));
        var client = await app.CreateApiClientAsync("coordinator@traininghub.example");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        await using var db = app.Services.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var demo = await db.Frameworks.Where(f => f.NormalizedCode == "CP-INCL").Select(f => f.Id).SingleAsync();
        var file = await client.GetStringAsync($"/api/v1/competency-frameworks/{demo}/versions/1/export?format=moodle");

        var first = await client.PostAsync("/api/v1/competency-frameworks/import",
            new StringContent(file.Replace("CP-INCL", "CP-ONE"), Encoding.UTF8, "text/csv"));
        var second = await client.PostAsync("/api/v1/competency-frameworks/import",
            new StringContent(file.Replace("CP-INCL", "CP-TWO"), Encoding.UTF8, "text/csv"));
        var problem = await second.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(429, (int)problem!["status"]!);
        Assert.False(await db.Frameworks.AnyAsync(f => f.NormalizedCode == "CP-TWO"));
    }
}
