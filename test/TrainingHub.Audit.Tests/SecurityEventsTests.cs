using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Audit.Contracts;
using TrainingHub.Audit.Home;
using TrainingHub.Audit.Services;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Audit.Tests;

/// <summary>
/// What the home page counts as the week's security events, from what Accounts really records, on both databases, and the
/// administrator's part that shows them.
/// </summary>
public abstract class SecurityEventsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new AuditModule(), new OrganisationsModule(), new AccountsModule()],
            replace: services => services.AddSingleton<TimeProvider>(_clock));
        ActAsAdministrator();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private TestUser ActAsAdministrator() => _host.User.Holding(
        new PermissionGrant(OrganisationPermissions.UnitsView, null),
        new PermissionGrant(OrganisationPermissions.UnitsEdit, null),
        new PermissionGrant(AuditPermissions.View, null));

    private Task FailedSignInAsync(string summary, Guid? unitId = null) =>
        _host.Get<IAuditTrail>().RecordAsync(new AuditEvent(AuditActions.SignInFailed)
        {
            Actor = new AuditActor(Guid.NewGuid(), "Олена Петренко"), Module = "Accounts", EntityType = "ApplicationUser", UnitId = unitId, Summary = summary,
        });

    private async Task<Page<AuditRow>> WeekAsync() =>
        (await _host.Get<AuditLog>().SecurityEventsAsync(7, 10)).Value;

    [Fact]
    public async Task The_weeks_failed_sign_ins_lock_outs_and_changes_to_permissions_two_factor_and_api_tokens_count_and_other_entries_do_not()
    {
        var users = _host.Get<UserManager<ApplicationUser>>();
        var person = new ApplicationUser { UserName = "olena@example.org", Email = "olena@example.org", FullName = "Олена Петренко" };
        Assert.True((await users.CreateAsync(person, "First-secret-2026")).Succeeded);
        await FailedSignInAsync("olena@example.org: wrong password");
        _clock.Advance(TimeSpan.FromDays(8));

        await FailedSignInAsync("olena@example.org: wrong password");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await FailedSignInAsync("olena@example.org: locked out");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _host.Get<IAuditTrail>().RecordAsync(new AuditEvent(AuditActions.PermissionsChanged) { Module = "Accounts", Summary = "role Supervisor given" });
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await users.SetTwoFactorEnabledAsync(person, true)).Succeeded);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext())
        {
            db.ApiTokens.Add(new ApiToken { UserId = person.Id, Name = "Звіт щомісяця", SecretHash = new string('a', 64), ExpiresAtUtc = _clock.GetUtcNow().UtcDateTime.AddDays(30) });
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromMinutes(1));
        person.FullName = "Олена Петренко-Коваль";
        Assert.True((await users.UpdateAsync(person)).Succeeded);
        await _host.Get<OrganisationTree>().CreateAsync(new UnitInput { Type = UnitType.Oblast, Name = "Волинська область" });

        var week = await WeekAsync();

        Assert.Equal(
            [SecurityEventKind.ApiTokenChanged, SecurityEventKind.TwoFactorChanged, SecurityEventKind.PermissionsChanged, SecurityEventKind.LockedOut, SecurityEventKind.SignInFailed],
            week.Items.Select(SecurityEvents.KindOf));
        Assert.Equal(5, week.TotalCount);
    }

    [Fact]
    public async Task A_reader_of_one_oblasts_trail_counts_only_its_events_and_someone_without_the_trail_is_refused()
    {
        var tree = _host.Get<OrganisationTree>();
        var volyn = (await tree.CreateAsync(new UnitInput { Type = UnitType.Oblast, Name = "Волинська область" })).Value;
        var rivne = (await tree.CreateAsync(new UnitInput { Type = UnitType.Oblast, Name = "Рівненська область" })).Value;
        await FailedSignInAsync("volyn@example.org: wrong password", volyn);
        await FailedSignInAsync("rivne@example.org: wrong password", rivne);

        _host.User.Holding(new PermissionGrant(AuditPermissions.View, volyn));
        var inVolyn = await WeekAsync();
        _host.User.Holding(new PermissionGrant(OrganisationPermissions.UnitsEdit, null));
        var refused = await _host.Get<AuditLog>().SecurityEventsAsync(7, 10);

        Assert.Equal(["volyn@example.org: wrong password"], inVolyn.Items.Select(r => r.Summary));
        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
    }
}

