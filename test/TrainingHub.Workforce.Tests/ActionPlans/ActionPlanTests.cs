using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;
using TrainingHub.Workforce.ActionPlans;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Tests.ActionPlans;

/// <summary>An oblast's or hromada's action plan: targets with dates, each read beside the area's figure today.</summary>
public abstract class ActionPlanTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private WorkforcePlans Plans => _scenario.Get<WorkforcePlans>();

    private static DateOnly Today => DailyRuns.DayOf(DateTimeOffset.UtcNow);

    private async Task<IReadOnlyList<PlanLine>> PlanAsync(Guid unitId) =>
        (await Plans.ForAsync(await _scenario.ReportAsync(unitId))).Value;

    [Fact]
    public async Task A_hromadas_targets_read_reached_not_yet_or_overdue_against_its_figures_today()
    {
        var workers = await _scenario.HireAsync(4, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        await _scenario.HireAsync(2, _scenario.CityNgo.Id, _scenario.People.Volunteer);
        _scenario.Figures.Standing[workers[0].Id] = new PathwayStanding(0, 0, true);
        _scenario.AsCoordinatorAt(_scenario.ZhytomyrCity.Id);
        foreach (var input in new[]
                 {
                     new PlanInput { Measure = PlanMeasure.SocialWorkers, Target = 4, DueOn = Today.AddMonths(6) },
                     new PlanInput { Measure = PlanMeasure.Volunteers, Target = 10, DueOn = Today.AddMonths(3), Note = "Набір через школи" },
                     new PlanInput { Measure = PlanMeasure.ResidentsPerSocialWorker, Target = 5_000, DueOn = Today },
                     new PlanInput { Measure = PlanMeasure.PeopleCertified, Target = 1, DueOn = Today.AddYears(1) },
                     new PlanInput { Measure = PlanMeasure.PostsFilledPercent, Target = 90, DueOn = Today.AddYears(1) },
                 })
        {
            Assert.True((await Plans.AddAsync(_scenario.ZhytomyrCity.Id, input)).Succeeded);
        }
        await using (var db = await _scenario.Host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.WorkforceDbContext>>().CreateDbContextAsync())
        {
            // A target set earlier whose date has passed since.
            var late = new PlanTarget { UnitId = _scenario.ZhytomyrCity.Id };
            late.Set(PlanMeasure.SocialWorkers, 10, Today.AddDays(-1), null, Today.AddDays(-30), isHromada: true);
            db.PlanTargets.Add(late);
            await db.SaveChangesAsync();
        }

        var plan = await PlanAsync(_scenario.ZhytomyrCity.Id);

        Assert.Equal(
            [
                "SocialWorkers 10 Overdue 4",
                "ResidentsPerSocialWorker 5000 Open 65876.75",
                "Volunteers 10 Open 2",
                "SocialWorkers 4 Met 4",
                "PeopleCertified 1 Met 1",
                "PostsFilledPercent 90 NoData ",
            ],
            plan.Select(l => $"{l.Measure} {l.Target} {l.Progress} {l.Current?.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.Equal("Набір через школи", plan.Single(l => l.Measure == PlanMeasure.Volunteers).Note);
    }

    [Fact]
    public async Task A_target_is_checked_changed_only_from_what_was_read_and_set_only_by_coordinators_over_the_area()
    {
        _scenario.AsCoordinatorAt(_scenario.ZhytomyrCity.Id);
        var invalid = await Plans.AddAsync(_scenario.ZhytomyrCity.Id,
            new PlanInput { Measure = PlanMeasure.PostsFilledPercent, Target = 120, DueOn = Today.AddDays(-1), Note = new string('x', PlanTarget.MaxNoteLength + 1) });
        var undated = await Plans.AddAsync(_scenario.ZhytomyrCity.Id, new PlanInput { Measure = PlanMeasure.SocialWorkers, Target = 5 });
        var organisation = await Plans.AddAsync(_scenario.CityCentre.Id, new PlanInput { Measure = PlanMeasure.SocialWorkers, Target = 5, DueOn = Today });
        var added = await Plans.AddAsync(_scenario.ZhytomyrCity.Id, new PlanInput { Measure = PlanMeasure.ServicesProvided, Target = 18, DueOn = Today.AddYears(1) });
        var read = Assert.Single(await PlanAsync(_scenario.ZhytomyrCity.Id));
        var changed = await Plans.ChangeAsync(read.Id, read.Version, new PlanInput { Measure = PlanMeasure.ServicesProvided, Target = 16, DueOn = read.DueOn });
        var stale = await Plans.ChangeAsync(read.Id, read.Version, new PlanInput { Measure = PlanMeasure.ServicesProvided, Target = 12, DueOn = read.DueOn });
        _scenario.AsCoordinatorAt(_scenario.Zhytomyr.Id);
        var servicesForOblast = await Plans.AddAsync(_scenario.Zhytomyr.Id, new PlanInput { Measure = PlanMeasure.ServicesProvided, Target = 18, DueOn = Today });
        _scenario.AsCoordinatorAt(_scenario.Korosten.Id);
        var elsewhere = await Plans.RemoveAsync(read.Id, read.Version);
        _scenario.AsViewerAt(_scenario.ZhytomyrCity.Id);
        var viewer = await Plans.AddAsync(_scenario.ZhytomyrCity.Id, new PlanInput { Measure = PlanMeasure.SocialWorkers, Target = 5, DueOn = Today });

        Assert.Equal(["Target Plan:Error:TargetOutOfRange", "DueOn Plan:Error:DueInPast", "Note Plan:Error:NoteTooLong"],
            invalid.Error!.Fields.Select(f => $"{f.Field} {f.Key}"));
        Assert.Equal("DueOn", Assert.Single(undated.Error!.Fields).Field);
        Assert.Equal(ErrorKind.NotFound, organisation.Error!.Kind);
        Assert.True(added.Succeeded);
        Assert.True(changed.Succeeded);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal("Measure", Assert.Single(servicesForOblast.Error!.Fields).Field);
        Assert.Equal(ErrorKind.Forbidden, elsewhere.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, viewer.Error!.Kind);
        Assert.Equal(16, Assert.Single(await PlanAsync(_scenario.ZhytomyrCity.Id)).Target);
    }

    [Fact]
    public async Task The_country_and_organisations_have_no_plan()
    {
        _scenario.AsAdministrator();

        Assert.Empty(await PlanAsync(_scenario.CityCentre.Id));
        Assert.Empty((await Plans.ForAsync(await _scenario.ReportAsync(null))).Value);
    }
}

public sealed class ActionPlanOnSqlite(SqliteServer server) : ActionPlanTests(server), IClassFixture<SqliteServer>;

public sealed class ActionPlanOnPostgreSql(PostgreSqlServer server) : ActionPlanTests(server), IClassFixture<PostgreSqlServer>;
