using TrainingHub.Accounts.Contracts;
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
}

public sealed class PositionTypesOnSqlite(SqliteServer server) : PositionTypeTests(server), IClassFixture<SqliteServer>;

public sealed class PositionTypesOnPostgreSql(PostgreSqlServer server) : PositionTypeTests(server), IClassFixture<PostgreSqlServer>;