public sealed class SecurityEventsOnSqlite(SqliteServer server) : SecurityEventsTests(server), IClassFixture<SqliteServer>;

public sealed class SecurityEventsOnPostgreSql(PostgreSqlServer server) : SecurityEventsTests(server), IClassFixture<PostgreSqlServer>;

/// <summary>The administrator's home page part of security events, rendered with bUnit over a real trail in SQLite, in English.</summary>
public sealed class RecentSecurityEventsPartTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(_server, [new AuditModule(), new OrganisationsModule()]);
        _host.User.Holding(new PermissionGrant(OrganisationPermissions.UnitsEdit, null), new PermissionGrant(AuditPermissions.View, null));
        _pages = new PageRenderer(_host) { Culture = Cultures.English };
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    private Task FailedSignInAsync(string name, string summary, Guid? unitId = null) =>
        _pages.Get<IAuditTrail>().RecordAsync(new AuditEvent(AuditActions.SignInFailed)
        {
            Actor = new AuditActor(Guid.NewGuid(), name), Module = "Accounts", EntityType = "ApplicationUser", UnitId = unitId, Summary = summary,
        });

    [Fact]
    public async Task The_part_counts_the_weeks_events_and_each_leads_to_the_trail_filtered_to_its_kind_and_person()
    {
        await FailedSignInAsync("Olena Petrenko", "olena@example.org: locked out");
        await _pages.Get<IAuditTrail>().RecordAsync(new AuditEvent(AuditActions.PermissionsChanged) { Module = "Accounts", Summary = "role Supervisor given" });

        var part = _pages.Render<RecentSecurityEventsPart>();

        part.WaitForAssertion(() => Assert.Equal(2, part.FindAll(".th-security-event").Count));
        Assert.Equal("2", part.Find("#home-audit-security .mud-chip").TextContent.Trim());
        var events = part.FindAll(".th-security-event");
        Assert.Contains("Permissions changed · test@traininghub.example", events[0].TextContent);
        Assert.Contains("role Supervisor given", events[0].TextContent);
        Assert.Contains("Lock-out · Olena Petrenko", events[1].TextContent);
        Assert.Equal("audit?action=sign-in-failed&person=Olena%20Petrenko", events[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("audit", part.Find("#home-audit-security-all").GetAttribute("href"));
    }

    [Fact]
    public void A_quiet_week_says_what_was_looked_for()
    {
        var part = _pages.Render<RecentSecurityEventsPart>();

        part.WaitForAssertion(() => Assert.StartsWith("No failed sign-ins, lock-outs", part.Find("#home-audit-security-none").TextContent.Trim()));
    }

    [Fact]
    public async Task A_reader_of_one_oblast_sees_only_its_events_and_a_person_without_the_trail_sees_no_part()
    {
        var tree = _pages.Get<OrganisationTree>();
        var volyn = (await tree.CreateAsync(new UnitInput { Type = UnitType.Oblast, Name = "Volyn Oblast" })).Value;
        var rivne = (await tree.CreateAsync(new UnitInput { Type = UnitType.Oblast, Name = "Rivne Oblast" })).Value;
        await FailedSignInAsync("Olena Petrenko", "olena@example.org: wrong password", volyn);
        await FailedSignInAsync("Taras Bondar", "taras@example.org: wrong password", rivne);
        _host.User.Holding(new PermissionGrant(AuditPermissions.View, volyn));

        var part = _pages.Render<RecentSecurityEventsPart>();

        part.WaitForAssertion(() => Assert.Contains("Olena Petrenko", part.Find(".th-security-event").TextContent));
        Assert.DoesNotContain("Taras Bondar", part.Markup);

        _host.User.Holding(new PermissionGrant(OrganisationPermissions.UnitsEdit, null));
        Assert.Empty(_pages.Render<RecentSecurityEventsPart>().Markup.Trim());
    }

    [Fact]
    public async Task The_audit_page_opens_filtered_as_the_part_links_to_it()
    {
        await FailedSignInAsync("Olena Petrenko", "olena@example.org: wrong password");
        await FailedSignInAsync("Taras Bondar", "taras@example.org: wrong password");
        _pages.RenderProviders();
        _pages.Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>()
            .NavigateTo("audit?action=sign-in-failed&person=Olena%20Petrenko");

        var page = _pages.Render<Pages.AuditPage>();

        page.WaitForAssertion(() => Assert.Contains("olena@example.org: wrong password", page.Markup));
        Assert.DoesNotContain("taras@example.org", page.Markup);
    }
}
