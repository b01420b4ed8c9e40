using System.Globalization;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Search;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Search;
using TrainingHub.TestKit;

namespace TrainingHub.Organisations.Tests.Search;

/// <summary>The quick search's units: only those in the reader's part of the tree, on both databases.</summary>
public abstract class UnitSearchTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private Guid _korosten;
    private Guid _centre;

    public async ValueTask InitializeAsync()
    {
        _host = await OrganisationsHost.StartAsync(server);
        _host.AsAdministrator();
        var tree = _host.Get<OrganisationTree>();
        var zhytomyr = await tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        _korosten = await tree.CreateAsync(UnitType.Hromada, "Коростенська міська громада", zhytomyr, "UA18060170000025398");
        _centre = await tree.CreateAsync(UnitType.Organisation, "Центр соціальних служб Коростеня", _korosten);
        await tree.CreateAsync(UnitType.Hromada, "Житомирська міська громада", zhytomyr);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<IReadOnlyList<SearchHit>> SearchAsync(string text) =>
        _host.Get<IEnumerable<ISearchSource>>().OfType<UnitSearchSource>().Single().SearchAsync(text, QuickSearch.HitsPerKind, CancellationToken.None);

    [Fact]
    public async Task A_unit_is_found_by_name_in_any_case_or_by_its_code_and_says_what_kind_of_unit_it_is()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.English);

        var byName = await SearchAsync("КОРОСТЕН");
        var byCode = await SearchAsync("UA1806");

        Assert.Equal(
            [new SearchHit("Organisation unit", "Коростенська міська громада", "Hromada", $"organisations/{_korosten}"),
             new SearchHit("Organisation unit", "Центр соціальних служб Коростеня", "Organisation", $"organisations/{_centre}")],
            byName);
        Assert.Equal([$"organisations/{_korosten}"], byCode.Select(h => h.Href));
    }

    [Fact]
    public async Task Someone_in_one_hromada_does_not_find_the_units_of_another()
    {
        _host.AsLearnerIn(_korosten);

        var own = await SearchAsync("громада");

        Assert.Equal([$"organisations/{_korosten}"], own.Select(h => h.Href));
        Assert.Empty(await SearchAsync("Житомирська"));
    }
}

public sealed class UnitSearchOnSqlite(SqliteServer server) : UnitSearchTests(server), IClassFixture<SqliteServer>;

public sealed class UnitSearchOnPostgreSql(PostgreSqlServer server) : UnitSearchTests(server), IClassFixture<PostgreSqlServer>;
