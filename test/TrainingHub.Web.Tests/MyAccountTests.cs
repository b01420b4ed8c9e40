using System.Net;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>A person's own account: password change and signing out on every device.</summary>
public sealed class MyAccountTests : IAsyncLifetime
{
    // Sessions are checked on every request here, so that the effect of signing out everywhere shows at once.
    private readonly TrainingHubApp _app = new() { Settings = new Dictionary<string, string> { ["Accounts:SessionCheckSeconds"] = "0" } };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Signing_out_everywhere_ends_the_sessions_on_other_devices_too()
    {
        var phone = _app.CreateBrowserLikeClient();
        var laptop = _app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(phone, "n.tkachenko@traininghub.example");
        await TrainingHubApp.SignInAsync(laptop, "n.tkachenko@traininghub.example");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/")).StatusCode);

        var signedOut = await TrainingHubApp.PostFormAsync(laptop, "/account/manage", "everywhere", []);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var phoneAfter = await phone.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
        Assert.Contains("/account/login", phoneAfter.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_new_password_needs_the_current_one_and_then_replaces_it()
    {
        var client = _app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "r.boiko@traininghub.example");

        var wrong = await TrainingHubApp.PostFormAsync(client, "/account/manage", "password", new()
        {
            ["Password.Current"] = "not-my-password", ["Password.Next"] = "Roman-new-pass-1", ["Password.Confirm"] = "Roman-new-pass-1",
        });
        var right = await TrainingHubApp.PostFormAsync(client, "/account/manage", "password", new()
        {
            ["Password.Current"] = TrainingHubApp.DemoPassword, ["Password.Next"] = "Roman-new-pass-1", ["Password.Confirm"] = "Roman-new-pass-1",
        });

        Assert.Contains("Поточний пароль неправильний.", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Пароль змінено.", await right.Content.ReadAsStringAsync());
        await TrainingHubApp.SignInAsync(_app.CreateBrowserLikeClient(), "r.boiko@traininghub.example", "Roman-new-pass-1");
        var old = await Record.ExceptionAsync(() => TrainingHubApp.SignInAsync(_app.CreateBrowserLikeClient(), "r.boiko@traininghub.example"));
        Assert.NotNull(old);
    }
}

/// <summary>A sign-in lasts 12 hours without activity and 7 days in all, however busy the person is.</summary>
public sealed class SessionLifetimeTests : IAsyncLifetime
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly TrainingHubApp _app;

    public SessionLifetimeTests() => _app = new TrainingHubApp { Clock = _clock };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Twelve_hours_away_ends_the_sign_in()
    {
        var client = _app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "learner@traininghub.example");
        _clock.Advance(TimeSpan.FromHours(11));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        _clock.Advance(TimeSpan.FromHours(12.5));

        Assert.Contains("/account/login", (await client.GetAsync("/")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Seven_days_end_the_sign_in_even_of_someone_who_works_every_day()
    {
        var client = _app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "supervisor@traininghub.example");
        // Back every ten hours, for six days and sixteen hours.
        for (var visit = 1; visit <= 16; visit++)
        {
            _clock.Advance(TimeSpan.FromHours(10));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }

        _clock.Advance(TimeSpan.FromHours(10));

        Assert.Contains("/account/login", (await client.GetAsync("/")).Headers.Location?.OriginalString);
    }
}
