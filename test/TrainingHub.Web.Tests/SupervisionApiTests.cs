using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// Session logs through the API as a phone or offline client would use them: the same parties, the same signatures and
/// the same refusals as the log page, and never the private note.
/// </summary>
public sealed class SupervisionApiTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private const string Supervisor = "supervisor@traininghub.example";
    private const string Learner = "learner@traininghub.example";

    /// <summary>A meeting of the demo supervisor with the demo learner that began an hour ago.</summary>
    private async Task<(Guid SessionId, Guid LearnerId)> HeldSessionAsync()
    {
        var people = app.Services.GetRequiredService<IPeopleLookup>();
        var learner = (await people.FindByEmailAsync(Learner))!;
        var supervisor = (await people.FindByEmailAsync(Supervisor))!;
        var session = new SupervisionSession
        {
            Kind = SessionKind.Individual, LeaderId = supervisor.Id, UnitId = learner.HomeUnitId!.Value, StartsAt = DateTimeOffset.UtcNow.AddHours(-1),
            DurationMinutes = 90, Place = "API", CreatedAt = DateTimeOffset.UtcNow, Participants = [new SessionParticipant { PersonId = learner.Id }],
        };
        await using var db = app.Services.GetRequiredService<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return (session.Id, learner.Id);
    }

    [Fact]
    public async Task Both_parties_write_and_sign_through_the_API_with_the_pages_rules_and_nobody_reads_the_private_note()
    {
        var (sessionId, learnerId) = await HeldSessionAsync();
        var supervisor = await app.CreateApiClientAsync(Supervisor);
        var learner = await app.CreateApiClientAsync(Learner);
        var logUrl = $"/api/v1/supervision/sessions/{sessionId}/logs/{learnerId}";

        var sessions = await learner.GetFromJsonAsync<JsonArray>("/api/v1/supervision/sessions");
        var opened = (await supervisor.GetFromJsonAsync<JsonObject>(logUrl))!;
        var logId = (string)opened["id"]!;
        var topics = await supervisor.PutAsJsonAsync($"/api/v1/supervision/logs/{logId}/parts/topics", new { text = "Планування візитів" });
        var privateNote = await supervisor.PutAsJsonAsync($"/api/v1/supervision/logs/{logId}/parts/privateNote", new { text = "Ні" });
        var signed = await supervisor.PostAsJsonAsync($"/api/v1/supervision/logs/{logId}/signature",
            new { version = (string)(await topics.Content.ReadFromJsonAsync<JsonObject>())!["version"]! });
        var learnerTopics = await learner.PutAsJsonAsync($"/api/v1/supervision/logs/{logId}/parts/topics", new { text = "Інше" });
        var read = (await learner.GetFromJsonAsync<JsonObject>(logUrl))!;
        var reflection = await learner.PutAsJsonAsync($"/api/v1/supervision/logs/{logId}/parts/reflection", new { text = "Зрозуміла" });
        var stale = await learner.PostAsJsonAsync($"/api/v1/supervision/logs/{logId}/signature", new { version = (string)read["version"]! });
        var current = (await learner.GetFromJsonAsync<JsonObject>(logUrl))!;
        var locked = await learner.PostAsJsonAsync($"/api/v1/supervision/logs/{logId}/signature", new { version = (string)current["version"]! });
        var mentor = await (await app.CreateApiClientAsync("mentor@traininghub.example")).GetAsync(logUrl);
        var coordinator = (await (await app.CreateApiClientAsync("coordinator@traininghub.example")).GetFromJsonAsync<JsonObject>(logUrl))!;

        Assert.Contains(sessions!, s => (string)s!["id"]! == sessionId.ToString() && (string)s["leaderName"]! == "Марія Супервізорка");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK), (topics.StatusCode, privateNote.StatusCode, signed.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, learnerTopics.StatusCode);
        Assert.Equal(("Планування візитів", "Person"), ((string)read["topics"]!, (string)read["reader"]!));
        Assert.False(read.ContainsKey("privateNote"));
        Assert.Equal(HttpStatusCode.OK, reflection.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Перечитайте", (string)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["title"]!);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mentor.StatusCode);
        Assert.Equal(("Coordinator", true), ((string)coordinator["reader"]!, (bool)coordinator["locked"]!));
    }

    [Fact]
    public async Task A_supervisee_logs_and_hands_in_hours_and_the_supervisor_rejects_with_a_reason_and_approves_through_the_API()
    {
        var learner = await app.CreateApiClientAsync(Learner);
        var supervisor = await app.CreateApiClientAsync(Supervisor);
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
        var type = TrainingHub.Supervision.Hours.ActivityType.DirectWork;

        var tooMany = await learner.PostAsJsonAsync("/api/v1/supervision/hours", new { date = day, hours = 25m, activityTypeId = type });
        var first = await (await learner.PostAsJsonAsync("/api/v1/supervision/hours", new { date = day, hours = 2m, activityTypeId = type, setting = "API" })).Content.ReadFromJsonAsync<Guid>();
        var second = await (await learner.PostAsJsonAsync("/api/v1/supervision/hours", new { date = day, hours = 1.5m, activityTypeId = type, setting = "API" })).Content.ReadFromJsonAsync<Guid>();
        var handedIn = await (await learner.PostAsJsonAsync("/api/v1/supervision/hours/submission", new { entryIds = new[] { first, second } })).Content.ReadFromJsonAsync<int>();
        var waiting = (await supervisor.GetFromJsonAsync<JsonArray>("/api/v1/supervision/hours/review"))!
            .SelectMany(w => w!["entries"]!.AsArray()).Where(e => (Guid)e!["id"]! == first || (Guid)e!["id"]! == second).ToList();
        string VersionOf(Guid id) => (string)waiting.Single(e => (Guid)e!["id"]! == id)!["version"]!;
        var noReason = await supervisor.PostAsJsonAsync($"/api/v1/supervision/hours/{first}/rejection", new { version = VersionOf(first) });
        var rejected = await supervisor.PostAsJsonAsync($"/api/v1/supervision/hours/{first}/rejection", new { version = VersionOf(first), reason = "Уточніть, що саме робили." });
        var approved = await supervisor.PostAsJsonAsync($"/api/v1/supervision/hours/{second}/approval", new { version = VersionOf(second) });
        var byLearner = await learner.PostAsJsonAsync($"/api/v1/supervision/hours/{second}/approval", new { version = VersionOf(second) });
        var mine = (await learner.GetFromJsonAsync<JsonArray>($"/api/v1/supervision/hours?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}"))!;
        var totals = (await learner.GetFromJsonAsync<JsonObject>($"/api/v1/supervision/hours/totals?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}"))!;

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(2, handedIn);
        Assert.Equal(2, waiting.Count);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (rejected.StatusCode, approved.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, byLearner.StatusCode);
        var states = mine.Where(e => (string?)e!["setting"] == "API").ToDictionary(e => (Guid)e!["id"]!, e => ((string)e!["state"]!, (string?)e["reviewReason"]));
        Assert.Equal(("Rejected", "Уточніть, що саме робили."), states[first]);
        Assert.Equal("Approved", states[second].Item1);
        Assert.Equal(1.5m, (decimal)totals["perType"]!.AsArray().Single(t => (Guid)t!["activityTypeId"]! == type)!["hours"]!);
    }

    [Fact]
    public async Task A_supervisee_and_their_supervisor_read_the_years_hours_against_the_position_through_the_API_and_nobody_else_does()
    {
        var learner = await app.CreateApiClientAsync(Learner);
        var supervisor = await app.CreateApiClientAsync(Supervisor);
        var people = app.Services.GetRequiredService<IPeopleLookup>();
        var learnerId = (await people.FindByEmailAsync(Learner))!.Id;
        var unsupervised = (await people.FindByEmailAsync("o.melnyk@traininghub.example"))!.Id;
        var from = new DateOnly(DailyRuns.DayOf(DateTimeOffset.UtcNow).Year, 1, 1);

        var mine = (await learner.GetFromJsonAsync<JsonObject>("/api/v1/supervision/hours/requirement"))!;
        var totals = (await learner.GetFromJsonAsync<JsonObject>($"/api/v1/supervision/hours/totals?from={from:yyyy-MM-dd}"))!;
        var theirs = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/supervision/hours/requirement/{learnerId}"))!;
        var notTheirs = await supervisor.GetAsync($"/api/v1/supervision/hours/requirement/{unsupervised}");
        var byLearner = await learner.GetAsync($"/api/v1/supervision/hours/requirement/{learnerId}");

        Assert.Equal(("Волонтер", from), ((string?)mine["positionName"], DateOnly.Parse((string)mine["from"]!, CultureInfo.InvariantCulture)));
        var lines = mine["lines"]!.AsArray();
        Assert.Null(lines[0]!["activityTypeId"]);
        Assert.Equal((40, (decimal)totals["all"]!), ((int)lines[0]!["required"]!, (decimal)lines[0]!["approved"]!));
        Assert.Equal((TrainingHub.Supervision.Hours.ActivityType.DirectWork, 20), ((Guid)lines[1]!["activityTypeId"]!, (int)lines[1]!["required"]!));
        Assert.Equal(mine.ToJsonString(), theirs.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLearner.StatusCode);
    }

    [Fact]
    public async Task Mentor_and_mentee_read_their_pair_and_propose_and_close_goals_through_the_API_with_the_pages_rules()
    {
        var mentor = await app.CreateApiClientAsync("mentor@traininghub.example");
        var mentee = await app.CreateApiClientAsync(Learner);
        var pair = (await mentor.GetFromJsonAsync<JsonArray>("/api/v1/supervision/mentoring"))!
            .Single(p => (string)p!["menteeName"]! == "Оксана Волонтерка")!;
        var pairUrl = $"/api/v1/supervision/mentoring/{(string)pair["id"]!}";
        string GoalUrl(Guid goal) => $"/api/v1/supervision/mentoring/goals/{goal}/status";

        var asMentee = (await mentee.GetFromJsonAsync<JsonArray>("/api/v1/supervision/mentoring"))!.Single(p => (string)p!["id"]! == (string)pair["id"]!)!;
        var empty = await mentee.PostAsJsonAsync($"{pairUrl}/goals", new { text = " ", targetOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)) });
        var proposed = await mentee.PostAsJsonAsync($"{pairUrl}/goals", new { text = "Провести першу зустріч групи батьків самостійно", targetOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) });
        var goal = await proposed.Content.ReadFromJsonAsync<Guid>();
        var droppedByMentee = await mentee.PutAsJsonAsync(GoalUrl(goal), new { status = "Dropped", reason = "Передумала" });
        var reopened = await mentee.PutAsJsonAsync(GoalUrl(goal), new { status = "Open" });
        var achieved = await mentee.PutAsJsonAsync(GoalUrl(goal), new { status = "Achieved" });
        var achievedAgain = await mentor.PutAsJsonAsync(GoalUrl(goal), new { status = "Achieved" });
        var open = (Guid)asMentee["goals"]!.AsArray().First(g => (string)g!["status"]! == "Open")!["id"]!;
        var noReason = await mentor.PutAsJsonAsync(GoalUrl(open), new { status = "Dropped" });
        var dropped = await mentor.PutAsJsonAsync(GoalUrl(open), new { status = "Dropped", reason = "Ціль увійшла до плану супервізії." });
        var read = (await mentee.GetFromJsonAsync<JsonObject>(pairUrl))!;
        var supervisor = await (await app.CreateApiClientAsync(Supervisor)).GetAsync(pairUrl);
        var coordinatorClient = await app.CreateApiClientAsync("coordinator@traininghub.example");
        var coordinator = (await coordinatorClient.GetFromJsonAsync<JsonObject>(pairUrl))!;
        var coordinatorProposes = await coordinatorClient.PostAsJsonAsync($"{pairUrl}/goals", new { text = "Ні" });

        Assert.Equal(("Mentor", "Андрій Наставник", true), ((string)pair["reader"]!, (string)pair["mentorName"]!, (bool)pair["current"]!));
        Assert.Equal("Mentee", (string)asMentee["reader"]!);
        Assert.Contains(asMentee["goals"]!.AsArray(), g => (string)g!["text"]! == "Скласти особистий план самодогляду");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["targetOn", "text"], errors.Select(e => e.Key).Order());
        Assert.Equal("Напишіть ціль.", (string)errors["text"]![0]!);
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, droppedByMentee.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reopened.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, achieved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, achievedAgain.StatusCode);
        Assert.Equal("Ціль уже не відкрита.", (string)(await achievedAgain.Content.ReadFromJsonAsync<JsonObject>())!["title"]!);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, dropped.StatusCode);
        var goals = read["goals"]!.AsArray().ToDictionary(g => (Guid)g!["id"]!);
        Assert.Equal(("Achieved", "Оксана Волонтерка"), ((string)goals[goal]!["status"]!, (string)goals[goal]!["proposedByName"]!));
        Assert.Equal(("Dropped", "Ціль увійшла до плану супервізії."), ((string)goals[open]!["status"]!, (string?)goals[open]!["dropReason"]));
        Assert.Equal(HttpStatusCode.NotFound, supervisor.StatusCode);
        Assert.Equal("Coordinator", (string)coordinator["reader"]!);
        Assert.Equal(HttpStatusCode.NotFound, coordinatorProposes.StatusCode);
    }
}
