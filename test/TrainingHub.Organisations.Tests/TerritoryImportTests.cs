using System.Text;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Import;
using TrainingHub.Organisations.Services;
using TrainingHub.TestKit;

namespace TrainingHub.Organisations.Tests;

/// <summary>Importing oblasts and hromadas from CSV: preview first, then all or nothing.</summary>
public abstract class TerritoryImportTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string Header = "oblast,hromada,katottg,population,child_population\n";
    private ModuleTestHost _host = null!;
    private TerritoryImport _import = null!;
    private OrganisationTree _tree = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OrganisationsHost.StartAsync(server);
        _host.AsAdministrator();
        _import = _host.Get<TerritoryImport>();
        _tree = _host.Get<OrganisationTree>();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static byte[] Csv(string body) => Encoding.UTF8.GetBytes(Header + body);

    [Fact]
    public async Task A_good_file_creates_oblasts_and_hromadas_with_codes_and_populations()
    {
        var file = Csv("""
            Житомирська область,,UA18000000000045390,1179032,221400
            Житомирська область,Коростенська міська громада,UA18060170000025398,72950,13200
            "Львівська область";"Самбірська міська громада";;45320;8540
            """.Replace(";", ","));

        var preview = await _import.PreviewAsync(file);
        Assert.True(preview.CanImport);
        Assert.Empty(await _tree.GetVisibleUnitsAsync());

        var result = await _import.ImportAsync(file);

        Assert.True(result.Succeeded);
        var units = await _tree.GetVisibleUnitsAsync();
        Assert.Equal(4, units.Count);
        var korosten = units.Single(u => u.Name == "Коростенська міська громада");
        Assert.Equal("Житомирська область", units.Single(u => u.Id == korosten.ParentId).Name);
        var details = (await _tree.GetAsync(korosten.Id)).Value;
        Assert.Equal(72_950, details.Population);
        Assert.Equal(13_200, details.ChildPopulation);
        Assert.Equal(UnitType.Oblast, units.Single(u => u.Name == "Львівська область").Type);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_and_reason_and_nothing_is_written()
    {
        var file = Csv("""
            Житомирська область,,UA18000000000045390,1179032,221400
            ,Безобласна громада,,100,10
            Житомирська область,Коростенська громада,UA123,100,10
            Житомирська область,Овруцька громада,,багато,10
            Житомирська область,Бердичівська громада,,100,200
            Житомирська область,Коростенська громада,,100,10
            Житомирська область,Зайва громада,,100
            """);

        var preview = await _import.PreviewAsync(file);
        var result = await _import.ImportAsync(file);

        Assert.False(preview.CanImport);
        var errors = preview.Rows.Where(r => r.Errors.Count > 0).ToDictionary(r => r.Line, r => r.Errors.Select(e => e.Key).ToList());
        Assert.Equal([3, 4, 5, 6, 7, 8], errors.Keys.Order());
        Assert.Contains("Import:Error:OblastRequired", errors[3]);
        Assert.Contains("Error:KatottgFormat", errors[4]);
        Assert.Contains("Import:Error:NotANumber", errors[5]);
        Assert.Contains("Error:ChildPopulationAbovePopulation", errors[6]);
        Assert.Contains("Import:Error:DuplicateRow", errors[7]);
        Assert.Contains("Import:Error:ColumnCount", errors[8]);
        Assert.False(result.Succeeded);
        Assert.Empty(await _tree.GetVisibleUnitsAsync());
    }

    [Fact]
    public async Task Existing_units_are_updated_and_empty_cells_keep_their_values()
    {
        var oblast = await _tree.CreateAsync(UnitType.Oblast, "Житомирська область", code: "UA18000000000045390");
        var file = Csv("""
            житомирська область,,,1200000,
            Житомирська область,Овруцька міська громада,UA18060230000069215,37640,7450
            """);

        var preview = await _import.PreviewAsync(file);
        var result = await _import.ImportAsync(file);

        Assert.Equal([ImportAction.Update, ImportAction.Create], preview.Rows.Select(r => r.Action));
        Assert.True(result.Succeeded);
        var details = (await _tree.GetAsync(oblast)).Value;
        Assert.Equal(1_200_000, details.Population);
        Assert.Equal("UA18000000000045390", details.Unit.KatottgCode);
        Assert.Equal(2, (await _tree.GetVisibleUnitsAsync()).Count);
    }

    [Fact]
    public async Task A_code_already_held_by_another_unit_or_repeated_in_the_file_is_an_error()
    {
        await _tree.CreateAsync(UnitType.Oblast, "Львівська область", code: "UA46000000000026241");
        var file = Csv("""
            Житомирська область,,UA46000000000026241,1,0
            Житомирська область,Перша громада,UA18060230000069215,1,0
            Житомирська область,Друга громада,UA18060230000069215,1,0
            """);

        var preview = await _import.PreviewAsync(file);

        Assert.Equal(["Import:Error:CodeTaken"], preview.Rows[0].Errors.Select(e => e.Key));
        Assert.Empty(preview.Rows[1].Errors);
        Assert.Equal(["Import:Error:CodeRepeated"], preview.Rows[2].Errors.Select(e => e.Key));
        Assert.Equal(3, preview.Rows[2].Errors[0].Arguments[0]);
    }

    [Fact]
    public async Task Semicolon_files_with_a_byte_order_mark_and_quoted_fields_are_read()
    {
        var file = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("область;громада;код;населення;діти\r\n\"Житомирська область\";\"Громада \"\"Нова\"\"\";;1 000;100\r\n"))
            .ToArray();

        var preview = await _import.PreviewAsync(file);

        Assert.True(preview.CanImport, string.Join(", ", preview.Rows.SelectMany(r => r.Errors).Select(e => e.Key)));
        Assert.Equal("Громада \"Нова\"", preview.Rows.Single().Hromada);
        Assert.Equal(1000, preview.Rows.Single().Population);
    }

    [Fact]
    public async Task A_file_with_too_many_rows_or_an_overlong_cell_is_refused_before_any_row_is_checked()
    {
        var many = string.Concat(Enumerable.Range(1, TerritoryImport.MaxRows + 1).Select(i => $"Житомирська,Громада {i},,,\n"));
        var longCell = $"Житомирська,Громада,,,\nЖитомирська,{new string('я', TerritoryImport.MaxCellLength + 1)},,,\n";

        var tooMany = await _import.PreviewAsync(Csv(many));
        var tooLong = await _import.PreviewAsync(Csv(longCell));

        var rowsError = Assert.Single(tooMany.FileErrors);
        var cellError = Assert.Single(tooLong.FileErrors);
        Assert.Equal("Import:Error:TooManyRows", rowsError.Key);
        Assert.Equal([TerritoryImport.MaxRows], rowsError.Arguments);
        Assert.Equal("Import:Error:CellTooLong", cellError.Key);
        Assert.Equal([3, TerritoryImport.MaxCellLength], cellError.Arguments);
        Assert.Empty(tooMany.Rows);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_with_a_clear_reason()
    {
        var windows1251 = new byte[] { 0xC6, 0xE8, 0xF2, 0xEE, 0xEC, 0xE8, 0xF0, 0x2C, 0x2C, 0x2C, 0x2C, 0x0A, 0xC6, 0x2C, 0x2C, 0x2C, 0x2C };

        var preview = await _import.PreviewAsync(windows1251);

        Assert.Equal(["Import:Error:NotUtf8"], preview.FileErrors.Select(e => e.Key));
        Assert.False(preview.CanImport);
    }

    [Fact]
    public async Task A_coordinator_may_import_hromadas_into_their_oblast_but_not_create_oblasts()
    {
        var zhytomyr = await _tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        _host.AsCoordinatorOf(zhytomyr);
        var file = Csv("""
            Житомирська область,Нова громада,,100,10
            Волинська область,Луцька громада,,100,10
            """);

        var preview = await _import.PreviewAsync(file);

        Assert.Empty(preview.Rows[0].Errors);
        Assert.Equal(["Import:Error:OutsideScope"], preview.Rows[1].Errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Someone_without_the_import_permission_gets_no_preview()
    {
        _host.User.SignedOut();

        var preview = await _import.PreviewAsync(Csv("Житомирська область,,,1,0\n"));

        Assert.Equal(["Error:Forbidden"], preview.FileErrors.Select(e => e.Key));
    }
}

public sealed class TerritoryImportOnSqlite(SqliteServer server) : TerritoryImportTests(server), IClassFixture<SqliteServer>;

public sealed class TerritoryImportOnPostgreSql(PostgreSqlServer server) : TerritoryImportTests(server), IClassFixture<PostgreSqlServer>;
