using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Services;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// A personal API token is a key to the API only: it opens no page, and it dies with the sessions of its person when
/// the password or e-mail address changes or they sign out everywhere. Tried as someone holding a stolen token would.
/// </summary>
public sealed partial class ApiTokenScopeTests : IAsyncLifetime
{
    // Sessions are checked on every request here, so a change shows at once.
    private readonly TrainingHubApp _app = new() { Settings = new Dictionary<string, string> { ["Accounts:SessionCheckSeconds"] = "0" } };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_administrators_token_opens_the_api_but_no_page_the_job_dashboard_or_the_audit_trail()
    {
        var token = await _app.IssueApiTokenAsync("admin@traininghub.example");

        var api = await SendAsync(token, "/api/v1/units");
        var pages = new Dictionary<string, HttpResponseMessage>();
        foreach (var path in new[] { "/account/manage", "/account/api-tokens", "/jobs", "/audit", "/people", "/" })
        {
            pages[path] = await SendAsync(token, path);
        }

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.All(pages, page => Assert.True(
            page.Value.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized
            && page.Value.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) != false,
            $"{page.Key} answered {(int)page.Value.StatusCode} {page.Value.Headers.Location} to a bare token"));
    }

    [Fact]
    public async Task A_token_stops_working_when_its_person_changes_their_password()
    {
        var token = await _app.IssueApiTokenAsync("r.boiko@traininghub.example");
        var client = await SignedInAsync("r.boiko@traininghub.example");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(token, "/api/v1/units")).StatusCode);

        await TrainingHubApp.PostFormAsync(client, "/account/manage", "password", new()
        {
            ["Password.Current"] = TrainingHubApp.DemoPassword, ["Password.Next"] = "Roman-new-pass-2", ["Password.Confirm"] = "Roman-new-pass-2",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(token, "/api/v1/units")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(await _app.IssueApiTokenAsync("r.boiko@traininghub.example"), "/api/v1/units")).StatusCode);
    }

    [Fact]
    public async Task A_token_stops_working_when_its_person_signs_out_everywhere()
    {
        var token = await _app.IssueApiTokenAsync("n.tkachenko@traininghub.example");
        var client = await SignedInAsync("n.tkachenko@traininghub.example");

        await TrainingHubApp.PostFormAsync(client, "/account/manage", "everywhere", []);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(token, "/api/v1/units")).StatusCode);
        Assert.Contains("усі ваші токени перестають діяти", (await (await SignedInAsync("n.tkachenko@traininghub.example")).GetStringAsync("/account/api-tokens")).ToLowerInvariant());
    }

    [Fact]
    public async Task A_token_stops_working_when_its_persons_new_e_mail_address_is_confirmed()
    {
        var token = await _app.IssueApiTokenAsync("y.kovalenko@traininghub.example");
        var client = await SignedInAsync("y.kovalenko@traininghub.example");

        var withoutPassword = await TrainingHubApp.PostFormAsync(client, "/account/manage", "email", new() { ["NewEmail.Email"] = "taker@example.org" });
        await TrainingHubApp.PostFormAsync(client, "/account/manage", "email", new()
        {
            ["NewEmail.Email"] = "yulia.new@example.org", ["NewEmail.CurrentPassword"] = TrainingHubApp.DemoPassword,
        });
        var link = await MailedLinkAsync("yulia.new@example.org");
        var stillWorks = await SendAsync(token, "/api/v1/units");
        var confirmed = await client.GetAsync(link.PathAndQuery);

        Assert.Contains("Введіть поточний пароль, щоб підтвердити, що це ви.", await withoutPassword.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        Assert.Contains("yulia.new@example.org", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(token, "/api/v1/units")).StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _app.CreateBrowserLikeClient().SendAsync(request);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, email);
        return client;
    }

    private async Task<Uri> MailedLinkAsync(string to)
    {
        await using var db = _app.Services.GetRequiredService<IDbContextFactory<AccountsDbContext>>().CreateDbContext();
        var mail = await db.Set<OutgoingMail>().SingleAsync(m => m.ToAddress == to && m.MessageType == EmailChange.MessageType);
        return new Uri(LinkPattern().Match(mail.TextBody).Value);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
