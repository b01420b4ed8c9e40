using System.Text.RegularExpressions;
using System.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>Inviting people: no self-registration, a single-use link in the invitee's language, within one's area only.</summary>
public abstract partial class InvitationTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private Guid _zhytomyrCity;
    private Guid _lvivCity;

    public ValueTask InitializeAsync() => StartAsync();

    private async ValueTask StartAsync(params (string Key, string Value)[] settings)
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?>(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))) { ["DemoData:Enabled"] = "true" });
        var units = _host.Get<IOrganisationDirectory>();
        var zhytomyrOblast = (await units.FindByKatottgAsync("UA18000000000045390"))!.Id;
        _zhytomyrCity = (await units.FindByKatottgAsync("UA18040470000082484"))!.Id;
        _lvivCity = (await units.FindByKatottgAsync("UA46060250000032558"))!.Id;
        _host.User.Holding(
            new PermissionGrant(AccountPermissions.PeopleManage, zhytomyrOblast),
            new PermissionGrant(AccountPermissions.PeopleView, zhytomyrOblast),
            // Learners see units; whoever acts on them must hold what they hold.
            new PermissionGrant(OrganisationPermissions.UnitsView, zhytomyrOblast));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private InvitationInput Input(string email, Guid unit, string culture = Cultures.English, string role = BuiltInRoles.Learner) =>
        new() { Email = email, FullName = "Марта Нова", UnitId = unit, Role = role, PreferredCulture = culture };

    private async Task<Result<Guid>> InviteAsync(InvitationInput input)
    {
        using var scope = _host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Invitations>().InviteAsync(input);
    }

    private async Task<List<OutgoingMail>> OutboxAsync()
    {
        await using var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext();
        return await db.Set<OutgoingMail>().AsNoTracking().Where(m => m.MessageType == Invitations.MessageType).ToListAsync();
    }

    [Fact]
    public async Task An_invitation_creates_the_person_in_the_unit_with_the_role_and_a_message_in_their_language()
    {
        var invited = await InviteAsync(Input("marta@traininghub.example", _zhytomyrCity));

        var profile = (await _host.Get<PeopleDirectory>().GetAsync(invited.Value)).Value;
        Assert.Equal("Марта Нова", profile.FullName);
        Assert.Equal([(BuiltInRoles.Learner, "Житомирська міська громада")], profile.Roles.Select(r => (r.Role, r.Unit)));
        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal("marta@traininghub.example", mail.ToAddress);
        Assert.Equal("You are invited to TrainingHub", mail.Subject);
        Assert.Contains("https://traininghub.example/account/accept-invitation?userId=", mail.TextBody);
        Assert.Contains("Set my password", mail.HtmlBody);
    }

    [Fact]
    public async Task The_link_sets_a_password_once_and_the_person_can_then_sign_in()
    {
        var id = (await InviteAsync(Input("marta@traininghub.example", _zhytomyrCity, Cultures.Ukrainian))).Value;
        var link = new Uri(LinkPattern().Match((await OutboxAsync()).Single().TextBody).Value);
        var token = HttpUtility.ParseQueryString(link.Query)["token"]!;
        using var scope = _host.Services.CreateScope();
        var invitations = scope.ServiceProvider.GetRequiredService<Invitations>();

        Assert.Equal("Марта Нова", await invitations.FindInviteeAsync(id, token));
        var weak = await invitations.AcceptAsync(id, token, "password");
        var accepted = await invitations.AcceptAsync(id, token, "Marta-password-1");
        var reused = await invitations.AcceptAsync(id, token, "Another-password-2");

        Assert.NotEmpty(weak);
        Assert.Empty(accepted);
        Assert.Equal(["Invite:InvalidLink"], reused.Select(e => e.Key));
        Assert.Null(await invitations.FindInviteeAsync(id, token));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var person = (await users.FindByIdAsync(id.ToString()))!;
        Assert.True(person.EmailConfirmed);
        Assert.True(await users.CheckPasswordAsync(person, "Marta-password-1"));
    }

    [Fact]
    public async Task A_tampered_link_is_refused()
    {
        var id = (await InviteAsync(Input("marta@traininghub.example", _zhytomyrCity))).Value;
        using var scope = _host.Services.CreateScope();

        var result = await scope.ServiceProvider.GetRequiredService<Invitations>().AcceptAsync(id, "bm90LWEtdG9rZW4", "Marta-password-1");

        Assert.Equal(["Invite:InvalidLink"], result.Select(e => e.Key));
    }

    [Fact]
    public async Task A_coordinator_cannot_invite_into_another_oblast_or_make_an_administrator()
    {
        var elsewhere = await InviteAsync(Input("marta@traininghub.example", _lvivCity));
        var administrator = await InviteAsync(Input("boss@traininghub.example", _zhytomyrCity, role: BuiltInRoles.Administrator));

        Assert.Equal(ErrorKind.Forbidden, elsewhere.Error!.Kind);
        // Administrators hold permissions the coordinator lacks, so the role is not offered nor given.
        Assert.Equal("Invite:Error:RoleNotGrantable", administrator.Error!.ErrorFor("Role"));
        Assert.Empty(await OutboxAsync());
        using var scope = _host.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("marta@traininghub.example"));
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_is_refused_with_a_reason()
    {
        var result = await InviteAsync(Input("learner@traininghub.example", _zhytomyrCity));

        Assert.Equal("Invite:Error:EmailTaken", result.Error!.ErrorFor(nameof(InvitationInput.Email)));
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task Past_the_limit_an_invitation_is_refused_as_too_many_and_nobody_is_created_or_mailed()
    {
        await _host.DisposeAsync();
        await StartAsync(("RateLimits:Invitations:PermitLimit", "2"));

        var first = await InviteAsync(Input("marta@traininghub.example", _zhytomyrCity));
        var second = await InviteAsync(Input("petro@traininghub.example", _zhytomyrCity));
        var third = await InviteAsync(Input("roman@traininghub.example", _zhytomyrCity));
        using var scope = _host.Services.CreateScope();

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal((ErrorKind.TooManyRequests, "Error:TooManyRequests"), (third.Error!.Kind, third.Error.Key));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("roman@traininghub.example"));
        Assert.Equal(["marta@traininghub.example", "petro@traininghub.example"], (await OutboxAsync()).Select(m => m.ToAddress).Order());
    }

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class InvitationOnSqlite(SqliteServer server) : InvitationTests(server), IClassFixture<SqliteServer>;

public sealed class InvitationOnPostgreSql(PostgreSqlServer server) : InvitationTests(server), IClassFixture<PostgreSqlServer>;
