using System.Text.RegularExpressions;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>An invitation link works for seven days on the app's clock and not a minute longer, on both databases.</summary>
public abstract partial class InvitationExpiryTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        var zhytomyrOblast = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18000000000045390"))!.Id;
        _host.User.Holding(
            new PermissionGrant(AccountPermissions.PeopleManage, zhytomyrOblast),
            new PermissionGrant(AccountPermissions.PeopleView, zhytomyrOblast),
            // Learners see units; whoever acts on them must hold what they hold.
            new PermissionGrant(OrganisationPermissions.UnitsView, zhytomyrOblast));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_link_works_on_the_seventh_day_and_not_after()
    {
        var city = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484"))!.Id;
        Guid id;
        using (var scope = _host.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<Invitations>().InviteAsync(
                new InvitationInput { Email = "late@example.org", FullName = "Запізніла Людина", UnitId = city })).Value;
        }
        string token;
        await using (var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext())
        {
            var body = (await db.Set<OutgoingMail>().SingleAsync(m => m.MessageType == Invitations.MessageType)).TextBody;
            token = HttpUtility.ParseQueryString(new Uri(LinkPattern().Match(body).Value).Query)["token"]!;
        }

        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        var onTheLastDay = await _host.Get<Invitations>().FindInviteeAsync(id, token);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var afterSevenDays = await _host.Get<Invitations>().FindInviteeAsync(id, token);
        var accepted = await _host.Get<Invitations>().AcceptAsync(id, token, "Too-late-password-1");

        Assert.Equal("Запізніла Людина", onTheLastDay);
        Assert.Null(afterSevenDays);
        Assert.Equal(["Invite:InvalidLink"], accepted.Select(e => e.Key));
    }

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class InvitationExpiryOnSqlite(SqliteServer server) : InvitationExpiryTests(server), IClassFixture<SqliteServer>;

public sealed class InvitationExpiryOnPostgreSql(PostgreSqlServer server) : InvitationExpiryTests(server), IClassFixture<PostgreSqlServer>;
