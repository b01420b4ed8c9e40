using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Tests.Staffing;

/// <summary>Staffing per organisation, hromada, oblast and country, from the people Accounts reports and the posts coordinators enter.</summary>
public abstract class StaffingReportTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private FakePeople People => _scenario.People;

    /// <summary>
    /// Zhytomyr City: two social workers and a psychologist in the centre (four social-worker posts funded), a case manager
    /// working for the hromada itself, a volunteer with the NGO and a social worker who left (inactive). Psychologists are
    /// not counted as such until an administrator says so.
    /// </summary>
    private async Task StaffTheCityAsync()
    {
        await _scenario.HireAsync(2, _scenario.CityCentre.Id, People.SocialWorker);
        await _scenario.HireAsync(1, _scenario.CityCentre.Id, People.Psychologist);
        await _scenario.HireAsync(1, _scenario.ZhytomyrCity.Id, People.CaseManager);
        await _scenario.HireAsync(1, _scenario.CityNgo.Id, People.Volunteer);
        await _scenario.HireAsync(1, _scenario.CityCentre.Id, People.SocialWorker, active: false);
        _scenario.AsAdministrator();
        var lines = (await _scenario.Get<FundedPostsEditing>().OfAsync(_scenario.CityCentre.Id)).Value;
        lines.Single(l => l.PositionTypeId == People.SocialWorker.Id).Posts = 4;
        Assert.True((await _scenario.Get<FundedPostsEditing>().SaveAsync(_scenario.CityCentre.Id, lines)).Succeeded);
    }

    [Fact]
    public async Task A_hromada_counts_its_active_people_by_position_against_its_population_and_the_posts_of_its_organisations()
    {
        await StaffTheCityAsync();
        _scenario.AsViewerAt(_scenario.ZhytomyrCity.Id);

        var report = await _scenario.ReportAsync(_scenario.ZhytomyrCity.Id);

        Assert.Equal(263_507, report.Total.Population);
        Assert.Equal((5, 3, 0, 1), (report.Total.Staff, report.Total.SocialWorkers, report.Total.Psychologists, report.Total.Volunteers));
        Assert.Equal((4, 2), (report.Total.FundedPosts, report.Total.VacantPosts));
        Assert.Equal(263_507 / 3.0, report.Total.PeoplePerSocialWorker);
        Assert.Equal(TargetState.NotMet, report.Total.PeopleTarget(report.Targets));
        Assert.Equal(TargetState.NotMet, report.Total.VacancyTarget(report.Targets));
        Assert.Equal(["Zhytomyr City Hromada itself: 1", "NGO: 1", "Social services centre: 3"],
            report.Lines.Select(l => $"{Short(l)}: {l.Figures.Staff}"));
        var socialWorkers = report.Positions.Single(p => p.PositionTypeId == People.SocialWorker.Id);
        Assert.Equal((4, 2, 2), (socialWorkers.Funded, socialWorkers.Filled, socialWorkers.Vacant));
        Assert.False(report.CanEdit);
    }

    [Fact]
    public async Task An_oblast_lists_its_hromadas_with_their_populations_and_compares_urban_with_rural_ones()
    {
        await StaffTheCityAsync();
        await _scenario.HireAsync(1, _scenario.Korosten.Id, People.SocialWorker);
        _scenario.AsCoordinatorAt(_scenario.Zhytomyr.Id);
        var communities = _scenario.Get<CommunityProfiles>();
        Assert.True((await communities.SaveAsync(_scenario.ZhytomyrCity.Id, new CommunityInput { Settlement = Settlement.Urban, FamiliesInDifficulty = 120 })).Succeeded);
        Assert.True((await communities.SaveAsync(_scenario.Korosten.Id, new CommunityInput { Settlement = Settlement.Rural, FamiliesInDifficulty = 30 })).Succeeded);

        var report = await _scenario.ReportAsync(_scenario.Zhytomyr.Id);

        Assert.Equal(1_179_032, report.Total.Population);
        Assert.Equal(150, report.Total.FamiliesInDifficulty);
        Assert.Equal(4, report.Total.SocialWorkers);
        Assert.Equal(4, report.Lines.Count);
        var city = report.Lines.Single(l => l.UnitId == _scenario.ZhytomyrCity.Id);
        Assert.Equal((263_507, 3, 40.0, Settlement.Urban), (city.Figures.Population, city.Figures.SocialWorkers, city.Figures.FamiliesPerSocialWorker, city.Settlement));
        Assert.Equal(
            ["Urban: 1 hromada, 263507 residents, 3 social workers", "Rural: 1 hromada, 72950 residents, 1 social workers"],
            report.Settlements.Select(s => $"{s.Settlement}: {s.Hromadas} hromada, {s.Figures.Population} residents, {s.Figures.SocialWorkers} social workers"));
        Assert.True(report.CanEdit);
    }

    [Fact]
    public async Task The_country_lists_its_oblasts_for_those_whose_area_is_everywhere_and_is_refused_to_an_oblast_coordinator()
    {
        await StaffTheCityAsync();
        await _scenario.HireAsync(2, _scenario.LvivCity.Id, People.SocialWorker);
        _scenario.AsViewerAt(null);

        var country = await _scenario.ReportAsync(null);
        var start = await _scenario.Get<StaffingReports>().DefaultUnitAsync();
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);
        var refusedCountry = await _scenario.Get<StaffingReports>().GetAsync(null);
        var refusedLviv = await _scenario.Get<StaffingReports>().GetAsync(_scenario.LvivCity.Id);
        var oblastStart = await _scenario.Get<StaffingReports>().DefaultUnitAsync();

        Assert.Equal(["Lviv Oblast", "Zhytomyr Oblast"], country.Lines.Select(l => l.Name).Order());
        Assert.Equal(1_179_032 + 2_478_133, country.Total.Population);
        Assert.Equal(5, country.Total.SocialWorkers);
        Assert.Null(start.Value);
        Assert.Equal(ErrorKind.Forbidden, refusedCountry.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, refusedLviv.Error!.Kind);
        Assert.Equal(_scenario.Zhytomyr.Id, oblastStart.Value);
    }

    [Fact]
    public async Task The_way_back_up_goes_only_as_high_as_the_viewers_area()
    {
        _scenario.AsViewerAt(null);
        var fromCountry = await _scenario.ReportAsync(_scenario.CityCentre.Id);
        _scenario.AsViewerAt(_scenario.ZhytomyrCity.Id);
        var fromHromada = await _scenario.ReportAsync(_scenario.CityCentre.Id);
        var nothingToLeave = await _scenario.ReportAsync(_scenario.ZhytomyrCity.Id);

        Assert.Equal([null, "Zhytomyr Oblast", "Zhytomyr City Hromada"], fromCountry.Trail.Select(s => s.Name));
        Assert.Equal(["Zhytomyr City Hromada"], fromHromada.Trail.Select(s => s.Name));
        Assert.Empty(nothingToLeave.Trail);
    }

    [Fact]
    public async Task A_person_who_moves_to_another_hromada_or_leaves_is_counted_where_they_are_now()
    {
        var (moving, leaving) = ((await _scenario.HireAsync(1, _scenario.CityCentre.Id, People.SocialWorker))[0],
            (await _scenario.HireAsync(1, _scenario.CityCentre.Id, People.SocialWorker))[0]);
        await _scenario.ChangeAsync(moving with { HomeUnitId = _scenario.Korosten.Id });
        People.Remove(leaving.Id);
        await _scenario.Get<StaffSync>().ReconcileAsync(CancellationToken.None);
        _scenario.AsViewerAt(null);

        var oblast = await _scenario.ReportAsync(_scenario.Zhytomyr.Id);

        Assert.Equal(0, oblast.Lines.Single(l => l.UnitId == _scenario.ZhytomyrCity.Id).Figures.SocialWorkers);
        Assert.Equal(1, oblast.Lines.Single(l => l.UnitId == _scenario.Korosten.Id).Figures.SocialWorkers);
        Assert.Equal(1, oblast.Total.Staff);
    }

    /// <summary>The unit's English name, shortened for the organisations.</summary>
    private string Short(AreaLine line) =>
        line.UnitId == _scenario.CityCentre.Id ? "Social services centre"
        : line.UnitId == _scenario.CityNgo.Id ? "NGO"
        : line.IsUnitItself ? $"{line.Name} itself" : line.Name;
}

public sealed class StaffingReportOnSqlite(SqliteServer server) : StaffingReportTests(server), IClassFixture<SqliteServer>;

public sealed class StaffingReportOnPostgreSql(PostgreSqlServer server) : StaffingReportTests(server), IClassFixture<PostgreSqlServer>;
