using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingHub.SharedKernel.Events;
using TrainingHub.Accounts.Domain;
using TrainingHub.Audit.Data;
using TrainingHub.Organisations.Contracts;
using TrainingHub.TestKit.Web;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Rounds;
using TrainingHub.Wellbeing.Support;

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

    [Fact]
    public async Task Answering_a_round_and_asking_for_a_conversation_with_the_scores_shared_leaves_no_answer_score_or_note_in_logs_or_audit()
    {
        const string note = "Tuesday-after-lunch-please";
        var logs = new CapturedLogs();
        await using var fresh = new TrainingHubApp();
        // Database commands logged too, so that a value written to the database in a command's log would be caught.
        using var logged = fresh.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs))
            .UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information"));
        await using var auditDb = logged.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContext();
        var before = await auditDb.Entries.CountAsync();
        using var scope = logged.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("learner@traininghub.example"))!;
        // The learner's own request, as the check-in page makes it: the services take her from the request.
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user),
            RequestServices = scope.ServiceProvider,
        };
        var checkIns = scope.ServiceProvider.GetRequiredService<MyCheckIns>();
        var round = (await checkIns.MineAsync()).Value.Rounds.Single(r => r.IsOpen).RoundId;
        await checkIns.OpenAsync(round);
        // Personal: 75, 75, 50, 75, 50, 75 → 66.7; work-related 50 throughout.
        int[] personal = [1, 1, 2, 1, 2, 1];
        foreach (var (option, i) in personal.Select((o, i) => (o, i)))
        {
            Assert.True((await checkIns.AnswerAsync(round, $"personal.{i + 1}", option)).Succeeded);
        }
        for (var i = 1; i <= 7; i++)
        {
            await checkIns.AnswerAsync(round, $"work.{i}", 2);
        }
        var scores = (await checkIns.SubmitAsync(round)).Value;
        var asked = await scope.ServiceProvider.GetRequiredService<ConversationRequests>().AskAsync(round, new ConversationInput { ShareScores = true, Note = note });
        while (await logged.Services.GetRequiredService<IntegrationEventDispatcher>().DispatchAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(66.7m, scores[0].Score);
        Assert.True(asked.Succeeded);
        Assert.Contains(logs.Messages, m => m.Contains("Executed DbCommand"));
        var leaks = new Regex(@"(?<![\d.,])66[.,]7(?![\d])|personal\.\d|" + note);
        Assert.DoesNotContain(logs.Messages, m => leaks.IsMatch(m));
        var added = await auditDb.Entries.AsNoTracking().OrderBy(e => e.AtUtc).Skip(before).ToListAsync();
        Assert.DoesNotContain(added, e => e.EntityType is "CheckInResponse" or "RoundInvitation" or "ConversationRequest");
        Assert.DoesNotContain(added, e => leaks.IsMatch($"{e.Summary} {e.Changes}"));
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
