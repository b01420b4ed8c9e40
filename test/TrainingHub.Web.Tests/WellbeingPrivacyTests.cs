using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Domain;
using TrainingHub.Audit.Data;
using TrainingHub.Organisations.Contracts;
using TrainingHub.TestKit.Web;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Web.Tests;

/// <summary>
/// A person's check-in scores are seen by that person alone. The demo learner's last answered round is given scores no
/// real answers can give (12.3, 45.6 and 78.9), so that they can be looked for: she finds them on her own page; every
/// other demo role, and a colleague of hers, tries every page, download and endpoint that could show them and finds
/// them nowhere; nor does the audit trail name her answers.
/// </summary>
public sealed class WellbeingPrivacyTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private static readonly Regex Marker = new(@"(?<![\d.,])(12[.,]3|45[.,]6|78[.,]9)(?![\d])");

    /// <summary>What a page shows as text (icons' drawing paths hold numbers of their own); a download as it is.</summary>
    private static string Shown(string body) =>
        Regex.Replace(Regex.Replace(body, @"(?s)<(svg|script|style)\b.*?</\1>", " "), "<[^>]*>", " ");

    private static readonly string[] Others =
    [
        "admin@traininghub.example", "coordinator@traininghub.example", "supervisor@traininghub.example", "mentor@traininghub.example",
        "h.bondarenko@traininghub.example",
    ];

    [Fact]
    public async Task The_learner_sees_her_own_scores_and_no_other_role_finds_them_on_any_page_download_or_endpoint()
    {
        var (learner, rounds, city) = await MarkLearnersScoresAsync();
        var own = await SignedInAsync("learner@traininghub.example");
        var ownPage = await own.GetStringAsync("/wellbeing/check-ins");
        Assert.Matches(Marker, Shown(ownPage));

        string[] urls =
        [
            "/wellbeing/check-ins", .. rounds.Select(r => $"/wellbeing/check-ins/{r}"), "/wellbeing/reports", "/wellbeing/reports/settings",
            $"/wellbeing/reports/export?unit={city}&format=csv", .. rounds.Select(r => $"/wellbeing/reports/export?unit={city}&round={r}&format=csv"),
            "/wellbeing/instruments", "/wellbeing/instruments/cbi", "/wellbeing/schedules", "/wellbeing/resources",
            $"/people/{learner}", $"/api/v1/people/{learner}", $"/competencies/people/{learner}", "/supervision/my-people", "/supervision/coverage",
            "/supervision/mentoring", "/supervision/support-requests", "/audit", "/",
        ];
        foreach (var email in Others)
        {
            var client = await SignedInAsync(email);
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect,
                    $"{email} {url}: {(int)response.StatusCode}");
                Assert.False(Marker.IsMatch(Shown(body)), $"{email} found the learner's scores at {url}: {Marker.Match(Shown(body)).Value}");
            }
        }

        await using var audit = app.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContext();
        var entries = await audit.Entries.AsNoTracking().Where(e => e.Module == "Wellbeing").ToListAsync();
        Assert.DoesNotContain(entries, e => e.EntityType is "CheckInResponse" or "RoundInvitation");
        Assert.DoesNotContain(entries, e => Marker.IsMatch($"{e.Summary} {e.Changes}"));
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, email);
        return client;
    }

    /// <summary>Gives the demo learner's latest answered round the marker scores; answers the learner, her rounds and her unit.</summary>
    private async Task<(Guid Learner, IReadOnlyList<Guid> Rounds, Guid City)> MarkLearnersScoresAsync()
    {
        using var scope = app.Services.CreateScope();
        var learner = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("learner@traininghub.example"))!.Id;
        var city = (await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync(RoundsDemoData.CityKatottg))!.Id;
        await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();
        var mine = await db.Invitations.Where(i => i.PersonId == learner).Join(db.Rounds, i => i.RoundId, r => r.Id, (i, r) => new { i, r }).ToListAsync();
        var latest = mine.Where(m => m.i.State == InvitationState.Answered).OrderByDescending(m => m.r.OpensOn).First();
        var response = await db.Responses.SingleAsync(r => r.Id == latest.i.ResponseId);
        response.Scores = JsonSerializer.Serialize(new Dictionary<string, decimal> { ["personal"] = 12.3m, ["work"] = 45.6m, ["client"] = 78.9m });
        await db.SaveChangesAsync();
        return (learner, mine.Select(m => m.r.Id).ToList(), city);
    }
}
