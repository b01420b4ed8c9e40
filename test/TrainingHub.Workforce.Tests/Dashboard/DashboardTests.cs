using System.Text;
using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Dashboard;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Tests.Dashboard;

/// <summary>The planning overview: units ranked worst first by a measure, compared with a month's snapshot, and its files.</summary>
public abstract class DashboardTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private Rankings Rankings => _scenario.Get<Rankings>();

    /// <summary>Social workers across the oblast's hromadas: the city well staffed, Korosten and Berdychiv less, Ovruch with nobody.</summary>
    private async Task StaffTheOblastAsync()
    {
        var directory = _scenario.Get<TrainingHub.Organisations.Contracts.IOrganisationDirectory>();
        var berdychiv = (await directory.FindByKatottgAsync("UA18020030000014563"))!;
        await _scenario.HireAsync(60, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        await _scenario.HireAsync(5, _scenario.Korosten.Id, _scenario.People.SocialWorker);
        await _scenario.HireAsync(8, berdychiv.Id, _scenario.People.SocialWorker);
    }

    [Fact]
    public async Task An_oblasts_hromadas_are_ranked_worst_first_in_fifths_with_the_hromada_without_a_social_worker_at_the_top()
    {
        await StaffTheOblastAsync();
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        var ranking = (await Rankings.GetAsync(_scenario.Zhytomyr.Id, DashboardMeasure.ResidentsPerSocialWorker, null)).Value;

        Assert.True(ranking.LowerIsBetter);
        Assert.Equal(["Ovruch City Hromada", "Korosten City Hromada", "Berdychiv City Hromada", "Zhytomyr City Hromada"], ranking.Units.Select(u => u.Name));
        Assert.Equal([5, 4, 3, 2], ranking.Units.Select(u => u.Band));
        Assert.Equal(double.PositiveInfinity, ranking.Units[0].Value);
        Assert.Equal([TargetState.NotMet, TargetState.NotMet, TargetState.NotMet, TargetState.Met], ranking.Units.Select(u => u.Target));
    }

    [Fact]
    public async Task A_snapshot_taken_earlier_shows_how_each_hromada_changed_and_taking_it_again_in_the_month_replaces_it()
    {
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);
        var snapshots = _scenario.Get<AreaSnapshots>();
        await snapshots.TakeAsync(CancellationToken.None);
        await snapshots.TakeAsync(CancellationToken.None);
        var month = AreaSnapshots.MonthOf(DateTimeOffset.UtcNow);
        await StaffTheOblastAsync();

        var ranking = (await Rankings.GetAsync(_scenario.Zhytomyr.Id, DashboardMeasure.ResidentsPerSocialWorker, month)).Value;

        await using var db = await _scenario.Host.Get<IDbContextFactory<WorkforceDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Snapshots.CountAsync(s => s.Month == month && s.UnitId == AreaSnapshot.CountryId));
        Assert.Equal(month, ranking.ComparedWith);
        Assert.Equal([month], ranking.Months);
        var city = ranking.Units.Single(u => u.UnitId == _scenario.ZhytomyrCity.Id);
        Assert.Equal((263_507 / 60.0, double.PositiveInfinity), (city.Value!.Value, city.Before!.Value));
    }

    [Fact]
    public async Task Volunteers_rank_the_fewest_first_and_an_oblast_coordinator_cannot_rank_the_country()
    {
        await _scenario.HireAsync(30, _scenario.Korosten.Id, _scenario.People.Volunteer);
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        var ranking = (await Rankings.GetAsync(_scenario.Zhytomyr.Id, DashboardMeasure.VolunteersPer10000, null)).Value;
        var country = await Rankings.GetAsync(null, DashboardMeasure.VolunteersPer10000, null);

        Assert.False(ranking.LowerIsBetter);
        Assert.Equal("Korosten City Hromada", ranking.Units[^1].Name);
        Assert.Equal(ErrorKind.Forbidden, country.Error!.Kind);
    }

    [Fact]
    public async Task The_chart_downloads_as_an_svg_that_names_every_unit_and_the_table_as_csv()
    {
        await StaffTheOblastAsync();
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);
        var export = _scenario.Get<RankingExport>();

        var svg = (await export.ExportAsync(_scenario.Zhytomyr.Id, DashboardMeasure.ResidentsPerSocialWorker, null, "svg")).Value;
        var csv = (await export.ExportAsync(_scenario.Zhytomyr.Id, DashboardMeasure.ResidentsPerSocialWorker, null, "csv")).Value;

        var picture = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(svg.Content));
        Assert.Equal("image/svg+xml", svg.ContentType);
        Assert.Equal(4, picture.Descendants().Count(e => e.Name.LocalName == "rect") - 1);
        Assert.Contains("1. Ovruch City Hromada", picture.Root!.Value);
        var lines = Encoding.UTF8.GetString(csv.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("1;Ovruch City Hromada;;", lines[1]);
        Assert.StartsWith("4;Zhytomyr City Hromada;4391.8;", lines[4]);
    }

    [Fact]
    public async Task The_chart_downloads_as_a_png_with_the_worst_unit_in_red_on_top()
    {
        await StaffTheOblastAsync();
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        var png = (await _scenario.Get<RankingExport>().ExportAsync(_scenario.Zhytomyr.Id, DashboardMeasure.ResidentsPerSocialWorker, null, "png")).Value;

        using var image = SkiaSharp.SKBitmap.Decode(png.Content);
        Assert.Equal(("image/png", 760, 40 + 4 * 26 + 10), (png.ContentType, image.Width, image.Height));
        // The first row's bar (Ovruch, nobody working: the worst fifth) is red; the page around it is white.
        Assert.Equal(SkiaSharp.SKColor.Parse("#c62828"), image.GetPixel(300, 40 + 12));
        Assert.Equal(SkiaSharp.SKColors.White, image.GetPixel(750, 5));
    }
}

public sealed class DashboardOnSqlite(SqliteServer server) : DashboardTests(server), IClassFixture<SqliteServer>;

public sealed class DashboardOnPostgreSql(PostgreSqlServer server) : DashboardTests(server), IClassFixture<PostgreSqlServer>;
