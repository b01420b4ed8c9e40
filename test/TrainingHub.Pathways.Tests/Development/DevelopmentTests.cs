using Bunit;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Development;
using TrainingHub.Pathways.Templates;
using TrainingHub.Pathways.Tests.Progress;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Development;

/// <summary>
/// Halyna Bondarenko's professional development by year, on both databases: courses completed that year for their
/// duration, approved supervision and training hours, against the 20 hours a social assistant's post asks; other years
/// kept apart; a course without a duration named rather than counted; seen by her and those who may see her pathway.
/// </summary>
public abstract class DevelopmentTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private PathwayScenario _scenario = null!;
    private Guid _halyna;
    private int _year;

    private ModuleTestHost Host => _scenario.Host;

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server);
        _halyna = await _scenario.PersonAsync("h.bondarenko@traininghub.example");
        _year = DailyRuns.DayOf(DateTimeOffset.UtcNow).Year;
        var inYear = new DateTimeOffset(_year, 1, 15, 10, 0, 0, TimeSpan.Zero);
        _scenario.Others.Completions[_halyna] =
        [
            new CourseCompletion(Guid.NewGuid(), null, "Перша психологічна допомога: основи", 90, inYear),
            new CourseCompletion(Guid.NewGuid(), null, "Сімейні форми виховання", null, inYear.AddDays(3)),
            new CourseCompletion(Guid.NewGuid(), null, "Торішній курс", 600, inYear.AddYears(-1)),
        ];
        _scenario.Others.YearRecords[(_halyna, _year)] = new SupervisionRecord(
            [new ApprovedHours(OtherModules.DirectWork, 40m), new ApprovedHours(BuiltInActivityTypes.SupervisionReceived, 6m), new ApprovedHours(BuiltInActivityTypes.Training, 12m)], 4, null);
        _scenario.Others.YearRecords[(_halyna, _year - 1)] = new SupervisionRecord([new ApprovedHours(BuiltInActivityTypes.Training, 3m)], 1, null);
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private void AsHalyna() => Host.User.ActingAs(_halyna, new PermissionGrant(PathwaysPermissions.Own, null));

    [Fact]
    public async Task This_year_counts_her_course_for_its_duration_and_her_approved_supervision_and_training_against_the_twenty_hours_asked()
    {
        AsHalyna();

        var year = (await Host.Get<DevelopmentRecords>().MineAsync(null)).Value;

        Assert.Equal((_year, 20), (year.Year, year.RequiredHours));
        Assert.Equal(
            [(DevelopmentSource.Course, 1.5m), (DevelopmentSource.Supervision, 6m), (DevelopmentSource.Training, 12m)],
            year.Lines.Select(l => (l.Source, l.Hours)));
        Assert.Equal(19.5m, year.TotalHours);
        Assert.Equal(97, year.Percent);
        Assert.False(year.Met);
        Assert.Equal(["Сімейні форми виховання"], year.CoursesWithoutDuration);
        Assert.Equal([_year, _year - 1, _year - 2], year.Years);
    }

    [Fact]
    public async Task Last_year_is_counted_apart_and_a_year_out_of_reach_falls_back_to_this_one()
    {
        AsHalyna();

        var last = (await Host.Get<DevelopmentRecords>().MineAsync(_year - 1)).Value;
        var far = (await Host.Get<DevelopmentRecords>().MineAsync(_year - 10)).Value;

        Assert.Equal([(DevelopmentSource.Course, 10m), (DevelopmentSource.Training, 3m)], last.Lines.Select(l => (l.Source, l.Hours)));
        Assert.Equal(_year, far.Year);
    }

    [Fact]
    public async Task A_colleague_sees_nothing_and_a_coordinator_over_her_unit_sees_her_record()
    {
        Host.User.ActingAs(await _scenario.PersonAsync("learner@traininghub.example"), new PermissionGrant(PathwaysPermissions.Own, null));
        var colleague = await Host.Get<DevelopmentRecords>().ForPersonAsync(_halyna, null);
        await _scenario.AsCoordinatorOfAsync(PathwayScenario.ZhytomyrCity);
        var coordinator = await Host.Get<DevelopmentRecords>().ForPersonAsync(_halyna, null);

        Assert.Equal(ErrorKind.Forbidden, colleague.Error!.Kind);
        Assert.Equal(19.5m, coordinator.Value.TotalHours);
        Assert.False(coordinator.Value.IsMine);
    }

    [Fact]
    public async Task Her_page_shows_the_hours_to_go_each_line_and_the_course_without_a_duration()
    {
        AsHalyna();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };

        var page = pages.Render<DevelopmentPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#development-lines")));
        Assert.Contains("19.5 of 20 hours this year", page.Find("#development-summary h2").TextContent);
        Assert.Contains("0.5 hours to go this year.", page.Find("#development-state").TextContent);
        Assert.Equal(["Course", "Supervision", "Training"], page.FindAll("#development-lines tbody tr").Select(r => r.GetAttribute("data-source")));
        Assert.Contains("Course “Перша психологічна допомога: основи”", page.Find("#development-lines tbody tr").TextContent);
        Assert.Contains("Asked by the position «Social assistant».", page.Find("#development-asked-by").TextContent);
        Assert.Contains("Сімейні форми виховання", page.Find("#development-no-duration").TextContent);
    }

    [Fact]
    public async Task Vasyl_is_asked_the_hours_of_the_stage_he_is_on_where_it_sets_them_and_of_his_volunteer_position_where_it_does_not()
    {
        Host.User.Holding(new PermissionGrant(PathwaysPermissions.TemplatesView, null), new PermissionGrant(PathwaysPermissions.TemplatesEdit, null));
        async Task SetStageHoursAsync(int position, int? hours)
        {
            var template = (await Host.Get<PathwayTemplates>().GetAsync(PathwayScenario.Pathway)).Value;
            var stage = template.Stages.Single(s => s.Position == position);
            Assert.True((await Host.Get<TemplateEditing>().EditStageAsync(template.Id, template.Version, stage.Id, new StageInput
            {
                NameUk = stage.NameUk, NameEn = stage.NameEn, PositionTypeCode = stage.PositionTypeCode, CertificateValidMonths = stage.CertificateValidMonths,
                CpdHoursPerYear = hours,
            })).Succeeded);
        }

        await SetStageHoursAsync(3, 30);
        _scenario.AsVasyl();
        var byPosition = (await Host.Get<DevelopmentRecords>().MineAsync(null)).Value;
        Host.User.Holding(new PermissionGrant(PathwaysPermissions.TemplatesView, null), new PermissionGrant(PathwaysPermissions.TemplatesEdit, null));
        await SetStageHoursAsync(2, 15);
        _scenario.AsVasyl();
        var byStage = (await Host.Get<DevelopmentRecords>().MineAsync(null)).Value;
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };
        var page = pages.Render<DevelopmentPage>();

        Assert.Equal((10, new CpdAskedBy(false, "Волонтер", "Volunteer")), (byPosition.RequiredHours, byPosition.AskedBy));
        Assert.Equal((15, new CpdAskedBy(true, "Навчений волонтер", "Trained volunteer")), (byStage.RequiredHours, byStage.AskedBy));
        page.WaitForAssertion(() => Assert.Contains("of 15 hours this year", page.Find("#development-summary h2").TextContent));
        Assert.Contains("Asked by the pathway stage «Trained volunteer».", page.Find("#development-asked-by").TextContent);
    }
}

public sealed class DevelopmentOnSqlite(SqliteServer server) : DevelopmentTests(server), IClassFixture<SqliteServer>;

public sealed class DevelopmentOnPostgreSql(PostgreSqlServer server) : DevelopmentTests(server), IClassFixture<PostgreSqlServer>;
