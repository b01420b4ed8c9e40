using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.TestKit;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>What the server answers to anonymous people and to each demo account, over real HTTP.</summary>
public sealed class SignInAndAccessTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    [Fact]
    public async Task The_health_endpoint_answers_without_signing_in()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/organisations")]
    [InlineData("/organisations/new")]
    public async Task Pages_send_anonymous_visitors_to_sign_in(string path)
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_sign_in_page_and_styles_load_without_signing_in_in_Ukrainian_by_default()
    {
        var client = app.CreateBrowserLikeClient();

        var page = await client.GetStringAsync("/account/login");
        var styles = await client.GetAsync("/app.css");

        Assert.Contains("<html lang=\"uk\"", page);
        Assert.Contains("Увійти", page);
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
    }

    [Fact]
    public async Task Choosing_English_is_remembered_in_a_cookie()
    {
        var client = app.CreateBrowserLikeClient();

        var choice = await client.GetAsync("/culture/set?culture=en-GB&redirectUri=%2Faccount%2Flogin");
        var page = await client.GetStringAsync("/account/login");

        Assert.Equal("/account/login", choice.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\"", page);
        Assert.Contains("Keep me signed in on this device", page);
    }

    [Fact]
    public async Task The_language_switch_only_returns_to_pages_of_this_site()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/culture/set?culture=en-GB&redirectUri=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task In_development_the_sign_in_page_lists_the_demo_accounts()
    {
        var page = await app.CreateBrowserLikeClient().GetStringAsync("/account/login");

        Assert.Contains("coordinator@traininghub.example", page);
        Assert.Contains(TrainingHubApp.DemoPassword, page);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var client = app.CreateBrowserLikeClient();

        var failure = await Record.ExceptionAsync(() => TrainingHubApp.SignInAsync(client, "mentor@traininghub.example", "not-the-password"));
        var home = await client.GetAsync("/");

        Assert.NotNull(failure);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_learner_is_refused_the_organisation_editor_by_the_server_but_may_browse()
    {
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "learner@traininghub.example");

        var editor = await client.GetAsync("/organisations/new");
        var import = await client.GetAsync("/organisations/import");
        var tree = await client.GetAsync("/organisations");

        Assert.Equal(HttpStatusCode.Redirect, editor.StatusCode);
        Assert.StartsWith("/account/access-denied", editor.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tree.StatusCode);
    }

    [Fact]
    public async Task The_people_list_opens_for_a_coordinator_but_not_for_a_learner()
    {
        var learner = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(learner, "learner@traininghub.example");
        var coordinator = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(coordinator, "coordinator@traininghub.example");

        var refused = await learner.GetAsync("/people");
        var list = await coordinator.GetAsync("/people");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("<h1", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_coordinator_cannot_open_the_profile_of_someone_in_another_oblast_by_its_address()
    {
        Guid lvivPerson, ownPerson;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            lvivPerson = (await users.FindByEmailAsync("i.lysenko@traininghub.example"))!.Id;
            ownPerson = (await users.FindByEmailAsync("o.melnyk@traininghub.example"))!.Id;
        }
        var coordinator = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(coordinator, "coordinator@traininghub.example");

        var other = await coordinator.GetStringAsync($"/people/{lvivPerson}");
        var own = await coordinator.GetStringAsync($"/people/{ownPerson}");

        Assert.Contains("У вас немає дозволу робити це тут.", other);
        Assert.DoesNotContain("Ірина Лисенко", other);
        Assert.DoesNotContain("i.lysenko@traininghub.example", other);
        Assert.Contains("Олександр Мельник", own);
    }

    [Fact]
    public async Task A_coordinator_opens_the_organisation_editor()
    {
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "coordinator@traininghub.example");

        var editor = await client.GetAsync("/organisations/new");

        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_the_form_token_and_ends_the_session()
    {
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "supervisor@traininghub.example");

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        var stillIn = await client.GetAsync("/organisations");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }
}

/// <summary>A deployment never shows demo passwords.</summary>
public sealed class ProductionSignInTests : IAsyncLifetime
{
    private readonly TrainingHubApp _app = new() { Environment = "Production" };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_sign_in_page_lists_no_demo_accounts_in_production()
    {
        var page = await _app.CreateBrowserLikeClient().GetStringAsync("/account/login");

        Assert.Contains("Увійти", page);
        Assert.DoesNotContain("coordinator@traininghub.example", page);
        Assert.DoesNotContain(TrainingHubApp.DemoPassword, page);
    }
}

/// <summary>The same app on PostgreSQL: migrations apply at start-up and the demo accounts can sign in.</summary>
public sealed class PostgreSqlStartTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [Fact]
    public async Task The_app_starts_on_PostgreSQL_and_a_demo_coordinator_signs_in()
    {
        await using var app = new TrainingHubApp { Provider = DatabaseProvider.PostgreSql, ConnectionString = await server.CreateDatabaseAsync() };
        var client = app.CreateBrowserLikeClient();

        var health = await client.GetAsync("/health");
        await TrainingHubApp.SignInAsync(client, "coordinator@traininghub.example");
        var tree = await client.GetStringAsync("/organisations");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Житомирська область", tree);
    }
}
