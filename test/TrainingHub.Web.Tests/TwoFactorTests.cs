using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Domain;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>Two-factor sign-in over real HTTP: turning it on, the second sign-in step, recovery codes, and administrators' obligation.</summary>
public sealed partial class TwoFactorTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private const string SetUpPage = "/account/two-factor";

    [Fact]
    public async Task Two_factor_turns_on_only_with_a_valid_code_and_then_sign_in_asks_for_one()
    {
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "y.kovalenko@traininghub.example");
        var key = SharedKey(await client.GetStringAsync(SetUpPage));

        var wrong = await Post(client, SetUpPage, "enable", new() { ["Enable.Code"] = WrongCode(key) });
        var empty = await Post(client, SetUpPage, "enable", new() { ["Enable.Code"] = "" });
        Assert.Contains("Код неправильний.", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Введіть код.", await empty.Content.ReadAsStringAsync());
        Assert.False((await FindAsync("y.kovalenko@traininghub.example")).TwoFactorEnabled);

        var right = await (await Post(client, SetUpPage, "enable", new() { ["Enable.Code"] = await TrainingHubApp.UnusedAuthenticatorCodeAsync(key) })).Content.ReadAsStringAsync();

        Assert.Contains("Двофакторний вхід увімкнено.", right);
        Assert.Equal(10, RecoveryCodes(right).Count);
        Assert.True((await FindAsync("y.kovalenko@traininghub.example")).TwoFactorEnabled);
        var passwordOnly = await SignInWithPasswordAsync(app.CreateBrowserLikeClient(), "y.kovalenko@traininghub.example");
        Assert.Contains("/account/login-2fa", passwordOnly.Headers.Location!.OriginalString);
        var withCode = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(withCode, "y.kovalenko@traininghub.example", authenticatorKey: key);
        Assert.Equal(HttpStatusCode.OK, (await withCode.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_new_codes_replace_the_old_ones()
    {
        var key = await TurnOnAsync("r.boiko@traininghub.example");
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "r.boiko@traininghub.example", authenticatorKey: key);
        var codes = RecoveryCodes(await (await Post(client, SetUpPage + "?confirm=codes", "confirm", [])).Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Count);

        var first = await SignInWithRecoveryCodeAsync("r.boiko@traininghub.example", codes[0]);
        var again = await SignInWithRecoveryCodeAsync("r.boiko@traininghub.example", codes[0]);
        await Post(client, SetUpPage + "?confirm=codes", "confirm", []);
        var replaced = await SignInWithRecoveryCodeAsync("r.boiko@traininghub.example", codes[1]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/", Target(first));
        Assert.Contains("Цей код відновлення неправильний або вже використаний.", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_lockout()
    {
        var key = await TurnOnAsync("t.shevchuk@traininghub.example");
        var client = app.CreateBrowserLikeClient();
        var secondStep = (await SignInWithPasswordAsync(client, "t.shevchuk@traininghub.example")).Headers.Location!.OriginalString;

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await Post(client, secondStep, "login-2fa", new() { ["Input.Code"] = WrongCode(key) });
        }
        var right = await Post(client, secondStep, "login-2fa", new() { ["Input.Code"] = await TrainingHubApp.UnusedAuthenticatorCodeAsync(key) });

        Assert.Contains("Обліковий запис заблоковано на 15 хвилин.", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task After_the_code_only_a_local_return_address_is_followed_and_the_device_can_be_remembered()
    {
        var key = await TurnOnAsync("o.melnyk@traininghub.example");
        var client = app.CreateBrowserLikeClient();

        var local = await CompleteSignInAsync(client, "/account/login?ReturnUrl=%2Fpeople", key, rememberDevice: true);
        var foreign = await CompleteSignInAsync(app.CreateBrowserLikeClient(), "/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", key, rememberDevice: false);
        var rememberedDevice = await SignInWithPasswordAsync(client, "o.melnyk@traininghub.example");

        Assert.Equal("/people", Target(local));
        Assert.Equal("/", Target(foreign));
        Assert.Equal("/", Target(rememberedDevice));
    }

    [Fact]
    public async Task An_administrator_without_two_factor_reaches_nothing_but_its_set_up_until_it_is_on()
    {
        await app.CreateAdministratorAsync("second.admin@traininghub.example", "Друга Адміністраторка");
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "second.admin@traininghub.example");

        var refused = new List<string>();
        foreach (var path in SignedInPages().Append("/jobs"))
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.Redirect || Target(response) != SetUpPage)
            {
                refused.Add($"{path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(refused.Count == 0, "Open before two-factor sign-in is on:\n" + string.Join("\n", refused));
        var setUp = await client.GetStringAsync(SetUpPage);
        Assert.Contains("id=\"two-factor-required\"", setUp);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);

        await Post(client, SetUpPage, "enable", new() { ["Enable.Code"] = await TrainingHubApp.UnusedAuthenticatorCodeAsync(SharedKey(setUp)) });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/people")).StatusCode);
        var withoutPassword = await Post(client, SetUpPage + "?confirm=reset", "confirm", []);
        Assert.Contains("Введіть поточний пароль, щоб підтвердити, що це ви.", await withoutPassword.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/people")).StatusCode);
        await Post(client, SetUpPage + "?confirm=reset", "confirm", new() { ["Confirmed.CurrentPassword"] = TrainingHubApp.DemoPassword });
        Assert.Equal(SetUpPage, Target(await client.GetAsync("/")));
    }

    [Fact]
    public async Task Two_factor_is_optional_for_learners_but_administrators_cannot_turn_it_off()
    {
        var learner = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(learner, "learner@traininghub.example");
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync("/")).StatusCode);
        Assert.DoesNotContain("two-factor-required", await learner.GetStringAsync(SetUpPage));
        var key = await TurnOnAsync("learner@traininghub.example");
        await TrainingHubApp.SignInAsync(learner, "learner@traininghub.example", authenticatorKey: key);

        var wrongPassword = await Post(learner, SetUpPage + "?confirm=disable", "confirm", new() { ["Confirmed.CurrentPassword"] = "a-stolen-session" });
        var stillOn = (await FindAsync("learner@traininghub.example")).TwoFactorEnabled;
        var off = await Post(learner, SetUpPage + "?confirm=disable", "confirm", new() { ["Confirmed.CurrentPassword"] = TrainingHubApp.DemoPassword });
        var admin = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(admin, "admin@traininghub.example");
        var adminOff = await Post(admin, SetUpPage + "?confirm=disable", "confirm", new() { ["Confirmed.CurrentPassword"] = TrainingHubApp.DemoPassword });

        Assert.Contains("Поточний пароль неправильний.", await wrongPassword.Content.ReadAsStringAsync());
        Assert.True(stillOn);
        Assert.Contains("Двофакторний вхід вимкнено.", await off.Content.ReadAsStringAsync());
        Assert.Equal("/", Target(await SignInWithPasswordAsync(app.CreateBrowserLikeClient(), "learner@traininghub.example")));
        Assert.Contains("З вашими дозволами двофакторний вхід має залишатися ввімкненим.", await adminOff.Content.ReadAsStringAsync());
        Assert.True((await FindAsync("admin@traininghub.example")).TwoFactorEnabled);
        Assert.DoesNotContain("id=\"turn-off\"", await admin.GetStringAsync(SetUpPage));
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once()
    {
        var key = await TurnOnAsync("p.hnatiuk@traininghub.example");
        var code = await TrainingHubApp.UnusedAuthenticatorCodeAsync(key);

        var first = await SecondStepAsync("p.hnatiuk@traininghub.example", code);
        var replayed = await SecondStepAsync("p.hnatiuk@traininghub.example", code);

        Assert.Equal("/", Target(first));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Код неправильний.", await replayed.Content.ReadAsStringAsync());
        var next = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(next, "p.hnatiuk@traininghub.example", authenticatorKey: key);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Whoever_holds_an_administrative_permission_at_any_unit_must_use_two_factor_whatever_the_role_is_called()
    {
        using (var scope = app.Services.CreateScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<TrainingHub.Accounts.Services.RoleAdministration>();
            var db = scope.ServiceProvider.GetRequiredService<TrainingHub.Accounts.Data.AccountsDbContext>();
            var role = new ApplicationRole("Аудитор громади") { NormalizedName = "АУДИТОР ГРОМАДИ", ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(role);
            db.RoleClaims.Add(new IdentityRoleClaim<Guid>
            {
                RoleId = role.Id, ClaimType = TrainingHub.Accounts.Data.AccountsDbContext.PermissionClaimType, ClaimValue = TrainingHub.Audit.Contracts.AuditPermissions.View,
            });
            var person = (await FindAsync("s.savchuk@traininghub.example"))!;
            db.RoleAssignments.Add(new RoleAssignment { UserId = person.Id, RoleId = role.Id, UnitId = person.HomeUnitId });
            await db.SaveChangesAsync();
        }
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "s.savchuk@traininghub.example");

        Assert.Equal(SetUpPage, Target(await client.GetAsync("/audit")));
        Assert.Contains("id=\"two-factor-required\"", await client.GetStringAsync(SetUpPage));
        var learner = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(learner, "supervisor@traininghub.example");
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task In_Development_the_second_step_shows_the_demo_administrators_current_code()
    {
        var client = app.CreateBrowserLikeClient();
        var secondStep = (await SignInWithPasswordAsync(client, "admin@traininghub.example")).Headers.Location!.OriginalString;

        var page = await client.GetStringAsync(secondStep);

        Assert.Contains("id=\"demo-code\"", page);
        Assert.Contains("id=\"two-factor-expired\"", await app.CreateBrowserLikeClient().GetStringAsync(secondStep));
    }

    /// <summary>Where a redirect leads: the path within the app, or the whole address when it leads elsewhere.</summary>
    private static string Target(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true, Host: "localhost" } location ? location.PathAndQuery : response.Headers.Location!.OriginalString;

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string form, Dictionary<string, string> fields) =>
        TrainingHubApp.PostFormAsync(client, path, form, fields);

    private static Task<HttpResponseMessage> SignInWithPasswordAsync(HttpClient client, string email) =>
        Post(client, "/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = TrainingHubApp.DemoPassword });

    private async Task<HttpResponseMessage> CompleteSignInAsync(HttpClient client, string loginPath, string key, bool rememberDevice)
    {
        var secondStep = await Post(client, loginPath, "login", new() { ["Input.Email"] = "o.melnyk@traininghub.example", ["Input.Password"] = TrainingHubApp.DemoPassword });
        return await Post(client, secondStep.Headers.Location!.OriginalString, "login-2fa", new()
        {
            ["Input.Code"] = await TrainingHubApp.UnusedAuthenticatorCodeAsync(key), ["Input.RememberDevice"] = rememberDevice ? "true" : "false",
        });
    }

    private async Task<HttpResponseMessage> SecondStepAsync(string email, string code)
    {
        var client = app.CreateBrowserLikeClient();
        var secondStep = (await SignInWithPasswordAsync(client, email)).Headers.Location!.OriginalString;
        return await Post(client, secondStep, "login-2fa", new() { ["Input.Code"] = code });
    }

    private async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(string email, string code)
    {
        var client = app.CreateBrowserLikeClient();
        var secondStep = (await SignInWithPasswordAsync(client, email)).Headers.Location!.OriginalString;
        return await Post(client, secondStep.Replace("/account/login-2fa", "/account/login-recovery"), "login-recovery", new() { ["Input.Code"] = code });
    }

    /// <summary>Turns two-factor sign-in on directly, as if the person had set it up; returns their key.</summary>
    private async Task<string> TurnOnAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    private async Task<ApplicationUser> FindAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>Every page a signed-in person could open, other than the set-up page itself, with its parameters filled in.</summary>
    private IEnumerable<string> SignedInPages() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{Id:guid}", Guid.NewGuid().ToString()))
            .Where(path => path != SetUpPage)
            .Distinct();

    private static string SharedKey(string page) => SharedKeyElement().Match(page).Groups[1].Value.Replace(" ", "").ToUpperInvariant();

    private static List<string> RecoveryCodes(string page) => [.. RecoveryCodeElement().Matches(page).Select(m => m.Groups[1].Value)];

    /// <summary>A code the app does not show now (nor in the neighbouring half-minutes, all but certainly).</summary>
    private static string WrongCode(string key) =>
        ((int.Parse(TrainingHubApp.AuthenticatorCode(key)) + 500_000) % 1_000_000).ToString("D6");

    [GeneratedRegex("id=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKeyElement();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodeElement();
}
