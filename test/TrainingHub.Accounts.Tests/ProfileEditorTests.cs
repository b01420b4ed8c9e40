using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>Coordinators change the profiles of people in their area, and only there, on both databases.</summary>
public abstract class ProfileEditorTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private OrganisationUnitSummary _zhytomyrOblast = null!;
    private OrganisationUnitSummary _korosten = null!;
    private OrganisationUnitSummary _lvivOblast = null!;

    public async ValueTask InitializeAsync()
    {
        (_host, _zhytomyrOblast, _korosten, _lvivOblast) = await DemoAccountsHost.StartAsync(server);
        _host.User.Holding(
            new PermissionGrant(AccountPermissions.PeopleView, _zhytomyrOblast.Id),
            new PermissionGrant(AccountPermissions.PeopleManage, _zhytomyrOblast.Id),
            // Learners see units; whoever acts on them must hold what they hold.
            new PermissionGrant(OrganisationPermissions.UnitsView, _zhytomyrOblast.Id));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<Guid> PersonIdAsync(string name) =>
        (await _host.Get<PeopleDirectory>().SearchAsync(new PeopleQuery(name), new PageRequest())).Value.Items.Single().Id;

    [Fact]
    public async Task A_coordinator_moves_a_person_within_their_oblast_and_the_profile_shows_it()
    {
        var id = await PersonIdAsync("Оксана Волонтерка");
        var editor = _host.Get<ProfileEditor>();
        var profile = (await editor.GetAsync(id)).Value;
        profile.Input.FullNameLatin = "Oksana Volonterka";
        profile.Input.Phone = "+380 67 123 4567";
        profile.Input.HomeUnitId = _korosten.Id;
        profile.Input.StartDate = new DateTime(2025, 3, 1);

        var saved = await editor.SaveAsync(id, profile.Input, profile.Version);
        var shown = (await _host.Get<PeopleDirectory>().GetAsync(id)).Value;

        Assert.True(saved.Succeeded, saved.Error?.ToString());
        Assert.Equal(("Oksana Volonterka", "+380 67 123 4567", _korosten.Id, new DateOnly(2025, 3, 1)),
            (shown.FullNameLatin, shown.Phone, shown.HomeUnit!.Id, shown.StartDate!.Value));
    }

    [Fact]
    public async Task Bad_input_is_explained_field_by_field_and_nothing_is_saved()
    {
        var id = await PersonIdAsync("Оксана Волонтерка");
        var editor = _host.Get<ProfileEditor>();
        var profile = (await editor.GetAsync(id)).Value;
        var input = new ProfileInput
        {
            FullName = " ", FullNameLatin = "Оксана", Phone = "call me", HomeUnitId = _lvivOblast.Id,
            PositionTypeId = Guid.NewGuid(), StartDate = DateTime.UtcNow.AddYears(3), PreferredCulture = "de-DE",
        };

        var result = await editor.SaveAsync(id, input, profile.Version);
        var unchanged = (await editor.GetAsync(id)).Value;

        Assert.Equal(
            ["FullName", "FullNameLatin", "HomeUnitId", "Phone", "PositionTypeId", "PreferredCulture", "StartDate"],
            result.Error!.Fields.Select(f => f.Field).Order());
        Assert.Equal("Оксана Волонтерка", unchanged.Input.FullName);
        Assert.Equal(profile.Version, unchanged.Version);
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_people_out_of_area_cannot_be_opened_or_changed()
    {
        var id = await PersonIdAsync("Оксана Волонтерка");
        var editor = _host.Get<ProfileEditor>();
        var first = (await editor.GetAsync(id)).Value;
        var second = (await editor.GetAsync(id)).Value;
        first.Input.Phone = "+380 50 000 0001";
        Assert.True((await editor.SaveAsync(id, first.Input, first.Version)).Succeeded);
        second.Input.Phone = "+380 50 000 0002";

        var stale = await editor.SaveAsync(id, second.Input, second.Version);
        _host.User.Holding(
            new PermissionGrant(AccountPermissions.PeopleView, null), new PermissionGrant(AccountPermissions.PeopleManage, null),
            new PermissionGrant(OrganisationPermissions.UnitsView, null));
        var lvivPerson = await PersonIdAsync("Ірина Лисенко");
        var lvivProfile = (await editor.GetAsync(lvivPerson)).Value;
        _host.User.Holding(
            new PermissionGrant(AccountPermissions.PeopleView, _zhytomyrOblast.Id),
            new PermissionGrant(AccountPermissions.PeopleManage, _zhytomyrOblast.Id),
            // Learners see units; whoever acts on them must hold what they hold.
            new PermissionGrant(OrganisationPermissions.UnitsView, _zhytomyrOblast.Id));
        var outOfArea = await _host.Get<ProfileEditor>().SaveAsync(lvivPerson, lvivProfile.Input, lvivProfile.Version);
        var openOutOfArea = await _host.Get<ProfileEditor>().GetAsync(lvivPerson);

        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, outOfArea.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, openOutOfArea.Error!.Kind);
    }
}

public sealed class ProfileEditorOnSqlite(SqliteServer server) : ProfileEditorTests(server), IClassFixture<SqliteServer>;

public sealed class ProfileEditorOnPostgreSql(PostgreSqlServer server) : ProfileEditorTests(server), IClassFixture<PostgreSqlServer>;
