using System.Globalization;
using System.Text;
using TrainingHub.Accounts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Reports;

namespace TrainingHub.Wellbeing.Tests.Reports;

/// <summary>
/// The aggregate report on both databases: a Zhytomyr oblast schedule whose last closed round was answered by 6 people in
/// Zhytomyr city, 4 in Korosten and 7 in Berdychiv, and a round still open.
/// </summary>
public abstract class WellbeingReportsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private Guid _oblast;
    private Guid _city;
    private Guid _korosten;
    private Guid _berdychiv;
    private Guid _closed;
    private Guid _open;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        _oblast = await ReportData.UnitAsync(_host, "UA18000000000045390");
        _city = await ReportData.UnitAsync(_host, "UA18040470000082484");
        _korosten = await ReportData.UnitAsync(_host, "UA18060170000025398");
        _berdychiv = await ReportData.UnitAsync(_host, "UA18020030000014563");
        var schedule = await ReportData.ScheduleAsync(_host, _oblast);
        _closed = await ReportData.RoundAsync(_host, schedule, 20,
        [
            .. ReportData.Answering(_city, 6, 60), new Invited(_city), .. ReportData.Answering(_korosten, 4, 80), .. ReportData.Answering(_berdychiv, 7, 30),
        ]);
        _open = await ReportData.RoundAsync(_host, schedule, 2, [.. ReportData.Answering(_city, 6, 60)]);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private WellbeingReports Reports => _host.Get<WellbeingReports>();

    private void Coordinate(Guid unit) => _host.User.Holding(new PermissionGrant(WellbeingPermissions.ReportsView, unit));

    [Fact]
    public async Task A_coordinator_sees_the_oblast_and_the_hromadas_large_enough_with_one_more_hidden_so_the_small_one_cannot_be_worked_out()
    {
        Coordinate(_oblast);

        var report = (await Reports.GetAsync(_oblast)).Value;

        Assert.Equal(_closed, report.Round!.Id);
        Assert.Equal((18, 17), (report.Total!.Invited, report.Total.Respondents!.Value));
        // (6 × 60 + 4 × 80 + 7 × 30) / 17 = 52.4; the 10 of Zhytomyr city and Korosten score 50 or more → 59%.
        var personal = report.Total.Scales.Single(s => s.Scale == "personal");
        Assert.Equal((52.4m, 59), (personal.Mean!.Value, personal.HighPercent!.Value));
        var lines = report.Units.ToDictionary(l => l.UnitId);
        Assert.Equal(HiddenBecause.TooFew, lines[_korosten].Figures.Hidden);
        Assert.Equal(HiddenBecause.WouldRevealHidden, lines[_city].Figures.Hidden);
        Assert.Null(lines[_city].Figures.Scales.Single(s => s.Scale == "personal").Mean);
        Assert.Equal((7, 30m), (lines[_berdychiv].Figures.Respondents!.Value, lines[_berdychiv].Figures.Scales.Single(s => s.Scale == "personal").Mean!.Value));
        Assert.DoesNotContain(report.Units, l => l.Name.Contains("Овруц") || l.Name.Contains("Ovruch"));
    }

    [Fact]
    public async Task An_open_round_shows_no_figures_until_it_closes_and_a_unit_outside_ones_area_shows_nothing()
    {
        Coordinate(_korosten);

        var open = (await Reports.GetAsync(_korosten, _open)).Value;
        var korosten = (await Reports.GetAsync(_korosten)).Value;
        var outside = await Reports.GetAsync(_city);
        var units = await Reports.UnitsAsync();

        Assert.True(open.Round!.IsOpen);
        Assert.Null(open.Total);
        Assert.Equal((4, null, HiddenBecause.TooFew), (korosten.Total!.Invited, korosten.Total.Respondents, korosten.Total.Hidden));
        Assert.Equal(ErrorKind.Forbidden, outside.Error!.Kind);
        Assert.DoesNotContain(units, u => u.Id == _city);
    }

    [Fact]
    public async Task An_administrator_may_lower_the_minimum_to_three_but_not_below_and_nobody_else_may_change_it()
    {
        Coordinate(_oblast);
        var settings = _host.Get<ReportSettingsService>();
        var coordinatorChanges = await settings.SetAsync(3, null);
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.ReportsSettings, null), new PermissionGrant(WellbeingPermissions.ReportsView, null));
        var tooLow = await settings.SetAsync(2, null);
        var set = await settings.SetAsync(4, null);
        var stale = await settings.SetAsync(3, null);
        var korosten = (await Reports.GetAsync(_korosten)).Value;

        Assert.Equal(ErrorKind.Forbidden, coordinatorChanges.Error!.Kind);
        Assert.Equal("Reports:Error:MinimumOutOfRange", tooLow.Error!.ErrorFor(nameof(ReportSettings.MinimumGroup)));
        Assert.True(set.Succeeded);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal(4, (await settings.GetAsync()).Minimum);
        Assert.Equal((4, 80m), (korosten.Total!.Respondents!.Value, korosten.Total.Scales.Single(s => s.Scale == "personal").Mean!.Value));
    }

    [Fact]
    public async Task The_export_holds_what_the_page_shows_and_leaves_hidden_figures_empty_with_the_reason()
    {
        Coordinate(_oblast);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.English);

        var csv = (await _host.Get<WellbeingReportExport>().ExportAsync(_oblast, null, null, SpreadsheetFormat.Csv)).Value;
        var xlsx = await _host.Get<WellbeingReportExport>().ExportAsync(_oblast, null, null, SpreadsheetFormat.Xlsx);
        Coordinate(_korosten);
        var outside = await _host.Get<WellbeingReportExport>().ExportAsync(_oblast, null, null, SpreadsheetFormat.Csv);
        var lines = Encoding.UTF8.GetString(csv.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.StartsWith("wellbeing-UA18000000000045390-", csv.FileName);
        Assert.Contains("Unit;Invited;Answered;", lines[0]);
        Assert.Contains("Personal burnout: mean", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Zhytomyr Oblast;18;17;94;52.4;59;"));
        Assert.Contains(lines, l => l.StartsWith("Korosten City Hromada;4;;;;;") && l.EndsWith("hidden: fewer than 5 answered"));
        Assert.Contains(lines, l => l.StartsWith("Zhytomyr City Hromada;7;;;;;") && l.EndsWith("hidden, so that a hidden group cannot be worked out"));
        Assert.True(xlsx.Succeeded);
        Assert.Equal(ErrorKind.Forbidden, outside.Error!.Kind);
    }
}

public sealed class WellbeingReportsOnSqlite(SqliteServer server) : WellbeingReportsTests(server), IClassFixture<SqliteServer>;

public sealed class WellbeingReportsOnPostgreSql(PostgreSqlServer server) : WellbeingReportsTests(server), IClassFixture<PostgreSqlServer>;
