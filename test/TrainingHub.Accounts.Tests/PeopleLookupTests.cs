using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Domain;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>
/// What other modules learn about a person: name, address, language, whether they are active, their home unit and position.
/// </summary>
public abstract class PeopleLookupTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_person_is_found_by_id_or_address_with_their_language_status_home_unit_and_position()
    {
        var lookup = _host.Get<IPeopleLookup>();
        using (var scope = _host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var coordinator = (await users.FindByEmailAsync("coordinator@traininghub.example"))!;
            coordinator.PreferredCulture = Cultures.English;
            coordinator.IsActive = false;
            await users.UpdateAsync(coordinator);
        }

        var learner = await lookup.FindByEmailAsync(" Learner@TrainingHub.example ");
        var coordinatorById = await lookup.FindAsync((await lookup.FindByEmailAsync("coordinator@traininghub.example"))!.Id);

        Assert.Equal(("Оксана Волонтерка", "learner@traininghub.example", Cultures.Ukrainian, true),
            (learner!.FullName, learner.Email, learner.PreferredCulture, learner.IsActive));
        Assert.Equal((Cultures.English, false), (coordinatorById!.PreferredCulture, coordinatorById.IsActive));
        Assert.NotNull(learner.HomeUnitId);
        Assert.Contains(await _host.Get<IPositionTypes>().ListAsync(), t => t.Id == learner.PositionTypeId);
        Assert.Null(await lookup.FindAsync(Guid.NewGuid()));
        Assert.Null(await lookup.FindByEmailAsync("nobody@traininghub.example"));
    }

    [Fact]
    public async Task Several_people_are_found_in_one_look_up_and_ids_nobody_has_are_left_out()
    {
        var lookup = _host.Get<IPeopleLookup>();
        var learner = (await lookup.FindByEmailAsync("learner@traininghub.example"))!;
        var supervisor = (await lookup.FindByEmailAsync("supervisor@traininghub.example"))!;

        var found = await lookup.FindManyAsync([supervisor.Id, Guid.NewGuid(), learner.Id, learner.Id]);

        Assert.Equal([learner, supervisor], found.OrderBy(p => p.Email));
        Assert.Empty(await lookup.FindManyAsync([]));
    }
}

public sealed class PeopleLookupOnSqlite(SqliteServer server) : PeopleLookupTests(server), IClassFixture<SqliteServer>;

public sealed class PeopleLookupOnPostgreSql(PostgreSqlServer server) : PeopleLookupTests(server), IClassFixture<PostgreSqlServer>;
