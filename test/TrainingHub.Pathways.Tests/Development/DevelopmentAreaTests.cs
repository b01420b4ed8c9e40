using Bunit;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Development;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Development;

/// <summary>
/// Halyna Bondarenko is a social assistant: of the 20 hours a year her post asks, 6 must be in "Signs of abuse and
/// neglect". A course counts there for its duration when it maps to that competency, and a training elsewhere when
/// she names the area and it is approved; her year is met only with the area met too. On both databases.
/// </summary>
public abstract class DevelopmentAreaTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private PathwayScenario _scenario = null!;
    private Guid _halyna;
    private Guid _supervisor;
    private DateOnly _today;
    private DateTimeOffset _inYear;

    private ModuleTestHost Host => _scenario.Host;

    private Guid Abuse => _scenario.Others.Area("CP.4.1");

    private Guid FirstAid => _scenario.Others.Area("CP.5.1");

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server, placeVasyl: false);
        (_halyna, _supervisor) = await _scenario.HalynaWithSupervisorAsync();
        _today = DailyRuns.DayOf(DateTimeOffset.UtcNow);
        _inYear = new DateTimeOffset(_today.Year, 1, 1, 10, 0, 0, TimeSpan.Zero);
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private void AsHalyna() => _scenario.AsOwner(_halyna);

    private void Completed(string title, int minutes, params Guid[] competencies) =>
        (_scenario.Others.Completions.TryGetValue(_halyna, out var list) ? list : _scenario.Others.Completions[_halyna] = [])
        .Add(new CourseCompletion(Guid.NewGuid(), null, title, minutes, _inYear) { CompetencyLineageIds = competencies });

    private void SupervisionHours(decimal hours) =>
        _scenario.Others.YearRecords[(_halyna, _today.Year)] = new SupervisionRecord([new ApprovedHours(BuiltInActivityTypes.SupervisionReceived, hours)], 4, null);

    /// <summary>She records a training elsewhere, in the area given; approved by her supervisor when asked.</summary>
    private async Task TrainingAsync(decimal hours, Guid? area, bool approve)
    {
        AsHalyna();
        var trainings = Host.Get<ExternalTrainings>();
        var input = new TrainingInput { Title = "Розпізнавання насильства", Provider = "ЮНІСЕФ", CompletedOn = _today.AddDays(-_today.DayOfYear + 1), Hours = hours, AreaId = area };
        var id = await trainings.RecordAsync(input, new UploadedDocument(DocumentSamples.Pdf(), "сертифікат.pdf"));
        Assert.True(id.Succeeded, id.Error?.Key);
        if (approve)
        {
            await _scenario.AsSupervisorElsewhereAsync(_supervisor);
            var training = (await trainings.PendingAsync(new PageRequest())).Value.Items.Single(t => t.Training.Id == id.Value).Training;
            Assert.True((await trainings.ApproveAsync(training.Id, training.Version)).Succeeded);
        }
    }

    private async Task<DevelopmentYear> HerYearAsync()
    {
        AsHalyna();
        return (await Host.Get<DevelopmentRecords>().MineAsync(null)).Value;
    }

    [Fact]
    public async Task A_course_mapped_to_the_area_and_approved_training_named_for_it_count_there_while_other_courses_and_pending_training_do_not()
    {
        Completed("Ознаки насильства і нехтування", 120, FirstAid, Abuse);
        Completed("Перша психологічна допомога", 90, FirstAid);
        await TrainingAsync(2.5m, Abuse, approve: true);
        await TrainingAsync(4m, Abuse, approve: false);
        await TrainingAsync(3m, null, approve: true);

        var year = await HerYearAsync();

        var area = Assert.Single(year.Areas);
        Assert.Equal(("CP.4.1", "Ознаки насильства і нехтування", "Signs of abuse and neglect"), (area.Area.Code, area.Area.NameUk, area.Area.NameEn));
        Assert.Equal((6, 4.5m, false), (area.RequiredHours, area.Hours, area.Met));
        Assert.Equal(9m, year.TotalHours);
    }

    [Fact]
    public async Task With_the_total_reached_the_year_is_not_met_until_the_area_is()
    {
        SupervisionHours(24m);
        Completed("Ознаки насильства і нехтування", 120, Abuse);
        var shortOfArea = await HerYearAsync();

        await TrainingAsync(4m, Abuse, approve: true);
        var met = await HerYearAsync();

        Assert.Equal((26m, true, false, false), (shortOfArea.TotalHours, shortOfArea.TotalMet, shortOfArea.Areas.Single().Met, shortOfArea.Met));
        Assert.Equal((6m, true, true), (met.Areas.Single().Hours, met.Areas.Single().Met, met.Met));
    }

    [Fact]
    public async Task Her_page_shows_the_area_not_yet_met_with_the_hours_to_go_there_though_the_total_is_reached()
    {
        SupervisionHours(24m);
        Completed("Ознаки насильства і нехтування", 120, Abuse);
        AsHalyna();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };

        var page = pages.Render<DevelopmentPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#development-areas")));
        var area = page.Find("#development-areas .th-area");
        Assert.Equal("false", area.GetAttribute("data-met"));
        Assert.Contains("CP.4.1 Signs of abuse and neglect: 2 of 6 hours", area.TextContent);
        Assert.Contains("4 hours to go", area.TextContent);
        Assert.Equal("CP.4.1 Signs of abuse and neglect: 2 of 6 hours", area.QuerySelector("[role=progressbar]")?.GetAttribute("aria-label"));
        Assert.Contains("not yet in every competency area", page.Find("#development-state").TextContent);
    }

    [Fact]
    public async Task She_moves_a_waiting_training_to_another_area_with_the_picker_and_her_list_names_the_area()
    {
        await TrainingAsync(3m, FirstAid, approve: false);
        AsHalyna();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };
        var providers = pages.RenderProviders();
        var page = pages.Render<DevelopmentPage>();

        page.WaitForAssertion(() => Assert.Contains("Counts in the area CP.5.1 Psychological first aid", page.Find(".th-training-area").TextContent));
        await page.InvokeAsync(() => page.Find(".th-training-edit").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Equal("CP.5.1 Psychological first aid", providers.Dialogs.Find("input#training-area").GetAttribute("value")));
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find(".mud-select:has(#training-area) .mud-input-control").MouseDown());
        providers.Popovers.WaitForAssertion(() => providers.Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "CP.4.1 Signs of abuse and neglect").Click());
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#training-submit").Click());

        page.WaitForAssertion(() => Assert.Contains("Counts in the area CP.4.1 Signs of abuse and neglect", page.Find(".th-training-area").TextContent));
        Assert.Equal(Abuse, Assert.Single((await HerYearAsync()).Trainings).AreaId);
    }

    [Fact]
    public async Task Her_supervisor_sees_the_area_a_waiting_training_would_count_in_before_deciding()
    {
        await TrainingAsync(3m, Abuse, approve: false);
        await _scenario.AsSupervisorElsewhereAsync(_supervisor);
        await using var pages = new PageRenderer(Host);

        var page = pages.Render<ApprovalsPage>();

        page.WaitForAssertion(() => Assert.Equal("Зараховується у сферу CP.4.1 Ознаки насильства і нехтування", page.Find(".th-training-area").TextContent.Trim()));
    }
}

public sealed class DevelopmentAreasOnSqlite(SqliteServer server) : DevelopmentAreaTests(server), IClassFixture<SqliteServer>;

public sealed class DevelopmentAreasOnPostgreSql(PostgreSqlServer server) : DevelopmentAreaTests(server), IClassFixture<PostgreSqlServer>;
