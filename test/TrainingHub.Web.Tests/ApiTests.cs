using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.TestKit;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>The REST API as a program uses it: tokens, the reader's area, problem details and the OpenAPI document.</summary>
public sealed class ApiTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private const string Coordinator = "coordinator@traininghub.example";
    private const string Administrator = "admin@traininghub.example";

    private async Task<Guid> PersonIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<Guid> UnitIdAsync(string katottgCode) =>
        (await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync(katottgCode))!.Id;

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)status, (int)problem["status"]!);
        return problem;
    }

    [Fact]
    public async Task A_coordinator_reads_the_people_and_units_of_their_oblast_and_nothing_of_another()
    {
        var client = await app.CreateApiClientAsync(Coordinator);
        var lvivPerson = await PersonIdAsync("i.lysenko@traininghub.example");
        var ownPerson = await PersonIdAsync("o.melnyk@traininghub.example");

        var own = await client.GetFromJsonAsync<JsonObject>($"/api/v1/people/{ownPerson}");
        var other = await client.GetAsync($"/api/v1/people/{lvivPerson}");
        var searchOther = await client.GetFromJsonAsync<JsonObject>("/api/v1/people?search=Лисенко");
        var otherUnit = await client.GetAsync($"/api/v1/units/{await UnitIdAsync("UA46060250000032558")}");
        var unitsOther = await client.GetFromJsonAsync<JsonObject>("/api/v1/units?search=Львів");
        var ownUnit = await client.GetFromJsonAsync<JsonObject>($"/api/v1/units/{await UnitIdAsync("UA18040470000082484")}");

        Assert.Equal("Олександр Мельник", (string)own!["fullName"]!);
        Assert.Equal("Коростенська міська громада", (string)own["homeUnit"]!["name"]!);
        // As on the profile page: out of one's area reads "you do not have permission to do this here", and shows nothing of the person.
        var refused = await ProblemAsync(other, HttpStatusCode.Forbidden);
        Assert.Equal("У вас немає дозволу робити це тут.", (string)refused["title"]!);
        Assert.DoesNotContain("Лисенко", refused.ToJsonString());
        Assert.Equal(0, (int)searchOther!["totalCount"]!);
        await ProblemAsync(otherUnit, HttpStatusCode.Forbidden);
        Assert.Equal(0, (int)unitsOther!["totalCount"]!);
        Assert.Equal("Hromada", (string)ownUnit!["type"]!);
    }

    [Fact]
    public async Task Lists_come_in_pages_with_filters()
    {
        var client = await app.CreateApiClientAsync(Administrator);

        var hromadas = await client.GetFromJsonAsync<JsonObject>("/api/v1/units?type=Hromada&page=2&pageSize=2");
        var all = await client.GetFromJsonAsync<JsonObject>("/api/v1/units?type=Hromada&pageSize=200");
        var korosten = await UnitIdAsync("UA18060170000025398");
        var people = await client.GetFromJsonAsync<JsonObject>($"/api/v1/people?unitId={korosten}&pageSize=1");

        var items = hromadas!["items"]!.AsArray();
        Assert.Equal((2, 2), ((int)hromadas["page"]!, (int)hromadas["pageSize"]!));
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("Hromada", (string)i!["type"]!));
        Assert.Equal(all!["items"]!.AsArray().Skip(2).Take(2).Select(i => (string)i!["id"]!), items.Select(i => (string)i!["id"]!));
        Assert.True((int)people!["totalCount"]! > 1);
        Assert.Single(people["items"]!.AsArray());
    }

    [Fact]
    public async Task Failures_are_problem_details_in_the_callers_language()
    {
        var client = await app.CreateApiClientAsync(Administrator);

        var missing = await client.GetAsync($"/api/v1/units/{Guid.NewGuid()}");
        var noSuchEndpoint = await client.GetAsync("/api/v1/no-such-thing");
        var badPage = await client.GetAsync("/api/v1/people?page=0&pageSize=500");
        var notANumber = await client.GetAsync("/api/v1/people?page=two");
        using var inEnglish = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/people/{Guid.NewGuid()}");
        inEnglish.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));
        var missingInEnglish = await client.SendAsync(inEnglish);

        Assert.Equal("Не знайдено. Можливо, це видалили.", (string)(await ProblemAsync(missing, HttpStatusCode.NotFound))["title"]!);
        await ProblemAsync(noSuchEndpoint, HttpStatusCode.NotFound);
        var errors = (await ProblemAsync(badPage, HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("Сторінки рахуються від 1.", (string)errors["page"]![0]!);
        Assert.Equal("На сторінці може бути від 1 до 200 записів.", (string)errors["pageSize"]![0]!);
        await ProblemAsync(notANumber, HttpStatusCode.BadRequest);
        Assert.Equal("It was not found. It may have been deleted.", (string)(await ProblemAsync(missingInEnglish, HttpStatusCode.NotFound))["title"]!);
    }

    [Fact]
    public async Task Reading_works_with_the_sign_in_cookie_but_changes_need_a_token()
    {
        var browser = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(browser, Coordinator);
        var url = $"/api/v1/units/{await UnitIdAsync("UA18040470000082484")}";

        var read = await browser.GetFromJsonAsync<JsonObject>(url);
        var change = await browser.PutAsJsonAsync(url, read);
        var withToken = await (await app.CreateApiClientAsync(Coordinator)).PutAsJsonAsync(url, read);

        await ProblemAsync(change, HttpStatusCode.Unauthorized);
        Assert.Null(change.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    [Fact]
    public async Task A_unit_change_keeps_to_versions_rules_and_the_editors_area()
    {
        var client = await app.CreateApiClientAsync(Coordinator);
        var url = $"/api/v1/units/{await UnitIdAsync("UA18060170000025398")}";
        var before = (await client.GetFromJsonAsync<JsonObject>(url))!;

        var changed = before.DeepClone().AsObject();
        changed["childPopulation"] = 12_345;
        var saved = await client.PutAsJsonAsync(url, changed);
        var after = (await saved.Content.ReadFromJsonAsync<JsonObject>())!;
        var stale = await client.PutAsJsonAsync(url, changed);
        var nameless = after.DeepClone().AsObject();
        nameless["name"] = "";
        var invalid = await client.PutAsJsonAsync(url, nameless);
        var lvivUnit = $"/api/v1/units/{await UnitIdAsync("UA46060250000032558")}";
        var outOfArea = await client.PutAsJsonAsync(lvivUnit, await (await app.CreateApiClientAsync(Administrator)).GetFromJsonAsync<JsonObject>(lvivUnit));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(12_345, (int)after["childPopulation"]!);
        Assert.NotEqual((string)before["version"]!, (string)after["version"]!);
        await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.True((await ProblemAsync(invalid, HttpStatusCode.BadRequest))["errors"]!.AsObject().ContainsKey("name"));
        await ProblemAsync(outOfArea, HttpStatusCode.Forbidden);
        Assert.Equal(12_345, (int)(await client.GetFromJsonAsync<JsonObject>(url))!["childPopulation"]!);
    }

    [Fact]
    public async Task Revoked_unknown_and_deactivated_peoples_tokens_get_401_and_use_is_recorded()
    {
        var revokedToken = await app.IssueApiTokenAsync(Coordinator);
        var deactivatedToken = await app.IssueApiTokenAsync("v.kravchuk@traininghub.example");
        var working = await app.IssueApiTokenAsync(Coordinator);
        var factory = app.Services.GetRequiredService<IDbContextFactory<AccountsDbContext>>();
        await using (var db = factory.CreateDbContext())
        {
            var hash = TrainingHub.Accounts.Services.ApiTokens.Hash(revokedToken);
            (await db.ApiTokens.SingleAsync(t => t.SecretHash == hash)).RevokedAtUtc = DateTime.UtcNow;
            (await db.Users.SingleAsync(u => u.Email == "v.kravchuk@traininghub.example")).IsActive = false;
            await db.SaveChangesAsync();
        }

        var answers = new Dictionary<string, HttpResponseMessage>();
        foreach (var (name, token) in new[] { ("revoked", revokedToken), ("deactivated", deactivatedToken), ("unknown", "thk_not-a-token"), ("working", working) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/units");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            answers[name] = await app.CreateBrowserLikeClient().SendAsync(request);
        }

        foreach (var name in new[] { "revoked", "deactivated", "unknown" })
        {
            await ProblemAsync(answers[name], HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", answers[name].Headers.WwwAuthenticate.Single().Scheme);
        }
        Assert.Equal(HttpStatusCode.OK, answers["working"].StatusCode);
        await using var check = factory.CreateDbContext();
        var workingHash = TrainingHub.Accounts.Services.ApiTokens.Hash(working);
        Assert.NotNull((await check.ApiTokens.SingleAsync(t => t.SecretHash == workingHash)).LastUsedAtUtc);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_API_endpoint_and_the_reference_page_opens()
    {
        var client = app.CreateBrowserLikeClient();

        var document = (await client.GetFromJsonAsync<JsonObject>("/api/v1/openapi.json"))!;
        var reference = await client.GetAsync("/api/reference/");

        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal) && !e.RoutePattern.RawText.EndsWith(".json", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m =>
                (Path: System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}"), Method: m.ToLowerInvariant())))
            .ToList();
        Assert.Contains(("/api/v1/units/{id}", "put"), mapped);
        Assert.Contains(("/api/v1/competency-frameworks/import", "post"), mapped);
        Assert.All(mapped, e => Assert.NotNull(document["paths"]![e.Path]?[e.Method]));
        Assert.Equal("bearer", (string)document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("api/v1/openapi.json", await reference.Content.ReadAsStringAsync());
    }
}

/// <summary>The API on PostgreSQL: tokens are stored and checked there, and the area rules hold.</summary>
public sealed class ApiOnPostgreSqlTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [Fact]
    public async Task A_coordinators_token_reads_their_area_on_PostgreSQL()
    {
        await using var app = new TrainingHubApp { Provider = DatabaseProvider.PostgreSql, ConnectionString = await server.CreateDatabaseAsync() };
        var client = await app.CreateApiClientAsync("coordinator@traininghub.example");

        var people = await client.GetFromJsonAsync<JsonObject>("/api/v1/people?search=мельник");
        var units = await client.GetFromJsonAsync<JsonObject>("/api/v1/units?search=коростен");
        var anonymous = await app.CreateBrowserLikeClient().GetAsync("/api/v1/people");

        Assert.Equal(["Олександр Мельник"], people!["items"]!.AsArray().Select(p => (string)p!["fullName"]!));
        Assert.Contains(units!["items"]!.AsArray(), u => (string)u!["katottgCode"]! == "UA18060170000025398");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
