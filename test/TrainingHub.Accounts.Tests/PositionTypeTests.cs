using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>Administrators extend the list of position types; what people hold stays, on both databases.</summary>
public abstract class PositionTypeTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private PositionTypes AsAdministrator()
    {
        _host.User.Holding(new PermissionGrant(AccountPermissions.PositionsManage, null), new PermissionGrant(AccountPermissions.PeopleView, null));
        return _host.Get<PositionTypes>();
    }

    [Fact]
    public async Task An_added_type_is_offered_in_both_languages_and_can_be_removed_while_unused()
    {
        var positions = AsAdministrator();

        var added = await positions.AddAsync(new PositionTypeInput { NameUk = " Помічник сім'ї ", NameEn = "Family assistant" });
        var choices = await _host.Get<PeopleDirectory>().GetPositionChoicesAsync();
        var row = (await positions.ListAsync()).Value.Single(r => r.Id == added.Value);
        var removed = await positions.RemoveAsync(added.Value);

        Assert.Contains(choices, c => c.Name == "Помічник сім'ї");
        Assert.Equal(("family-assistant", false, 0), (row.Code, row.IsBuiltIn, row.PeopleCount));
        Assert.True(removed.Succeeded);
        Assert.DoesNotContain((await positions.ListAsync()).Value, r => r.Id == added.Value);
    }

    [Fact]
    public async Task Names_are_required_unique_and_built_in_or_held_types_stay()
    {
        var positions = AsAdministrator();
        var list = (await positions.ListAsync()).Value;
        var volunteer = list.Single(r => r.Code == "volunteer");

        var empty = await positions.AddAsync(new PositionTypeInput { NameUk = "", NameEn = "  " });
        var duplicate = await positions.AddAsync(new PositionTypeInput { NameUk = "волонтер", NameEn = "Helper" });
        var builtIn = await positions.RemoveAsync(volunteer.Id);
        _host.User.Holding(new PermissionGrant(AccountPermissions.PeopleManage, null));
        var refused = await _host.Get<PositionTypes>().ListAsync();

        Assert.Equal(["Positions:Error:NameRequired", "Positions:Error:NameRequired"], empty.Error!.Fields.Select(f => f.Key));
        Assert.Equal("NameUk", Assert.Single(duplicate.Error!.Fields).Field);
        Assert.Equal("Positions:Error:BuiltIn", builtIn.Error!.Key);
        Assert.True(volunteer.PeopleCount > 0);
        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
    }

    [Fact]
    public async Task Whether_a_type_works_with_clients_is_kept_and_given_to_other_modules()
    {
        var positions = AsAdministrator();
        var builtIn = await _host.Get<IPositionTypes>().ListAsync();
        var socialWorker = builtIn.Single(t => t.Code == "social-worker");

        var added = await positions.AddAsync(new PositionTypeInput { NameUk = "Методист", NameEn = "Methodologist", WorksWithClients = false });
        var turnedOff = await positions.SetWorksWithClientsAsync(socialWorker.Id, false);
        var missing = await positions.SetWorksWithClientsAsync(Guid.NewGuid(), true);
        _host.User.Holding(new PermissionGrant(AccountPermissions.PeopleManage, null));
        var refused = await _host.Get<PositionTypes>().SetWorksWithClientsAsync(socialWorker.Id, true);
        var after = (await _host.Get<IPositionTypes>().ListAsync()).ToDictionary(t => t.Code, t => t.WorksWithClients);

        Assert.Equal(["volunteer", "social-assistant", "case-manager", "social-worker"], builtIn.Where(t => t.WorksWithClients).Select(t => t.Code));
        Assert.Equal(["supervisor", "coordinator"], builtIn.Where(t => !t.WorksWithClients).Select(t => t.Code));
        Assert.True(turnedOff.Succeeded);
        Assert.Equal(ErrorKind.NotFound, missing.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
        Assert.False(after["social-worker"]);
        Assert.False(after["methodologist"]);
        Assert.True(after["volunteer"]);
    }

    [Fact]
    public async Task A_database_from_before_the_setting_has_supervisors_and_coordinators_off_client_work_and_every_other_type_on_it()
    {
        var positions = AsAdministrator();
        await positions.AddAsync(new PositionTypeInput { NameUk = "Помічник сім'ї", NameEn = "Family assistant", WorksWithClients = false });
        var volunteer = (await _host.Get<IPositionTypes>().ListAsync()).Single(t => t.Code == "volunteer");
        await positions.SetWorksWithClientsAsync(volunteer.Id, false);
        await using (var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_AddPositionWorksWithClients", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before, TestContext.Current.CancellationToken);
            await migrator.MigrateAsync(null, TestContext.Current.CancellationToken);
        }

        var upgraded = (await _host.Get<IPositionTypes>().ListAsync()).ToDictionary(t => t.Code, t => t.WorksWithClients);

        Assert.Equal(["supervisor", "coordinator"], upgraded.Where(t => !t.Value).Select(t => t.Key));
        Assert.True(upgraded["family-assistant"]);
    }
}

public sealed class PositionTypesOnSqlite(SqliteServer server) : PositionTypeTests(server), IClassFixture<SqliteServer>;

public sealed class PositionTypesOnPostgreSql(PostgreSqlServer server) : PositionTypeTests(server), IClassFixture<PostgreSqlServer>;
