using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;

namespace TrainingHub.Organisations.Tests;

/// <summary>The organisation tree's rules, run against real SQLite and real PostgreSQL.</summary>
public abstract class OrganisationTreeTests(ITestDatabaseServer server) : IAsyncLifetime
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

    [Fact]
    public async Task A_hromada_with_an_organisation_appears_in_the_tree_under_its_oblast()
    {
        var oblast = await _tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        var hromada = await _tree.CreateAsync(UnitType.Hromada, "Коростенська міська громада", oblast, "UA18060170000025398");
        var centre = await _tree.CreateAsync(UnitType.Organisation, "Центр соціальних служб", hromada);

        var units = await _tree.GetVisibleUnitsAsync();

        Assert.Equal(3, units.Count);
        Assert.Equal(hromada, units.Single(u => u.Id == centre).ParentId);
        Assert.Equal("UA18060170000025398", units.Single(u => u.Id == hromada).KatottgCode);
        var details = await _tree.GetAsync(centre);
        Assert.Equal([oblast, hromada], details.Value.Ancestors.Select(a => a.Id));
    }

    [Fact]
    public async Task Invalid_input_is_refused_field_by_field_and_nothing_is_written()
    {
        var result = await _tree.CreateAsync(new UnitInput
        {
            Type = UnitType.Oblast, Name = "  ", KatottgCode = "UA123", Population = -5, ChildPopulation = 10,
        });

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal("Error:NameRequired", result.Error.ErrorFor(nameof(UnitInput.Name)));
        Assert.Equal("Error:KatottgFormat", result.Error.ErrorFor(nameof(UnitInput.KatottgCode)));
        Assert.Equal("Error:PopulationNegative", result.Error.ErrorFor(nameof(UnitInput.Population)));
        Assert.Empty(await _tree.GetVisibleUnitsAsync());
    }

    [Fact]
    public async Task The_child_population_cannot_exceed_the_population()
    {
        var result = await _tree.CreateAsync(new UnitInput { Type = UnitType.Oblast, Name = "Львівська область", Population = 100, ChildPopulation = 101 });

        Assert.Equal("Error:ChildPopulationAbovePopulation", result.Error!.ErrorFor(nameof(UnitInput.ChildPopulation)));
    }

    [Fact]
    public async Task Names_are_unique_among_siblings_whatever_their_case_but_may_repeat_elsewhere()
    {
        var zhytomyr = await _tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        var lviv = await _tree.CreateAsync(UnitType.Oblast, "Львівська область");
        await _tree.CreateAsync(UnitType.Hromada, "Миролюбівська громада", zhytomyr);

        var twin = await _tree.CreateAsync(new UnitInput { Type = UnitType.Hromada, Name = "миролюбівська ГРОМАДА ", ParentId = zhytomyr });
        var elsewhere = await _tree.CreateAsync(new UnitInput { Type = UnitType.Hromada, Name = "Миролюбівська громада", ParentId = lviv });

        Assert.Equal("Error:NameTakenAmongSiblings", twin.Error!.ErrorFor(nameof(UnitInput.Name)));
        Assert.True(elsewhere.Succeeded);
    }

    [Fact]
    public async Task A_hromada_can_only_sit_under_an_oblast()
    {
        var oblast = await _tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        var hromada = await _tree.CreateAsync(UnitType.Hromada, "Бердичівська громада", oblast);

        var underHromada = await _tree.CreateAsync(new UnitInput { Type = UnitType.Hromada, Name = "Вкладена громада", ParentId = hromada });
        var atTop = await _tree.CreateAsync(new UnitInput { Type = UnitType.Hromada, Name = "Сирітська громада" });

        Assert.Equal("Error:HromadaUnderOblast", underHromada.Error!.ErrorFor(nameof(UnitInput.ParentId)));
        Assert.Equal("Error:HromadaUnderOblast", atTop.Error!.ErrorFor(nameof(UnitInput.ParentId)));
    }

    [Fact]
    public async Task A_katottg_code_belongs_to_one_unit_only()
    {
        var oblast = await _tree.CreateAsync(UnitType.Oblast, "Житомирська область", code: "UA18000000000045390");

        var second = await _tree.CreateAsync(new UnitInput { Type = UnitType.Hromada, Name = "Громада", ParentId = oblast, KatottgCode = "UA18000000000045390" });

        Assert.Equal("Error:KatottgTaken", second.Error!.ErrorFor(nameof(UnitInput.KatottgCode)));
    }

    [Fact]
    public async Task A_unit_with_children_cannot_be_deleted_and_an_empty_one_can()
    {
        var oblast = await _tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        var hromada = await _tree.CreateAsync(UnitType.Hromada, "Овруцька громада", oblast);
        var oblastVersion = (await _tree.GetAsync(oblast)).Value.Version;
        var hromadaVersion = (await _tree.GetAsync(hromada)).Value.Version;

        var refused = await _tree.DeleteAsync(oblast, oblastVersion);
        var deleted = await _tree.DeleteAsync(hromada, hromadaVersion);

        Assert.Equal("Error:UnitHasChildren", refused.Error!.Key);
        Assert.True(deleted.Succeeded);
        Assert.Equal([oblast], (await _tree.GetVisibleUnitsAsync()).Select(u => u.Id));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_as_changed_by_someone_else_and_the_first_edit_stays()
    {
        var oblast = await _tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        var opened = (await _tree.GetAsync(oblast)).Value;

        var first = UnitInput.From(opened);
        first.Population = 1_179_032;
        var second = UnitInput.From(opened);
        second.Population = 5;

        Assert.True((await _tree.UpdateAsync(oblast, first, opened.Version)).Succeeded);
        var stale = await _tree.UpdateAsync(oblast, second, opened.Version);

        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal(1_179_032, (await _tree.GetAsync(oblast)).Value.Population);
    }

    [Fact]
    public async Task A_coordinator_sees_and_changes_only_their_own_oblast()
    {
        var zhytomyr = await _tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        var zhytomyrHromada = await _tree.CreateAsync(UnitType.Hromada, "Житомирська міська громада", zhytomyr);
        var lviv = await _tree.CreateAsync(UnitType.Oblast, "Львівська область");
        var lvivHromada = await _tree.CreateAsync(UnitType.Hromada, "Львівська міська громада", lviv);
        _host.AsCoordinatorOf(zhytomyr);

        var visible = await _tree.GetVisibleUnitsAsync();
        var ownHromada = await _tree.CreateAsync(new UnitInput { Type = UnitType.Organisation, Kind = OrganisationKind.Ngo, Name = "ГО «Світанок»", ParentId = zhytomyrHromada });
        var otherHromada = await _tree.CreateAsync(new UnitInput { Type = UnitType.Organisation, Kind = OrganisationKind.Ngo, Name = "ГО «Світанок»", ParentId = lvivHromada });
        var newOblast = await _tree.CreateAsync(new UnitInput { Type = UnitType.Oblast, Name = "Волинська область" });
        var readOther = await _tree.GetAsync(lvivHromada);

        Assert.Equal(new[] { zhytomyr, zhytomyrHromada }.Order(), visible.Select(u => u.Id).Order());
        Assert.True(ownHromada.Succeeded);
        Assert.Equal(ErrorKind.Forbidden, otherHromada.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, newOblast.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, readOther.Error!.Kind);
    }

    [Fact]
    public async Task A_learner_can_browse_their_hromada_but_change_nothing()
    {
        var oblast = await _tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        var hromada = await _tree.CreateAsync(UnitType.Hromada, "Житомирська міська громада", oblast);
        var version = (await _tree.GetAsync(hromada)).Value.Version;
        _host.AsLearnerIn(hromada);

        var details = await _tree.GetAsync(hromada);
        var rename = await _tree.UpdateAsync(hromada, new UnitInput { Name = "Перейменована" }, version);
        var delete = await _tree.DeleteAsync(hromada, version);

        Assert.False(details.Value.CanEdit);
        Assert.Equal(ErrorKind.Forbidden, rename.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, delete.Error!.Kind);
    }

    [Fact]
    public async Task Children_are_paged_and_searchable_ignoring_case_in_Cyrillic()
    {
        var oblast = await _tree.CreateAsync(UnitType.Oblast, "Львівська область");
        foreach (var name in new[] { "Самбірська громада", "Дрогобицька громада", "Стрийська громада", "Сколівська громада" })
        {
            await _tree.CreateAsync(UnitType.Hromada, name, oblast);
        }

        var firstPage = await _tree.GetChildrenAsync(oblast, null, new(0, 3));
        var secondPage = await _tree.GetChildrenAsync(oblast, null, new(1, 3));
        var found = await _tree.GetChildrenAsync(oblast, "СКОЛ", new(0, 10));

        Assert.Equal(4, firstPage.Value.TotalCount);
        Assert.Equal(3, firstPage.Value.Items.Count);
        Assert.Single(secondPage.Value.Items);
        Assert.Equal(["Сколівська громада"], found.Value.Items.Select(u => u.Name));
    }
}

public sealed class OrganisationTreeOnSqlite(SqliteServer server) : OrganisationTreeTests(server), IClassFixture<SqliteServer>;

public sealed class OrganisationTreeOnPostgreSql(PostgreSqlServer server) : OrganisationTreeTests(server), IClassFixture<PostgreSqlServer>;
