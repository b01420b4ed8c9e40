using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Data;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>The people list and profiles, limited to the reader's area, over the demo data on both databases.</summary>
public abstract class PeopleDirectoryTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private OrganisationUnitSummary _zhytomyrOblast = null!;
    private OrganisationUnitSummary _korosten = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        var units = _host.Get<IOrganisationDirectory>();
        _zhytomyrOblast = (await units.FindByKatottgAsync("UA18000000000045390"))!;
        _korosten = (await units.FindByKatottgAsync("UA18060170000025398"))!;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private PeopleDirectory AsCoordinatorOfZhytomyr()
    {
        _host.User.Holding(new PermissionGrant(AccountPermissions.PeopleView, _zhytomyrOblast.Id));
        return _host.Get<PeopleDirectory>();
    }

    private async Task<IReadOnlyList<PersonRow>> AllAsync(PeopleDirectory people, PeopleQuery query) =>
        (await people.SearchAsync(query, new PageRequest(0, 100))).Value.Items;

    [Fact]
    public async Task A_coordinator_sees_the_people_of_their_oblast_and_nobody_else()
    {
        var people = AsCoordinatorOfZhytomyr();

        var visible = await AllAsync(people, new PeopleQuery());

        Assert.Contains(visible, p => p.FullName == "Олександр Мельник" && p.HomeUnit == "Коростенська міська громада");
        Assert.Contains(visible, p => p.FullName == "Оксана Волонтерка" && p.Position == "Волонтер");
        Assert.DoesNotContain(visible, p => p.FullName == "Ірина Лисенко");
        Assert.DoesNotContain(visible, p => p.FullName == "Олена Адміністраторка");
        Assert.Equal(visible.OrderBy(p => p.FullName, StringComparer.Ordinal).Select(p => p.FullName), visible.Select(p => p.FullName));
    }

    [Fact]
    public async Task Search_ignores_case_in_both_scripts_and_filters_combine()
    {
        var people = AsCoordinatorOfZhytomyr();
        var positions = await people.GetPositionChoicesAsync();
        var volunteer = positions.Single(p => p.Name == "Волонтер").Id;

        var byCyrillic = await AllAsync(people, new PeopleQuery("мельник"));
        var byLatin = await AllAsync(people, new PeopleQuery("MELNYK"));
        var volunteersInKorosten = await AllAsync(people, new PeopleQuery(PositionTypeId: volunteer, UnitId: _korosten.Id));

        Assert.Equal(["Олександр Мельник"], byCyrillic.Select(p => p.FullName));
        Assert.Equal(["Олександр Мельник"], byLatin.Select(p => p.FullName));
        Assert.Equal(["Тетяна Шевчук"], volunteersInKorosten.Select(p => p.FullName));
    }

    [Fact]
    public async Task The_list_comes_in_pages()
    {
        var people = AsCoordinatorOfZhytomyr();

        var first = (await people.SearchAsync(new PeopleQuery(), new PageRequest(0, 4))).Value;
        var third = (await people.SearchAsync(new PeopleQuery(), new PageRequest(2, 4))).Value;

        Assert.Equal(11, first.TotalCount);
        Assert.Equal(4, first.Items.Count);
        Assert.Equal(3, third.Items.Count);
        Assert.Empty(first.Items.Select(p => p.Id).Intersect(third.Items.Select(p => p.Id)));
    }

    [Fact]
    public async Task A_profile_outside_the_readers_area_is_refused_even_by_id()
    {
        _host.User.Holding(new PermissionGrant(AccountPermissions.PeopleView, null));
        var lvivPerson = (await AllAsync(_host.Get<PeopleDirectory>(), new PeopleQuery("Лисенко"))).Single();

        var refused = await AsCoordinatorOfZhytomyr().GetAsync(lvivPerson.Id);

        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
    }

    [Fact]
    public async Task A_profile_shows_position_home_unit_and_the_roles_held_where()
    {
        var people = AsCoordinatorOfZhytomyr();
        var mentor = (await AllAsync(people, new PeopleQuery("наставник"))).Single();

        var profile = (await people.GetAsync(mentor.Id)).Value;

        Assert.Equal("Andrii Nastavnyk", profile.FullNameLatin);
        Assert.Equal("Соціальний працівник", profile.Position);
        Assert.Equal("Житомирська міська громада", profile.HomeUnit!.Name);
        Assert.Equal([(BuiltInRoles.Mentor, "Житомирська міська громада")], profile.Roles.Select(r => (r.Role, r.Unit)));
    }

    [Fact]
    public async Task Someone_without_the_people_permission_gets_no_list()
    {
        _host.User.Holding(new PermissionGrant(OrganisationPermissions.UnitsView, _zhytomyrOblast.Id));

        var result = await _host.Get<PeopleDirectory>().SearchAsync(new PeopleQuery(), new PageRequest());

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
    }

    [Fact]
    public async Task A_deactivated_person_cannot_sign_in_and_leaves_the_list()
    {
        using var scope = _host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var person = (await users.FindByEmailAsync("v.kravchuk@traininghub.example"))!;
        Assert.True(await signIn.CanSignInAsync(person));

        person.IsActive = false;
        await users.UpdateAsync(person);

        Assert.False(await signIn.CanSignInAsync(person));
        var people = AsCoordinatorOfZhytomyr();
        Assert.Empty(await AllAsync(people, new PeopleQuery("Кравчук")));
        Assert.Single(await AllAsync(people, new PeopleQuery("Кравчук", IncludeInactive: true)));
    }
}

