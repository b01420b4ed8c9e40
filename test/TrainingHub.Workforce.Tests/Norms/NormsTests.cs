using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Tests.Norms;

/// <summary>Administrators set the national targets and which positions count as what; the figures follow at once.</summary>
public abstract class NormsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private NormsSettings Settings => _scenario.Get<NormsSettings>();

    [Fact]
    public async Task The_first_start_counts_social_workers_case_managers_volunteers_and_social_assistants_and_demo_data_sets_example_targets()
    {
        _scenario.AsAdministrator();

        var norms = (await Settings.GetAsync()).Value;

        Assert.Equal(["Volunteer Volunteer", "Social assistant Paraprofessional", "Social worker SocialWorker", "Case manager SocialWorker", "Psychologist "],
            norms.Positions.Select(p => $"{p.Name} {p.CountedAs}"));
        Assert.Equal((5_000, 1_000, 2, 10),
            (norms.Targets.MaxPeoplePerSocialWorker, norms.Targets.MaxChildrenPerSocialWorker, norms.Targets.MinVolunteersPer10000, norms.Targets.MaxVacancyPercent));
    }

    [Fact]
    public async Task Counting_psychologists_and_changing_a_target_changes_the_figures_and_the_judgement()
    {
        await _scenario.HireAsync(1, _scenario.CityCentre.Id, _scenario.People.Psychologist);
        await _scenario.HireAsync(60, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        _scenario.AsAdministrator();
        var before = await _scenario.ReportAsync(_scenario.ZhytomyrCity.Id);
        var norms = (await Settings.GetAsync()).Value;
        norms.Positions.Single(p => p.PositionTypeId == _scenario.People.Psychologist.Id).CountedAs = CountedAs.Psychologist;
        norms.Targets.MaxPeoplePerSocialWorker = 4_000;

        var saved = await Settings.SaveAsync(norms);
        var after = await _scenario.ReportAsync(_scenario.ZhytomyrCity.Id);

        Assert.True(saved.Succeeded, saved.Error?.ToString());
        Assert.Equal((0, TargetStateOf(before)), (before.Total.Psychologists, TargetState.Met));
        Assert.Equal((1, TargetStateOf(after)), (after.Total.Psychologists, TargetState.NotMet));
    }

    [Fact]
    public async Task A_target_out_of_range_or_a_stale_form_is_refused_and_coordinators_may_not_set_targets()
    {
        _scenario.AsAdministrator();
        var mine = (await Settings.GetAsync()).Value;
        var theirs = (await Settings.GetAsync()).Value;
        mine.Targets.MaxVacancyPercent = 120;
        mine.Targets.MaxPeoplePerSocialWorker = 0;
        var invalid = await Settings.SaveAsync(mine);
        theirs.Targets.MaxVacancyPercent = 15;
        Assert.True((await Settings.SaveAsync(theirs)).Succeeded);
        mine.Targets.MaxVacancyPercent = 5;
        mine.Targets.MaxPeoplePerSocialWorker = 5_000;
        var stale = await Settings.SaveAsync(mine);
        _scenario.AsCoordinatorAt(null);
        var coordinator = await Settings.GetAsync();

        Assert.Equal(["MaxPeoplePerSocialWorker", "MaxVacancyPercent"], invalid.Error!.Fields.Select(f => f.Field));
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, coordinator.Error!.Kind);
        _scenario.AsAdministrator();
        Assert.Equal(15, (await Settings.GetAsync()).Value.Targets.MaxVacancyPercent);
    }

    private static TargetState TargetStateOf(StaffingReport report) => report.Total.PeopleTarget(report.Targets);
}

public sealed class NormsOnSqlite(SqliteServer server) : NormsTests(server), IClassFixture<SqliteServer>;

public sealed class NormsOnPostgreSql(PostgreSqlServer server) : NormsTests(server), IClassFixture<PostgreSqlServer>;
