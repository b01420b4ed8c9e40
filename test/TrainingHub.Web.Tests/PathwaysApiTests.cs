using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// Pathways through the API as a phone or another system would use them: one's own progress with every requirement in
/// words, the people and certificates of one's area, and progression with the same rules and refusals as the pages.
/// </summary>
public sealed class PathwaysApiTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private const string Learner = "learner@traininghub.example";
    private const string Halyna = "h.bondarenko@traininghub.example";
    private const string Coordinator = "coordinator@traininghub.example";

    private async Task<Guid> PersonIdAsync(string email) =>
        (await app.Services.GetRequiredService<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static IEnumerable<JsonNode> Parts(JsonNode requirement) => requirement["parts"]!.AsArray().Select(p => p!);

    [Fact]
    public async Task The_learner_reads_her_own_pathway_with_the_next_stage_judged_in_words_in_her_language_and_nobody_elses()
    {
        var learner = await app.CreateApiClientAsync(Learner);
        var halynaId = await PersonIdAsync(Halyna);

        var mine = (await learner.GetFromJsonAsync<JsonObject>("/api/v1/pathways/me"))!;
        using var inEnglish = new HttpRequestMessage(HttpMethod.Get, "/api/v1/pathways/me");
        inEnglish.Headers.AcceptLanguage.ParseAdd("en-GB");
        var english = (await (await learner.SendAsync(inEnglish)).Content.ReadFromJsonAsync<JsonObject>())!;
        var othersProgress = await learner.GetAsync($"/api/v1/pathways/people/{halynaId}");
        var othersCertificates = await learner.GetAsync($"/api/v1/pathways/people/{halynaId}/certificates");
        var nobodys = await learner.GetAsync($"/api/v1/pathways/people/{Guid.NewGuid()}");

        Assert.Equal("Від волонтера до соціального працівника", (string)mine["pathway"]!);
        var current = Assert.Single(mine["stages"]!.AsArray(), s => (string)s!["state"]! == "Current")!;
        Assert.Equal((1, "Волонтер"), ((int)current["position"]!, (string)current["name"]!));
        Assert.Equal(DailyRuns.DayOf(DateTimeOffset.UtcNow).AddMonths(-3).ToString("yyyy-MM-dd"), (string)mine["stageSince"]!, StringComparer.Ordinal);
        var next = mine["nextStage"]!;
        Assert.Equal((2, "Навчений волонтер", false), ((int)next["position"]!, (string)next["name"]!, (bool)next["ready"]!));
        Assert.False((bool)mine["canAsk"]!);
        var requirements = next["requirements"]!;
        Assert.Equal(("allOf", "NotYet"), ((string)requirements["kind"]!, (string)requirements["outcome"]!));
        Assert.Equal(new[] { "time", "hours", "competency", "signOff", "course" }, Parts(requirements).Select(p => (string)p["kind"]!));
        var course = Parts(requirements).Single(p => (string)p["kind"]! == "course");
        Assert.Equal(("NotYet", "Пройдіть курс «Перша психологічна допомога: основи»"), ((string)course["outcome"]!, (string)course["text"]!));
        var signOff = Parts(requirements).Single(p => (string)p["kind"]! == "signOff");
        Assert.Equal(("NotYet", "Потрібне підтвердження: супервізор"), ((string)signOff["outcome"]!, (string)signOff["text"]!));
        Assert.Equal("Met", (string)Parts(requirements).Single(p => (string)p["kind"]! == "time")["outcome"]!);
        Assert.StartsWith("Усе з переліку", (string)requirements["text"]!, StringComparison.Ordinal);

        Assert.Equal("Volunteer", (string)english["stages"]![0]!["name"]!);
        Assert.Equal("Needs the sign-off of a supervisor", (string)Parts(english["nextStage"]!["requirements"]!).Single(p => (string)p["kind"]! == "signOff")["text"]!);

        await ProblemAsync(othersProgress, HttpStatusCode.Forbidden);
        await ProblemAsync(othersCertificates, HttpStatusCode.Forbidden);
        await ProblemAsync(nobodys, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_coordinator_lists_the_people_of_her_area_and_reads_a_certificate_with_links_that_work()
    {
        // Reading works with the sign-in cookie as well, and the same cookie opens the PDF the link points to.
        var coordinator = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(coordinator, Coordinator);
        var halynaId = await PersonIdAsync(Halyna);

        var people = (await coordinator.GetFromJsonAsync<JsonObject>("/api/v1/pathways/people?page=1&pageSize=25"))!;
        var searched = (await coordinator.GetFromJsonAsync<JsonObject>("/api/v1/pathways/people?search=Бондаренко"))!;
        var certificates = (await coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/pathways/people/{halynaId}/certificates"))!;
        var halynasOwn = (await (await app.CreateApiClientAsync(Halyna)).GetFromJsonAsync<JsonArray>("/api/v1/pathways/me/certificates"))!;

        var names = people["items"]!.AsArray().Select(p => (string)p!["fullName"]!).ToList();
        Assert.Contains("Оксана Волонтерка", names);
        Assert.Contains("Галина Бондаренко", names);
        var halyna = people["items"]!.AsArray().Single(p => (string)p!["fullName"]! == "Галина Бондаренко")!;
        Assert.Equal((3, "Соціальний помічник"), ((int)halyna["stage"]!, (string)halyna["stageName"]!));
        Assert.Equal(new[] { "Галина Бондаренко" }, searched["items"]!.AsArray().Select(p => (string)p!["fullName"]!));

        var certificate = Assert.Single(certificates)!;
        Assert.Equal(("Соціальний помічник", "Valid"), ((string)certificate["stage"]!, (string)certificate["status"]!));
        // Valid for years yet: renewal is not open, and nothing renewed it.
        Assert.Equal((false, null), ((bool)certificate["renewed"]!, certificate["renewal"]));
        Assert.Equal((string)certificate["number"]!, (string)Assert.Single(halynasOwn)!["number"]!);
        var pdf = new Uri((string)certificate["pdf"]!);
        var verify = new Uri((string)certificate["verify"]!);
        var badge = new Uri((string)certificate["badge"]!);
        Assert.All(new[] { pdf, verify, badge }, link => Assert.StartsWith(app.PublicBaseUrl, link.ToString(), StringComparison.Ordinal));
        var file = await coordinator.GetAsync(pdf.PathAndQuery);
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (file.StatusCode, file.Content.Headers.ContentType?.MediaType));
        var anyone = app.CreateBrowserLikeClient();
        Assert.Contains((string)certificate["number"]!, await anyone.GetStringAsync(verify.PathAndQuery), StringComparison.Ordinal);
        Assert.Equal("Assertion", (string)(await anyone.GetFromJsonAsync<JsonObject>(badge.PathAndQuery))!["type"]!);
    }

    [Fact]
    public async Task Asking_to_move_on_before_everything_is_met_is_refused_with_the_rules_words_and_nothing_waits()
    {
        var learner = await app.CreateApiClientAsync(Learner);
        var coordinator = await app.CreateApiClientAsync(Coordinator);
        var learnerId = await PersonIdAsync(Learner);

        var asked = await learner.PostAsJsonAsync($"/api/v1/pathways/people/{learnerId}/progression-requests", new { note = "Готова" });
        var forSomeoneElse = await coordinator.PostAsJsonAsync($"/api/v1/pathways/people/{learnerId}/progression-requests", new { note = "" });
        var pending = (await coordinator.GetFromJsonAsync<JsonObject>("/api/v1/pathways/progression-requests"))!;
        var learnersList = await learner.GetAsync("/api/v1/pathways/progression-requests");
        var approveNothing = await coordinator.PostAsJsonAsync($"/api/v1/pathways/progression-requests/{Guid.NewGuid()}/approve", new { version = Guid.NewGuid() });
        var mine = (await learner.GetFromJsonAsync<JsonObject>("/api/v1/pathways/me"))!;

        Assert.Equal("Ще не всі вимоги наступного етапу виконано.", (string)(await ProblemAsync(asked, HttpStatusCode.BadRequest))["title"]!);
        await ProblemAsync(forSomeoneElse, HttpStatusCode.Forbidden);
        Assert.Empty(pending["items"]!.AsArray());
        Assert.Equal(0, (int)pending["totalCount"]!);
        await ProblemAsync(learnersList, HttpStatusCode.Forbidden);
        await ProblemAsync(approveNothing, HttpStatusCode.Forbidden);
        Assert.Null(mine["request"]);
    }

    [Fact]
    public async Task Halyna_reads_her_professional_development_against_the_twenty_hours_her_post_asks_six_of_them_in_an_area_and_a_colleague_cannot()
    {
        var halyna = await app.CreateApiClientAsync(Halyna);
        var learner = await app.CreateApiClientAsync(Learner);
        var halynaId = await PersonIdAsync(Halyna);
        var thisYear = DailyRuns.DayOf(DateTimeOffset.UtcNow).Year;
        var training = await DemoTrainings.AddAsync(app, Halyna);
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<PathwaysDbContext>>().CreateDbContext())
        {
            var written = new DevelopmentPlan { PersonId = halynaId, Year = thisYear };
            Assert.True(written.Write([new PlanItemInput { Title = "Семінар", Hours = 4 }, new PlanItemInput { Title = "Супервізія в групі", Hours = 6 }], DateTimeOffset.UtcNow).Succeeded);
            db.Plans.Add(written);
            db.PlanItems.AddRange(written.Items);
            await db.SaveChangesAsync();
        }

        var mine = (await halyna.GetFromJsonAsync<JsonObject>("/api/v1/pathways/me/development"))!;
        var lastYear = (await halyna.GetFromJsonAsync<JsonObject>($"/api/v1/pathways/me/development?year={thisYear - 1}"))!;
        var colleague = await learner.GetAsync($"/api/v1/pathways/people/{halynaId}/development");

        Assert.Equal((thisYear, 20), ((int)mine["year"]!, (int)mine["requiredHours"]!));
        Assert.Equal((decimal)mine["totalHours"]!, mine["lines"]!.AsArray().Sum(l => (decimal)l!["hours"]!));
        var required = mine["required"]!;
        Assert.Equal(("Hours", 20m, 20, false), ((string)required["unit"]!, (decimal)required["amount"]!, (int)required["hours"]!, (bool)required["byStage"]!));
        Assert.Equal((decimal)mine["totalHours"]!, (decimal)required["done"]!);
        var area = Assert.Single(mine["areas"]!.AsArray())!;
        Assert.Equal(("CP.4.1", 6), ((string)area["code"]!, (int)area["requiredHours"]!));
        Assert.Equal((bool)area["met"]!, (decimal)area["hours"]! >= 6);
        Assert.Equal((bool)mine["met"]!, (decimal)mine["totalHours"]! >= 20 && (bool)area["met"]!);
        var recorded = Assert.Single(mine["trainings"]!.AsArray(), t => (Guid)t!["id"]! == training)!;
        Assert.Equal(("Семінар", "Pending", 4m), ((string)recorded["title"]!, (string)recorded["state"]!, (decimal)recorded["hours"]!));
        var plan = mine["plan"]!;
        Assert.Equal((false, 10m, 0m), ((bool)plan["agreed"]!, (decimal)plan["plannedHours"]!, (decimal)plan["doneHours"]!));
        Assert.Equal(["Семінар", "Супервізія в групі"], plan["items"]!.AsArray().Select(i => (string)i!["title"]!));
        Assert.Equal(thisYear - 1, (int)lastYear["year"]!);
        Assert.Null(lastYear["plan"]);
        Assert.Equal(HttpStatusCode.Forbidden, colleague.StatusCode);
    }
}
