using TrainingHub.Pathways.Contracts;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Workforce.ActionPlans;
using TrainingHub.Workforce.Dashboard;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Tests.Dashboard;

/// <summary>
/// The planning overview's measures that other modules answer: supervision coverage, competency profiles met and
/// certificates per person, added up per unit; burnout as the wellbeing module lets it show. Snapshots keep the first
/// three for comparison; action plans can target them.
/// </summary>
public abstract class MeasuresFromOtherModulesTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private FakeFigures Figures => _scenario.Figures;

    /// <summary>Four people in the city (three supervised often enough), two in Korosten (one), one in Lviv (one).</summary>
    private async Task SuperviseAsync()
    {
        var city = await _scenario.HireAsync(4, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        var korosten = await _scenario.HireAsync(2, _scenario.Korosten.Id, _scenario.People.SocialWorker);
        var lviv = await _scenario.HireAsync(1, _scenario.LvivCity.Id, _scenario.People.SocialWorker);
        foreach (var (person, supervised) in city.Zip([true, true, true, false]).Concat(korosten.Zip([true, false])).Concat(lviv.Zip([true])))
        {
            Figures.Supervised[person.Id] = supervised;
        }
    }

    [Fact]
    public async Task Supervision_coverage_ranks_the_least_covered_hromada_first_and_leaves_hromadas_without_people_to_supervise_unranked()
    {
        await SuperviseAsync();
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        var ranking = (await _scenario.Get<Rankings>().GetAsync(_scenario.Zhytomyr.Id, DashboardMeasure.SupervisionCoveragePercent, null)).Value;

        Assert.False(ranking.LowerIsBetter);
        Assert.True(ranking.IsPercent);
        Assert.Equal(("Korosten City Hromada", 50.0), (ranking.Units[0].Name, ranking.Units[0].Value));
        Assert.Equal(("Zhytomyr City Hromada", 75.0), (ranking.Units[1].Name, ranking.Units[1].Value));
        Assert.All(ranking.Units.Skip(2), u => Assert.Null(u.Value));
    }

    [Fact]
    public async Task The_country_counts_each_oblast_with_everyone_under_it()
    {
        await SuperviseAsync();
        _scenario.AsViewerAt(null);

        var ranking = (await _scenario.Get<Rankings>().GetAsync(null, DashboardMeasure.SupervisionCoveragePercent, null)).Value;

        Assert.Equal(4 * 100.0 / 6, ranking.Units.Single(u => u.UnitId == _scenario.Zhytomyr.Id).Value);
        Assert.Equal(100.0, ranking.Units.Single(u => u.UnitId == _scenario.Lviv.Id).Value);
    }

    [Fact]
    public async Task Profiles_met_and_certificates_are_shares_of_the_people_they_concern()
    {
        var city = await _scenario.HireAsync(4, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        Figures.MeetProfile[city[0].Id] = true;
        Figures.MeetProfile[city[1].Id] = false;
        Figures.Standing[city[2].Id] = new PathwayStanding(0, 0, Certified: true);
        _scenario.AsViewerAt(_scenario.ZhytomyrCity.Id);
        var rankings = _scenario.Get<Rankings>();

        var profiles = (await rankings.GetAsync(_scenario.ZhytomyrCity.Id, DashboardMeasure.ProfileMetPercent, null)).Value;
        var certified = (await rankings.GetAsync(_scenario.ZhytomyrCity.Id, DashboardMeasure.CertifiedPercent, null)).Value;

        Assert.Equal(50.0, profiles.Units.Single(u => u.UnitId == _scenario.CityCentre.Id).Value);
        Assert.Equal(25.0, certified.Units.Single(u => u.UnitId == _scenario.CityCentre.Id).Value);
        Assert.Null(certified.Units.Single(u => u.UnitId == _scenario.CityNgo.Id).Value);
    }

    [Fact]
    public async Task A_snapshot_keeps_supervision_coverage_so_a_later_month_shows_the_change()
    {
        await SuperviseAsync();
        await _scenario.Get<AreaSnapshots>().TakeAsync(CancellationToken.None);
        var month = AreaSnapshots.MonthOf(DateTimeOffset.UtcNow);
        foreach (var person in Figures.Supervised.Keys.ToList())
        {
            Figures.Supervised[person] = true;
        }
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        var ranking = (await _scenario.Get<Rankings>().GetAsync(_scenario.Zhytomyr.Id, DashboardMeasure.SupervisionCoveragePercent, month)).Value;

        var korosten = ranking.Units.Single(u => u.UnitId == _scenario.Korosten.Id);
        Assert.Equal((100.0, 50.0), (korosten.Value, korosten.Before));
    }

    [Fact]
    public async Task Burnout_shows_what_the_wellbeing_rules_let_through_and_marks_the_rest_hidden()
    {
        Figures.Burnout[_scenario.Zhytomyr.Id] = new BurnoutFigures(6, null,
        [
            new BurnoutFigure(_scenario.ZhytomyrCity.Id, new DateOnly(2026, 11, 30), 12, 25, 41.5m, Hidden: false),
            new BurnoutFigure(_scenario.Korosten.Id, new DateOnly(2026, 11, 30), null, null, null, Hidden: true),
        ]);
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        var ranking = (await _scenario.Get<Rankings>().GetAsync(_scenario.Zhytomyr.Id, DashboardMeasure.BurnoutHighPercent, null)).Value;

        Assert.True(ranking.LowerIsBetter);
        Assert.Equal(6, ranking.AnonymityMinimum);
        Assert.Equal(("Zhytomyr City Hromada", 25.0), (ranking.Units[0].Name, ranking.Units[0].Value));
        var korosten = ranking.Units.Single(u => u.UnitId == _scenario.Korosten.Id);
        Assert.Equal((null, true, 0), (korosten.Value, korosten.Hidden, korosten.Band));
    }

    [Fact]
    public async Task An_action_plan_targets_supervision_coverage_and_reads_it_beside_todays_figure()
    {
        await SuperviseAsync();
        _scenario.AsCoordinatorAt(_scenario.Zhytomyr.Id);
        var plans = _scenario.Get<WorkforcePlans>();
        var added = await plans.AddAsync(_scenario.Zhytomyr.Id, new PlanInput
        {
            Measure = PlanMeasure.SupervisionCoveragePercent, Target = 90, DueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6),
        });
        var tooHigh = await plans.AddAsync(_scenario.Zhytomyr.Id, new PlanInput
        {
            Measure = PlanMeasure.SupervisionCoveragePercent, Target = 120, DueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6),
        });

        var line = (await plans.ForAsync(await _scenario.ReportAsync(_scenario.Zhytomyr.Id))).Value.Single();

        Assert.True(added.Succeeded);
        Assert.Equal(SharedKernel.Outcomes.ErrorKind.Validation, tooHigh.Error!.Kind);
        Assert.Equal((4 * 100.0 / 6, TargetProgress.Open), (line.Current!.Value, line.Progress));
    }
}

public sealed class MeasuresFromOtherModulesOnSqlite(SqliteServer server) : MeasuresFromOtherModulesTests(server), IClassFixture<SqliteServer>;

public sealed class MeasuresFromOtherModulesOnPostgreSql(PostgreSqlServer server) : MeasuresFromOtherModulesTests(server), IClassFixture<PostgreSqlServer>;