public sealed class PeopleDirectoryOnSqlite(SqliteServer server) : PeopleDirectoryTests(server), IClassFixture<SqliteServer>;

public sealed class PeopleDirectoryOnPostgreSql(PostgreSqlServer server) : PeopleDirectoryTests(server), IClassFixture<PostgreSqlServer>;

/// <summary>Deactivating and reactivating people, within one's area only.</summary>
public abstract class PersonStatusTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        var zhytomyrOblast = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18000000000045390"))!.Id;
        _zhytomyrOblast = zhytomyrOblast;
        _host.User.Holding(
            new PermissionGrant(AccountPermissions.PeopleManage, zhytomyrOblast), new PermissionGrant(AccountPermissions.PeopleView, zhytomyrOblast),
            new PermissionGrant(OrganisationPermissions.UnitsView, zhytomyrOblast));
    }

    private Guid _zhytomyrOblast;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<ApplicationUser> PersonAsync(string email)
    {
        using var scope = _host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    [Fact]
    public async Task A_coordinator_deactivates_and_reactivates_someone_in_their_oblast()
    {
        var person = await PersonAsync("t.shevchuk@traininghub.example");

        var deactivated = await _host.Get<PersonStatus>().SetActiveAsync(person.Id, active: false);
        var afterDeactivation = await PersonAsync("t.shevchuk@traininghub.example");
        var reactivated = await _host.Get<PersonStatus>().SetActiveAsync(person.Id, active: true);

        Assert.True(deactivated.Succeeded);
        Assert.False(afterDeactivation.IsActive);
        Assert.NotEqual(person.SecurityStamp, afterDeactivation.SecurityStamp);
        Assert.True(reactivated.Succeeded);
        Assert.True((await PersonAsync("t.shevchuk@traininghub.example")).IsActive);
    }

    [Fact]
    public async Task An_open_page_deactivates_someone_that_another_page_reactivated_meanwhile()
    {
        var person = await PersonAsync("o.melnyk@traininghub.example");
        using var openPage = _host.Services.CreateScope();
        var status = openPage.ServiceProvider.GetRequiredService<PersonStatus>();
        await status.SetActiveAsync(person.Id, active: false);
        using (var otherPage = _host.Services.CreateScope())
        {
            await otherPage.ServiceProvider.GetRequiredService<PersonStatus>().SetActiveAsync(person.Id, active: true);
        }

        var again = await status.SetActiveAsync(person.Id, active: false);

        Assert.True(again.Succeeded, again.Error?.ToString());
        Assert.False((await PersonAsync("o.melnyk@traininghub.example")).IsActive);
    }

    [Fact]
    public async Task Someone_holding_permissions_the_coordinator_lacks_cannot_be_deactivated_edited_or_lose_a_role()
    {
        var person = await PersonAsync("y.kovalenko@traininghub.example");
        Guid learnerAssignment;
        await using (var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext())
        {
            // Coordinators of the oblast also edit its units: a right this coordinator does not have.
            var coordinator = await db.Roles.SingleAsync(r => r.Name == BuiltInRoles.Coordinator);
            db.RoleAssignments.Add(new RoleAssignment { UserId = person.Id, RoleId = coordinator.Id, UnitId = _zhytomyrOblast });
            await db.SaveChangesAsync();
            learnerAssignment = await db.RoleAssignments.Where(a => a.UserId == person.Id && a.RoleId != coordinator.Id).Select(a => a.Id).FirstAsync();
        }

        var deactivated = await _host.Get<PersonStatus>().SetActiveAsync(person.Id, active: false);
        var opened = await _host.Get<ProfileEditor>().GetAsync(person.Id);
        var roleTaken = await _host.Get<RoleAssignments>().RemoveAsync(person.Id, learnerAssignment);

        Assert.Equal("People:Error:HoldsMorePermissions", deactivated.Error?.Key);
        Assert.Equal("People:Error:HoldsMorePermissions", opened.Error?.Key);
        Assert.Equal("People:Error:HoldsMorePermissions", roleTaken.Error?.Key);
        Assert.True((await PersonAsync("y.kovalenko@traininghub.example")).IsActive);
        Assert.False(await _host.Get<PersonStatus>().CanManageAsync(person.Id, person.HomeUnitId));
    }

    [Fact]
    public async Task Someone_in_another_oblast_cannot_be_deactivated()
    {
        var person = await PersonAsync("i.lysenko@traininghub.example");

        var result = await _host.Get<PersonStatus>().SetActiveAsync(person.Id, active: false);

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
        Assert.True((await PersonAsync("i.lysenko@traininghub.example")).IsActive);
    }
}

public sealed class PersonStatusOnSqlite(SqliteServer server) : PersonStatusTests(server), IClassFixture<SqliteServer>;

public sealed class PersonStatusOnPostgreSql(PostgreSqlServer server) : PersonStatusTests(server), IClassFixture<PostgreSqlServer>;
