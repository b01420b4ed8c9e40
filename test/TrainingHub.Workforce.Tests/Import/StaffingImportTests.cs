using System.Text;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Import;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Tests.Import;

/// <summary>Funded posts and case load from spreadsheets: checked whole, line by line, and written all or nothing.</summary>
public abstract class StaffingImportTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string City = "UA18040470000082484";
    private const string Korosten = "UA18060170000025398";
    private const string Centre = "Центр соціальних служб Житомирської міської ради";

    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private StaffingImport Import => _scenario.Get<StaffingImport>();

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines));

    private static string Posts(string hromada, string organisation, string position, string posts) => $"{hromada};{organisation};{position};{posts}";

    private static readonly string PostsHeader = "hromada_katottg;organisation;position;posts";

    [Fact]
    public async Task A_coordinator_previews_then_imports_posts_named_by_code_or_position_name_in_either_language()
    {
        await _scenario.HireAsync(2, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        _scenario.AsCoordinatorAt(_scenario.Zhytomyr.Id);
        var file = Csv(PostsHeader, Posts(City, Centre, "social-worker", "6"), Posts(City, "NGO A Family for Every Child", "Волонтер", "0"),
            Posts(City, Centre.ToUpperInvariant(), "Case manager", "2"));

        var preview = await Import.PreviewAsync(StaffingFileKind.FundedPosts, file);
        var before = await _scenario.ReportAsync(_scenario.CityCentre.Id);
        var imported = await Import.ImportAsync(StaffingFileKind.FundedPosts, file);
        var after = await _scenario.ReportAsync(_scenario.CityCentre.Id);
        var again = await Import.PreviewAsync(StaffingFileKind.FundedPosts, Csv(PostsHeader, Posts(City, Centre, "social-worker", "5")));

        Assert.Equal([(2, ImportOutcome.Create), (3, ImportOutcome.Unchanged), (4, ImportOutcome.Create)], preview.Lines.Select(l => (l.Line, l.Outcome)));
        Assert.Equal(0, before.Total.FundedPosts);
        Assert.True(imported.Succeeded, imported.Error?.ToString());
        Assert.Equal((8, 6), (after.Total.FundedPosts, after.Total.VacantPosts));
        Assert.Equal(ImportOutcome.Update, Assert.Single(again.Lines).Outcome);
    }

    [Fact]
    public async Task Every_wrong_line_is_named_with_its_number_and_nothing_of_the_file_is_written()
    {
        _scenario.AsCoordinatorAt(_scenario.ZhytomyrCity.Id);
        var file = Csv(PostsHeader,
            Posts(City, Centre, "social-worker", "4"),
            Posts("UA00000000000000000", Centre, "social-worker", "4"),
            Posts(City, "Центр, якого немає", "social-worker", "4"),
            Posts(City, Centre, "astronaut", "4"),
            Posts(City, Centre, "volunteer", "чотири"),
            Posts(City, Centre, "case-manager", "-1"),
            Posts(City, Centre, "social-worker", "5"),
            Posts(Korosten, "Центр надання соціальних послуг Коростенської громади", "social-worker", "3"),
            $"{City};{Centre};psychologist");

        var preview = await Import.PreviewAsync(StaffingFileKind.FundedPosts, file);
        var imported = await Import.ImportAsync(StaffingFileKind.FundedPosts, file);

        Assert.False(preview.CanImport);
        Assert.Equal(
            [
                "2 Create ",
                "3 Invalid Import:Error:UnknownHromada",
                "4 Invalid Import:Error:UnknownOrganisation",
                "5 Invalid Import:Error:UnknownPosition",
                "6 Invalid Import:Error:NotANumber",
                "7 Invalid Staffing:Error:PostsOutOfRange",
                "8 Invalid Import:Error:RepeatedLine",
                "9 Invalid Import:Error:OutsideArea",
                "10 Invalid Import:Error:ColumnCount",
            ],
            preview.Lines.Select(l => $"{l.Line} {l.Outcome} {string.Join(",", l.Errors.Select(e => e.Key))}"));
        Assert.Equal([2], preview.Lines[6].Errors[0].Arguments);
        Assert.Equal("Import:Error:FileHasErrors", imported.Error!.Key);
        Assert.Equal(0, (await _scenario.ReportAsync(_scenario.ZhytomyrCity.Id)).Total.FundedPosts);
    }

    [Fact]
    public async Task Case_load_comes_in_with_the_settlement_in_either_language_and_an_empty_cell_keeps_what_was_reported()
    {
        _scenario.AsCoordinatorAt(_scenario.Zhytomyr.Id);
        Assert.True((await _scenario.Get<CommunityProfiles>().SaveAsync(_scenario.Korosten.Id,
            new CommunityInput { Settlement = Settlement.Rural, FamiliesInDifficulty = 50, ChildrenWithDisabilities = 20 })).Succeeded);
        var file = Csv("hromada_katottg;settlement;families_in_difficulty;children_with_disabilities", $"{City};міська;240;310", $"{Korosten};;65;");

        var imported = await Import.ImportAsync(StaffingFileKind.CaseLoad, file);
        var report = await _scenario.ReportAsync(_scenario.Zhytomyr.Id);

        Assert.True(imported.Succeeded, imported.Error?.ToString());
        Assert.Equal([ImportOutcome.Create, ImportOutcome.Update], imported.Value.Lines.Select(l => l.Outcome));
        var korosten = report.Lines.Single(l => l.UnitId == _scenario.Korosten.Id);
        Assert.Equal((Settlement.Rural, 65, 20), (korosten.Settlement!.Value, korosten.Figures.FamiliesInDifficulty!.Value, korosten.Figures.ChildrenWithDisabilities!.Value));
        Assert.Equal((Settlement.Urban, 240), (report.Lines.Single(l => l.UnitId == _scenario.ZhytomyrCity.Id).Settlement!.Value, report.Lines.Single(l => l.UnitId == _scenario.ZhytomyrCity.Id).Figures.FamiliesInDifficulty!.Value));
        Assert.Equal(305, report.Total.FamiliesInDifficulty);
    }

    [Fact]
    public async Task A_file_that_is_not_a_staffing_file_is_refused_whole_and_a_viewer_may_not_import()
    {
        _scenario.AsCoordinatorAt(_scenario.Zhytomyr.Id);
        var wrongColumns = await Import.PreviewAsync(StaffingFileKind.FundedPosts, Csv("hromada;organisation;posts", "x;y;1"));
        var notUtf8 = await Import.PreviewAsync(StaffingFileKind.CaseLoad, [0xC0, 0xC1, 0xFF, 0x0A]);
        var headerOnly = await Import.PreviewAsync(StaffingFileKind.CaseLoad, Csv("hromada_katottg;settlement;families_in_difficulty;children_with_disabilities"));
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);
        var viewer = await Import.ImportAsync(StaffingFileKind.FundedPosts, Csv(PostsHeader, Posts(City, Centre, "social-worker", "4")));

        Assert.Equal("Import:Error:Header", wrongColumns.FileError!.Key);
        Assert.Equal("Import:Error:NotUtf8", notUtf8.FileError!.Key);
        Assert.Equal("Import:Error:Empty", headerOnly.FileError!.Key);
        Assert.Equal(ErrorKind.Forbidden, viewer.Error!.Kind);
    }
}

public sealed class StaffingImportOnSqlite(SqliteServer server) : StaffingImportTests(server), IClassFixture<SqliteServer>;

public sealed class StaffingImportOnPostgreSql(PostgreSqlServer server) : StaffingImportTests(server), IClassFixture<PostgreSqlServer>;
