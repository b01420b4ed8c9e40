using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Data;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Organisations.Tests;

/// <summary>
/// The unit tree other modules read is held in memory between calls, and every change of a unit, made on this app node
/// or on another one sharing the database, shows in the next read.
/// </summary>
public abstract class UnitDirectoryCacheTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private OrganisationTree _tree = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OrganisationsHost.StartAsync(server);
        _host.AsAdministrator();
        _tree = _host.Get<OrganisationTree>();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>A second app node: its own directory (and memory) over the same database.</summary>
    private OrganisationDirectory OtherNode() => new(_host.Get<IDbContextFactory<OrganisationsDbContext>>());

    [Fact]
    public async Task A_unit_added_renamed_or_removed_on_one_node_shows_in_the_next_read_on_another()
    {
        var oblast = await _tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        var other = OtherNode();
        Assert.Equal(["Житомирська область"], (await other.GetUnitsInAsync(UnitScope.Everywhere)).Select(u => u.Name));

        var hromada = await _tree.CreateAsync(UnitType.Hromada, "Овруцька громада", oblast);
        Assert.Equal(2, (await other.GetUnitsInAsync(UnitScope.Everywhere)).Count);

        var opened = (await _tree.GetAsync(hromada)).Value;
        var renamed = UnitInput.From(opened);
        renamed.Name = "Овруцька міська громада";
        Assert.True((await _tree.UpdateAsync(hromada, renamed, opened.Version)).Succeeded);
        Assert.Contains("Овруцька міська громада", (await other.GetUnitsInAsync(UnitScope.Under([oblast]))).Select(u => u.Name));

        Assert.True((await _tree.DeleteAsync(hromada, (await _tree.GetAsync(hromada)).Value.Version)).Succeeded);
        Assert.Equal([oblast], (await other.GetUnitsInAsync(UnitScope.Everywhere)).Select(u => u.Id));
        Assert.Equal([oblast], (await _host.Get<IOrganisationDirectory>().GetUnitsInAsync(UnitScope.Everywhere)).Select(u => u.Id));
    }

    [Fact]
    public async Task Reading_twice_without_a_change_gives_the_tree_kept_in_memory()
    {
        await _tree.CreateAsync(UnitType.Oblast, "Львівська область");
        var directory = _host.Get<IOrganisationDirectory>();

        var first = await directory.GetUnitsInAsync(UnitScope.Everywhere);
        var second = await directory.GetUnitsInAsync(UnitScope.Everywhere);

        Assert.Same(first, second);
    }
}

public sealed class UnitDirectoryCacheOnSqlite(SqliteServer server) : UnitDirectoryCacheTests(server), IClassFixture<SqliteServer>;

public sealed class UnitDirectoryCacheOnPostgreSql(PostgreSqlServer server) : UnitDirectoryCacheTests(server), IClassFixture<PostgreSqlServer>;
