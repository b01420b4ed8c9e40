using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>Groups of people other modules act on (everyone under a unit, in a position, by name) and who holds a permission where.</summary>
public abstract class PeopleSelectionTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private DemoAccountsHost _demo = null!;

    public async ValueTask InitializeAsync() => _demo = await DemoAccountsHost.StartAsync(server);

    public ValueTask DisposeAsync() => _demo.Host.DisposeAsync();

    private async Task<ApplicationUser> DemoPersonAsync(string email, Action<ApplicationUser>? change = null)
    {
        using var scope = _demo.Host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var person = (await users.FindByEmailAsync(email))!;
        if (change is not null)
        {
            change(person);
            await users.UpdateAsync(person);
        }
        return person;
    }

    [Fact]
    public async Task People_are_found_under_a_unit_by_position_by_name_in_any_case_and_deactivated_ones_can_be_left_out()
    {
        var selection = _demo.Host.Get<IPeopleSelection>();
        var learner = await DemoPersonAsync("learner@traininghub.example");
        var mentor = await DemoPersonAsync("mentor@traininghub.example", p => p.IsActive = false);
        var zhytomyr = (await _demo.Host.Get<IOrganisationDirectory>().GetUnitsInAsync(UnitScope.Under([_demo.ZhytomyrOblast.Id]))).Select(u => u.Id).ToList();

        var underZhytomyr = await selection.FindAsync(new PeopleCriteria(HomeUnitIds: zhytomyr));
        var activeUnderZhytomyr = await selection.FindAsync(new PeopleCriteria(HomeUnitIds: zhytomyr, ActiveOnly: true));
        var underLviv = await selection.FindAsync(new PeopleCriteria(HomeUnitIds: [_demo.LvivOblast.Id]));
        var byName = await selection.FindAsync(new PeopleCriteria(Search: "волонтерКА"));
        var byPosition = await selection.FindAsync(new PeopleCriteria(PositionTypeId: learner.PositionTypeId, PersonIds: [learner.Id, mentor.Id]));
        var nobody = await selection.FindAsync(new PeopleCriteria(PersonIds: []));
        var two = await selection.FindAsync(new PeopleCriteria(Limit: 2));

        Assert.Contains(underZhytomyr, p => p.Id == learner.Id && p.HomeUnitId == learner.HomeUnitId && p.IsActive);
        Assert.Contains(underZhytomyr, p => p.Id == mentor.Id && !p.IsActive);
        Assert.DoesNotContain(activeUnderZhytomyr, p => p.Id == mentor.Id);
        Assert.DoesNotContain(underLviv, p => p.Id == learner.Id);
        Assert.Equal([("Оксана Волонтерка", learner.Id)], byName.Select(p => (p.FullName, p.Id)));
        Assert.Equal([learner.Id], byPosition.Select(p => p.Id));
        Assert.Empty(nobody);
        Assert.Equal(2, two.Count);
    }

    [Fact]
    public async Task Holders_of_a_permission_are_the_active_people_with_a_role_carrying_it_and_the_unit_they_hold_it_at()
    {
        var administrator = await DemoPersonAsync("admin@traininghub.example");
        var coordinator = await DemoPersonAsync("coordinator@traininghub.example");
        var supervisor = await DemoPersonAsync("supervisor@traininghub.example", p => p.IsActive = false);
        var learner = await DemoPersonAsync("learner@traininghub.example");

        var managers = await _demo.Host.Get<IPeopleSelection>().FindHoldersAsync(AccountPermissions.PeopleManage);
        var viewers = await _demo.Host.Get<IPeopleSelection>().FindHoldersAsync(AccountPermissions.PeopleView);

        Assert.Contains(new PermissionHolder(administrator.Id, null), managers);
        Assert.Contains(new PermissionHolder(coordinator.Id, _demo.ZhytomyrOblast.Id), managers);
        Assert.DoesNotContain(managers, h => h.PersonId == learner.Id);
        Assert.DoesNotContain(viewers, h => h.PersonId == supervisor.Id);
        Assert.DoesNotContain(viewers, h => h.PersonId == learner.Id);
    }
}

public sealed class PeopleSelectionOnSqlite(SqliteServer server) : PeopleSelectionTests(server), IClassFixture<SqliteServer>;

public sealed class PeopleSelectionOnPostgreSql(PostgreSqlServer server) : PeopleSelectionTests(server), IClassFixture<PostgreSqlServer>;
