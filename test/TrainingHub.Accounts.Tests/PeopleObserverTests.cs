using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>
/// Modules that keep their own copy of people hear every change to it through <see cref="PersonChanged"/>, published with
/// the change, and can list everyone to catch up.
/// </summary>
public abstract class PeopleObserverTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private Guid _zhytomyrCity;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        var units = _host.Get<IOrganisationDirectory>();
        var zhytomyrOblast = (await units.FindByKatottgAsync("UA18000000000045390"))!.Id;
        _zhytomyrCity = (await units.FindByKatottgAsync("UA18040470000082484"))!.Id;
        _host.User.Holding(
            new PermissionGrant(AccountPermissions.PeopleView, zhytomyrOblast), new PermissionGrant(AccountPermissions.PeopleManage, zhytomyrOblast),
            // Learners see units; whoever acts on them must hold what they hold.
            new PermissionGrant(OrganisationPermissions.UnitsView, zhytomyrOblast));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<ApplicationUser> PersonAsync(string email)
    {
        using var scope = _host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private Task<IReadOnlyList<PersonChanged>> PublishedAsync() => _host.PublishedAsync<PersonChanged, AccountsDbContext>();

    [Fact]
    public async Task New_people_a_move_to_another_unit_and_a_deactivation_are_published_but_not_a_new_phone_number()
    {
        var created = (await PublishedAsync()).Select(p => p.PersonId).ToHashSet();
        var person = await PersonAsync("t.shevchuk@traininghub.example");
        var editor = _host.Get<ProfileEditor>();

        var profile = (await editor.GetAsync(person.Id)).Value;
        profile.Input.Phone = "+380 67 123 4567";
        Assert.True((await editor.SaveAsync(person.Id, profile.Input, profile.Version)).Succeeded);
        var afterPhone = (await PublishedAsync()).Skip(created.Count).ToList();
        profile = (await editor.GetAsync(person.Id)).Value;
        profile.Input.HomeUnitId = _zhytomyrCity;
        Assert.True((await editor.SaveAsync(person.Id, profile.Input, profile.Version)).Succeeded);
        var afterMove = (await PublishedAsync()).Skip(created.Count).ToList();
        Assert.True((await _host.Get<PersonStatus>().SetActiveAsync(person.Id, active: false)).Succeeded);
        var afterDeactivation = (await PublishedAsync()).Skip(created.Count + afterMove.Count).ToList();

        Assert.Contains(person.Id, created);
        Assert.Equal(DemoAccountsCount(), created.Count);
        Assert.Empty(afterPhone);
        var moved = Assert.Single(afterMove);
        Assert.Equal((person.Id, _zhytomyrCity, true), (moved.PersonId, moved.HomeUnitId!.Value, moved.IsActive));
        var deactivated = Assert.Single(afterDeactivation);
        Assert.Equal((person.Id, _zhytomyrCity, false), (deactivated.PersonId, deactivated.HomeUnitId!.Value, deactivated.IsActive));
    }

    [Fact]
    public async Task The_roster_lists_everyone_page_by_page_in_a_stable_order()
    {
        var roster = _host.Get<IPeopleRoster>();
        var listed = new List<PersonContact>();
        Guid? after = null;
        while (await roster.ListAsync(after, 4) is { Count: > 0 } page)
        {
            Assert.True(page.Count <= 4);
            listed.AddRange(page);
            after = page[^1].Id;
        }

        Assert.Equal(DemoAccountsCount(), listed.Select(p => p.Id).Distinct().Count());
        Assert.Contains(listed, p => p.FullName == "Оксана Волонтерка" && p.HomeUnitId == _zhytomyrCity);
    }

    private static int DemoAccountsCount() => DemoData.DemoAccounts.All.Count + DemoData.DemoAccounts.Colleagues.Count;
}

public sealed class PeopleObserverOnSqlite(SqliteServer server) : PeopleObserverTests(server), IClassFixture<SqliteServer>;

public sealed class PeopleObserverOnPostgreSql(PostgreSqlServer server) : PeopleObserverTests(server), IClassFixture<PostgreSqlServer>;
