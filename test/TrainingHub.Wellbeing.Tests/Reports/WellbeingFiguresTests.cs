using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Reports;

namespace TrainingHub.Wellbeing.Tests.Reports;

/// <summary>
/// The planning views' burnout figures on both databases, asked for by nobody in particular (they check no permission):
/// the report scenario of a Zhytomyr oblast schedule whose last closed round was answered by 6 people in Zhytomyr city
/// (one more invited), 4 in Korosten and 7 in Berdychiv, with a round still open; Lviv oblast is added where the
/// country is asked for.
/// </summary>
public abstract class WellbeingFiguresTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private Guid _oblast;
    private Guid _city;
    private Guid _korosten;
    private Guid _berdychiv;
    private Guid _ovruch;
    private Guid _closed;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        _oblast = await ReportData.UnitAsync(_host, "UA18000000000045390");
        _city = await ReportData.UnitAsync(_host, "UA18040470000082484");
        _korosten = await ReportData.UnitAsync(_host, "UA18060170000025398");
        _berdychiv = await ReportData.UnitAsync(_host, "UA18020030000014563");
        _ovruch = await ReportData.UnitAsync(_host, "UA18060230000069215");
        var schedule = await ReportData.ScheduleAsync(_host, _oblast);
        _closed = await ReportData.RoundAsync(_host, schedule, 20,
        [
            .. ReportData.Answering(_city, 6, 60), new Invited(_city), .. ReportData.Answering(_korosten, 4, 80), .. ReportData.Answering(_berdychiv, 7, 30),
        ]);
        await ReportData.RoundAsync(_host, schedule, 2, [.. ReportData.Answering(_city, 6, 60)]);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private IWellbeingFigures Figures => _host.Get<IWellbeingFigures>();

    private async Task<DateOnly> ClosedOnAsync(Guid roundId)
    {
        await using var db = _host.Get<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();
        return DailyRuns.DayOf((await db.Rounds.SingleAsync(r => r.Id == roundId)).ClosesAt.AddTicks(-1));
    }

    /// <summary>Lviv oblast checking in on its own schedule: a closed round answered by people of Lviv city with one score.</summary>
    private async Task<Guid> LvivAnsweringAsync(int count, decimal personal)
    {
        var lviv = await ReportData.UnitAsync(_host, "UA46000000000026241");
        var lvivCity = await ReportData.UnitAsync(_host, "UA46060250000032558");
        await ReportData.RoundAsync(_host, await ReportData.ScheduleAsync(_host, lviv), 30, [.. ReportData.Answering(lvivCity, count, personal)]);
        return lviv;
    }

    [Fact]
    public async Task An_oblast_shows_its_total_and_the_hromadas_large_enough_with_the_next_smallest_hidden_so_the_small_one_cannot_be_worked_out()
    {
        var figures = await Figures.BurnoutUnderAsync(_oblast);

        var closedOn = await ClosedOnAsync(_closed);
        Assert.Equal(5, figures.Minimum);
        // (6 × 60 + 4 × 80 + 7 × 30) / 17 = 52.4; the 10 of Zhytomyr city and Korosten score 50 or more → 59%.
        Assert.Equal(new BurnoutFigure(_oblast, closedOn, 17, 59, 52.4m, false), figures.Area);
        var units = figures.Units.ToDictionary(u => u.UnitId);
        Assert.Equal(new BurnoutFigure(_korosten, closedOn, null, null, null, true), units[_korosten]);
        // Zhytomyr city (6) is the next smallest: shown, it would give Korosten as 17 − 6 − 7.
        Assert.Equal(new BurnoutFigure(_city, closedOn, null, null, null, true), units[_city]);
        Assert.Equal(new BurnoutFigure(_berdychiv, closedOn, 7, 0, 30m, false), units[_berdychiv]);
        // Nobody of Ovruch was invited: nothing to show and nothing hidden.
        Assert.Equal(new BurnoutFigure(_ovruch, null, null, null, null, false), units[_ovruch]);
    }

    [Fact]
    public async Task The_minimum_set_for_the_reports_is_the_one_the_figures_keep()
    {
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.ReportsSettings, null));
        Assert.True((await _host.Get<ReportSettingsService>().SetAsync(4, null)).Succeeded);
        _host.User.Holding();

        var figures = await Figures.BurnoutUnderAsync(_oblast);

        var units = figures.Units.ToDictionary(u => u.UnitId);
        Assert.Equal(4, figures.Minimum);
        Assert.Equal((4, 100, 80m, false), (units[_korosten].Respondents!.Value, units[_korosten].HighPercent!.Value, units[_korosten].Mean!.Value, units[_korosten].Hidden));
        Assert.Equal((6, 100, 60m, false), (units[_city].Respondents!.Value, units[_city].HighPercent!.Value, units[_city].Mean!.Value, units[_city].Hidden));
    }

    [Fact]
    public async Task A_unit_whose_own_schedule_has_only_an_open_round_shows_nothing_though_its_oblast_shows_it()
    {
        var own = await ReportData.ScheduleAsync(_host, _korosten);
        await ReportData.RoundAsync(_host, own, 2, [.. ReportData.Answering(_korosten, 6, 90)]);

        var figures = await Figures.BurnoutUnderAsync(_korosten);

        Assert.Equal(new BurnoutFigure(_korosten, null, null, null, null, false), figures.Area);
        Assert.All(figures.Units, u => Assert.Equal((null, null, null, false), (u.RoundClosedOn, u.Respondents, u.HighPercent, u.Hidden)));
    }

    [Fact]
    public async Task The_country_gives_each_oblast_the_total_of_its_own_report()
    {
        var lviv = await LvivAnsweringAsync(6, 70);

        var figures = await Figures.BurnoutUnderAsync(null);

        Assert.Null(figures.Area);
        var oblasts = figures.Units.ToDictionary(u => u.UnitId);
        Assert.Equal(2, oblasts.Count);
        Assert.Equal(new BurnoutFigure(_oblast, await ClosedOnAsync(_closed), 17, 59, 52.4m, false), oblasts[_oblast]);
        Assert.Equal((6, 100, 70m, false), (oblasts[lviv].Respondents!.Value, oblasts[lviv].HighPercent!.Value, oblasts[lviv].Mean!.Value, oblasts[lviv].Hidden));
        Assert.NotNull(oblasts[lviv].RoundClosedOn);
    }

    [Fact]
    public async Task An_oblast_too_small_to_show_hides_the_next_smallest_oblast_too_so_it_cannot_be_worked_out_from_the_country()
    {
        var lviv = await LvivAnsweringAsync(3, 70);

        var figures = await Figures.BurnoutUnderAsync(null);

        var oblasts = figures.Units.ToDictionary(u => u.UnitId);
        Assert.Equal((null, null, true), (oblasts[lviv].Respondents, oblasts[lviv].Mean, oblasts[lviv].Hidden));
        // Its own report shows Zhytomyr oblast's 17, but beside the country's 20 that would give Lviv's 3.
        Assert.Equal(new BurnoutFigure(_oblast, await ClosedOnAsync(_closed), null, null, null, true), oblasts[_oblast]);
    }

    [Fact]
    public async Task An_oblast_no_schedule_covers_gives_each_hromada_its_own_reports_total_suppressed_among_them_as_siblings()
    {
        var lviv = await ReportData.UnitAsync(_host, "UA46000000000026241");
        var lvivCity = await ReportData.UnitAsync(_host, "UA46060250000032558");
        var drohobych = await ReportData.UnitAsync(_host, "UA46040110000012843");
        var sambir = await ReportData.UnitAsync(_host, "UA46080130000051632");
        var drohobychRound = await ReportData.RoundAsync(_host, await ReportData.ScheduleAsync(_host, drohobych), 30, [.. ReportData.Answering(drohobych, 7, 40)]);
        var cityRound = await ReportData.RoundAsync(_host, await ReportData.ScheduleAsync(_host, lvivCity), 25, [.. ReportData.Answering(lvivCity, 6, 70)]);
        await ReportData.RoundAsync(_host, await ReportData.ScheduleAsync(_host, sambir), 25, [.. ReportData.Answering(sambir, 2, 90)]);

        var figures = await Figures.BurnoutUnderAsync(lviv);

        Assert.Equal(new BurnoutFigure(lviv, null, null, null, null, false), figures.Area);
        var units = figures.Units.ToDictionary(u => u.UnitId);
        Assert.Equal((null, true), (units[sambir].Respondents, units[sambir].Hidden));
        Assert.Equal(new BurnoutFigure(lvivCity, await ClosedOnAsync(cityRound), null, null, null, true), units[lvivCity]);
        Assert.Equal(new BurnoutFigure(drohobych, await ClosedOnAsync(drohobychRound), 7, 0, 40m, false), units[drohobych]);
    }
}

public sealed class WellbeingFiguresOnSqlite(SqliteServer server) : WellbeingFiguresTests(server), IClassFixture<SqliteServer>;

public sealed class WellbeingFiguresOnPostgreSql(PostgreSqlServer server) : WellbeingFiguresTests(server), IClassFixture<PostgreSqlServer>;
