using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Organisations.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>Inviting many people from a CSV file: checked line by line, then all sent or none, on both databases.</summary>
public abstract class BulkInvitationTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string Header = "email,full_name,unit,role,position,language\n";
    private ModuleTestHost _host = null!;

    public ValueTask InitializeAsync() => StartAsync();

    private async ValueTask StartAsync(params (string Key, string Value)[] settings)
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?>(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))) { ["DemoData:Enabled"] = "true" });
        var zhytomyrOblast = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18000000000045390"))!.Id;
        _host.User.Holding(
            new PermissionGrant(AccountPermissions.PeopleManage, zhytomyrOblast),
            new PermissionGrant(AccountPermissions.PeopleView, zhytomyrOblast),
            // Learners see units; whoever acts on them must hold what they hold.
            new PermissionGrant(OrganisationPermissions.UnitsView, zhytomyrOblast));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<BulkInvitationPreview> PreviewAsync(string csv, Encoding? encoding = null)
    {
        using var scope = _host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BulkInvitations>().PreviewAsync((encoding ?? Encoding.UTF8).GetBytes(csv));
    }

    private async Task<Result<int>> InviteAsync(string csv)
    {
        using var scope = _host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BulkInvitations>().InviteAsync(Encoding.UTF8.GetBytes(csv));
    }

    private async Task<(int People, int Mails)> CountAsync()
    {
        await using var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext();
        return (await db.Users.CountAsync(), await db.Set<OutgoingMail>().CountAsync());
    }

    [Fact]
    public async Task A_good_file_invites_everyone_with_their_unit_role_position_and_language()
    {
        var csv = Header
            + "olena.p@example.org,Олена Петренко,UA18040470000082484,Learner,volunteer,uk\n"
            + "\"ivan.k@example.org\",\"Коваль, Іван\",Коростенська міська громада,mentor,Social worker,en\n";
        var before = await CountAsync();

        var preview = await PreviewAsync(csv);
        var result = await InviteAsync(csv);
        var after = await CountAsync();
        var ivan = (await _host.Get<PeopleDirectory>().SearchAsync(new PeopleQuery("Коваль"), new PageRequest())).Value.Items.Single();
        var profile = (await _host.Get<PeopleDirectory>().GetAsync(ivan.Id)).Value;

        Assert.True(preview.CanInvite, string.Join("; ", preview.Rows.SelectMany(r => r.Errors)));
        Assert.Equal(2, result.Value);
        Assert.Equal((before.People + 2, before.Mails + 2), after);
        Assert.Equal(("Коваль, Іван", "Коростенська міська громада", "Соціальний працівник"), (profile.FullName, profile.HomeUnit!.Name, profile.Position));
        Assert.Equal("en-GB", profile.PreferredCulture);
        Assert.Equal([(BuiltInRoles.Mentor, "Коростенська міська громада")], profile.Roles.Select(r => (r.Role, r.Unit)));
    }

    [Fact]
    public async Task A_file_with_more_people_than_the_invitations_left_this_hour_invites_nobody()
    {
        await _host.DisposeAsync();
        await StartAsync(("RateLimits:Invitations:PermitLimit", "2"));
        var csv = Header
            + "olena.p@example.org,Олена Петренко,UA18040470000082484,Learner,,\n"
            + "ivan.k@example.org,Іван Коваль,UA18040470000082484,Learner,,\n"
            + "oksana.m@example.org,Оксана Мельник,UA18040470000082484,Learner,,\n";
        var before = await CountAsync();

        var result = await InviteAsync(csv);

        Assert.Equal(ErrorKind.TooManyRequests, result.Error!.Kind);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Past_the_hourly_number_of_imports_a_file_is_refused_as_too_many()
    {
        await _host.DisposeAsync();
        await StartAsync(("RateLimits:Imports:PermitLimit", "1"));
        var first = Header + "olena.p@example.org,Олена Петренко,UA18040470000082484,Learner,,\n";
        var second = Header + "ivan.k@example.org,Іван Коваль,UA18040470000082484,Learner,,\n";

        var allowed = await InviteAsync(first);
        var before = await CountAsync();
        var refused = await InviteAsync(second);

        Assert.Equal(1, allowed.Value);
        Assert.Equal(ErrorKind.TooManyRequests, refused.Error!.Kind);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Every_bad_line_is_reported_with_its_number_and_nobody_is_invited()
    {
        var csv = Header
            + "good@example.org,Добра Людина,UA18040470000082484,Learner,,\n"
            + "not-an-address,Хтось,UA18040470000082484,Learner,,\n"
            + "good@example.org,Двійник,UA18040470000082484,Learner,,\n"
            + "lviv@example.org,Львів'янка,UA46060250000032558,Learner,,\n"
            + "boss@example.org,Начальник,UA18040470000082484,Administrator,,\n"
            + "who@example.org,,Нема такої громади,Wizard,astronaut,fr\n"
            + "coordinator@traininghub.example,Вже є,UA18040470000082484,Learner,,\n"
            + "short@example.org,Замало\n";
        var before = await CountAsync();

        var preview = await PreviewAsync(csv);
        var result = await InviteAsync(csv);

        Assert.False(preview.CanInvite);
        var errorsByLine = preview.Rows.ToDictionary(r => r.Line, r => r.Errors.Select(e => e.Key).ToList());
        Assert.Empty(errorsByLine[2]);
        Assert.Contains("Invite:Error:EmailInvalid", errorsByLine[3]);
        Assert.Contains("BulkInvite:Error:EmailRepeated", errorsByLine[4]);
        Assert.Contains("BulkInvite:Error:UnitNotFound", errorsByLine[5]);
        Assert.Contains("BulkInvite:Error:RoleNotGrantable", errorsByLine[6]);
        Assert.Equal(
            ["BulkInvite:Error:UnitNotFound", "BulkInvite:Error:UnknownPosition", "BulkInvite:Error:UnknownRole", "Invite:Error:Language", "Invite:Error:NameRequired"],
            errorsByLine[7].Order());
        Assert.Contains("Invite:Error:EmailTaken", errorsByLine[8]);
        Assert.Contains("BulkInvite:Error:ColumnCount", errorsByLine[9]);
        Assert.Equal("BulkInvite:Error:FileHasErrors", result.Error!.Key);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("", "BulkInvite:Error:Empty")]
    [InlineData("email,full_name,unit,role,position,language\n", "BulkInvite:Error:Empty")]
    [InlineData("mail,name\nx@example.org,X\n", "BulkInvite:Error:Header")]
    public async Task Files_that_are_not_invitation_lists_get_one_clear_message(string csv, string expected)
    {
        var preview = await PreviewAsync(csv);

        Assert.Equal(expected, Assert.Single(preview.FileErrors).Key);
        Assert.False(preview.CanInvite);
    }

    [Fact]
    public async Task A_file_not_in_utf8_and_a_semicolon_file_with_a_byte_order_mark_are_told_apart()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1251 = await PreviewAsync(Header + "a@example.org,Олена,UA18040470000082484,Learner,,\n", Encoding.GetEncoding(1251));
        var semicolons = await PreviewAsync(
            "\uFEFF" + Header.Replace(',', ';') + "a@example.org;Олена;UA18040470000082484;Learner;;\n");

        Assert.Equal("BulkInvite:Error:NotUtf8", Assert.Single(windows1251.FileErrors).Key);
        Assert.True(semicolons.CanInvite);
    }

    [Fact]
    public async Task Someone_without_the_right_to_invite_is_refused()
    {
        _host.User.Holding(new PermissionGrant(AccountPermissions.PeopleView, null));

        var preview = await PreviewAsync(Header + "a@example.org,Олена,UA18040470000082484,Learner,,\n");

        Assert.Equal("Error:Forbidden", Assert.Single(preview.FileErrors).Key);
    }
}

public sealed class BulkInvitationsOnSqlite(SqliteServer server) : BulkInvitationTests(server), IClassFixture<SqliteServer>;

public sealed class BulkInvitationsOnPostgreSql(PostgreSqlServer server) : BulkInvitationTests(server), IClassFixture<PostgreSqlServer>;
