using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Development;

/// <summary>
/// Halyna Bondarenko writes what she means to take this year; her supervisor is asked, agrees, and she is told; a change
/// afterwards asks again. Her record shows which items are done: a TrainingHub course once completed this year, training
/// elsewhere once approved under the same name. Nobody but her supervisor or a coordinator over her unit agrees it, and a
/// wrong plan is refused without keeping anything. On both databases.
/// </summary>
public abstract class DevelopmentPlanTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private static readonly Guid FirstAid = Guid.NewGuid();
    private static readonly Guid FamilyForms = Guid.NewGuid();

    private PathwayScenario _scenario = null!;
    private Guid _halyna;
    private Guid _supervisor;
    private DateOnly _today;

    private ModuleTestHost Host => _scenario.Host;

    private DevelopmentPlans Plans => Host.Get<DevelopmentPlans>();

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server, placeVasyl: false);
        (_halyna, _supervisor) = await _scenario.HalynaWithSupervisorAsync();
        _today = DailyRuns.DayOf(DateTimeOffset.UtcNow);
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private void AsHalyna() => _scenario.AsOwner(_halyna);

    private Task AsSupervisorAsync() => _scenario.AsSupervisorElsewhereAsync(_supervisor);

    private Task AsCoordinatorOfAsync(string katottg) => _scenario.AsDevelopmentCoordinatorOfAsync(katottg);

    private static List<PlanItemInput> ThreeItems() =>
    [
        new() { Title = "Перша психологічна допомога: основи", Hours = 1.5m, CourseId = FirstAid },
        new() { Title = "Сімейні форми виховання", Hours = 4m, CourseId = FamilyForms },
        new() { Title = "Робота з сім'ями в СЖО", Hours = 6.5m },
    ];

    private async Task<Guid> SaveAsync(List<PlanItemInput> items)
    {
        AsHalyna();
        var (_, version) = await Plans.MineAsync();
        var saved = await Plans.SaveAsync(items, version);
        Assert.True(saved.Succeeded, saved.Error?.Key);
        return (await Plans.MineAsync()).Version!.Value;
    }

    private async Task<DevelopmentYear> HerYearAsync()
    {
        AsHalyna();
        return (await Host.Get<DevelopmentRecords>().MineAsync(null)).Value;
    }

    [Fact]
    public async Task Written_it_waits_her_supervisor_is_asked_agrees_she_is_told_and_a_later_change_asks_him_again()
    {
        var version = await SaveAsync(ThreeItems());
        var waiting = (await HerYearAsync()).Plan;
        await Host.DeliverEventsAsync();
        var askedFirst = _scenario.Notifier.Sent.Count(s => s.PersonId == _supervisor && s.Text.Key == "Notification:PlanSubmitted");
        await AsSupervisorAsync();
        var agreed = await Plans.AgreeAsync(_halyna, version);
        await Host.DeliverEventsAsync();
        var agreedPlan = (await HerYearAsync()).Plan;
        var changed = ThreeItems();
        changed.RemoveAt(1);
        await SaveAsync(changed);
        await Host.DeliverEventsAsync();
        var afterChange = (await HerYearAsync()).Plan;

        Assert.Equal(
            [("Перша психологічна допомога: основи", 1.5m), ("Сімейні форми виховання", 4m), ("Робота з сім'ями в СЖО", 6.5m)],
            waiting.Items.Select(i => (i.Title, i.Hours)));
        Assert.Equal((false, 12m), (waiting.Agreed, waiting.PlannedHours));
        Assert.Equal(1, askedFirst);
        Assert.Contains(_scenario.Notifier.Sent, s => s.PersonId == _supervisor && s.Link == $"/pathways/people/{_halyna}/development");
        Assert.True(agreed.Succeeded, agreed.Error?.Key);
        Assert.True(agreedPlan.Agreed);
        Assert.Equal((await Host.Get<IPeopleLookup>().FindAsync(_supervisor))!.FullName, agreedPlan.AgreedByName);
        Assert.Contains(_scenario.Notifier.Sent, s => s.PersonId == _halyna && s.Text.Key == "Notification:PlanAgreed" && s.Text.Arguments.SequenceEqual([_today.Year.ToString()]));
        Assert.False(afterChange.Agreed);
        Assert.Equal(["Перша психологічна допомога: основи", "Робота з сім'ями в СЖО"], afterChange.Items.Select(i => i.Title));
        Assert.Equal(2, _scenario.Notifier.Sent.Count(s => s.PersonId == _supervisor && s.Text.Key == "Notification:PlanSubmitted"));
    }

    [Fact]
    public async Task Saving_again_before_agreement_does_not_ask_her_supervisor_twice()
    {
        await SaveAsync(ThreeItems());
        await SaveAsync(ThreeItems()[..1]);
        await Host.DeliverEventsAsync();

        Assert.Equal(1, _scenario.Notifier.Sent.Count(s => s.PersonId == _supervisor && s.Text.Key == "Notification:PlanSubmitted"));
        Assert.Equal(["Перша психологічна допомога: основи"], (await HerYearAsync()).Plan.Items.Select(i => i.Title));
    }

    [Fact]
    public async Task A_course_completed_this_year_and_training_elsewhere_approved_under_the_same_name_are_done_and_the_rest_not_yet()
    {
        var thisYear = new DateTimeOffset(_today.Year, 1, 10, 9, 0, 0, TimeSpan.Zero);
        _scenario.Others.Completions[_halyna] =
        [
            new CourseCompletion(FirstAid, null, "Перша психологічна допомога: основи", 90, thisYear),
            new CourseCompletion(FamilyForms, null, "Сімейні форми виховання", 240, thisYear.AddYears(-1)),
        ];
        await SaveAsync(ThreeItems());
        AsHalyna();
        var trainings = Host.Get<ExternalTrainings>();
        var recorded = await trainings.RecordAsync(
            new TrainingInput { Title = "робота з сім'ями в сжо", Provider = "Фонд «Сильні громади»", CompletedOn = _today.AddDays(-_today.DayOfYear + 1), Hours = 6.5m },
            new UploadedDocument(DocumentSamples.Pdf(), "сертифікат.pdf"));
        var beforeApproval = (await HerYearAsync()).Plan;
        var line = (await trainings.MineAsync(recorded.Value)).Value;
        await AsSupervisorAsync();
        Assert.True((await trainings.ApproveAsync(line.Id, line.Version)).Succeeded);

        var plan = (await HerYearAsync()).Plan;

        Assert.Equal([true, false, false], beforeApproval.Items.Select(i => i.Done));
        Assert.Equal([true, false, true], plan.Items.Select(i => i.Done));
        Assert.Equal((8m, 12m), (plan.DoneHours, plan.PlannedHours));
    }

    [Fact]
    public async Task A_wrong_plan_is_refused_item_by_item_and_nothing_is_kept()
    {
        AsHalyna();

        var empty = await Plans.SaveAsync([], null);
        var wrong = await Plans.SaveAsync(
            [new() { Title = " ", Hours = 2m }, new() { Title = "Курс", Hours = 0.25m }, new() { Title = new string('а', 201), Hours = 2.125m }], null);
        var tooMany = await Plans.SaveAsync(Enumerable.Range(1, 21).Select(i => new PlanItemInput { Title = $"Курс {i}", Hours = 1m }).ToList(), null);

        Assert.Equal("Plan:Error:Empty", empty.Error!.ErrorFor("Items"));
        Assert.Equal("Plan:Error:TitleRequired", wrong.Error!.ErrorFor("Items[0].Title"));
        Assert.Null(wrong.Error!.ErrorFor("Items[0].Hours"));
        Assert.Equal("Training:Error:Hours", wrong.Error!.ErrorFor("Items[1].Hours"));
        Assert.Equal("Training:Error:TooLong", wrong.Error!.ErrorFor("Items[2].Title"));
        Assert.Equal("Training:Error:Hours", wrong.Error!.ErrorFor("Items[2].Hours"));
        Assert.Equal("Plan:Error:TooMany", tooMany.Error!.ErrorFor("Items"));
        await using var db = await Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContextAsync();
        Assert.Equal((0, 0), (await db.Plans.CountAsync(), await db.PlanItems.CountAsync()));
    }

    [Fact]
    public async Task A_plan_changed_in_another_window_is_not_overwritten_and_an_agreement_on_an_old_version_is_refused()
    {
        var first = await SaveAsync(ThreeItems());
        await SaveAsync(ThreeItems()[..2]);
        AsHalyna();

        var overwrite = await Plans.SaveAsync(ThreeItems(), first);
        await AsSupervisorAsync();
        var agreeOld = await Plans.AgreeAsync(_halyna, first);

        Assert.Equal(ErrorKind.Conflict, overwrite.Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, agreeOld.Error!.Kind);
        var plan = (await HerYearAsync()).Plan;
        Assert.Equal((2, false), (plan.Items.Count, plan.Agreed));
    }

    [Fact]
    public async Task Only_her_supervisor_or_a_coordinator_over_her_unit_agrees_never_she_herself_nor_a_colleague_nor_another_oblast()
    {
        var version = await SaveAsync(ThreeItems());
        Host.User.ActingAs(_halyna, new PermissionGrant(PathwaysPermissions.Own, null), new PermissionGrant(PathwaysPermissions.DevelopmentApprove, null));
        var herself = await Plans.AgreeAsync(_halyna, version);
        var herView = (await Host.Get<DevelopmentRecords>().MineAsync(null)).Value.Plan;
        Host.User.ActingAs(await _scenario.PersonAsync("learner@traininghub.example"), new PermissionGrant(PathwaysPermissions.Own, null));
        var colleague = await Plans.AgreeAsync(_halyna, version);
        await AsCoordinatorOfAsync(PathwayScenario.LvivOblast);
        var elsewhere = await Plans.AgreeAsync(_halyna, version);
        await AsCoordinatorOfAsync(PathwayScenario.ZhytomyrCity);
        var coordinator = await Plans.AgreeAsync(_halyna, version);
        var twice = await Plans.AgreeAsync(_halyna, (await HerVersionAsync()));

        Assert.Equal(ErrorKind.Forbidden, herself.Error!.Kind);
        Assert.False(herView.MayAgree);
        Assert.True(herView.Editable);
        Assert.Equal(ErrorKind.Forbidden, colleague.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, elsewhere.Error!.Kind);
        Assert.True(coordinator.Succeeded, coordinator.Error?.Key);
        Assert.Equal("Plan:Error:AlreadyAgreed", twice.Error!.Key);
    }

    private async Task<Guid> HerVersionAsync()
    {
        await using var db = await Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContextAsync();
        return await db.Plans.Where(p => p.PersonId == _halyna).Select(p => p.Version).SingleAsync();
    }

    [Fact]
    public async Task Her_page_shows_the_plan_waiting_and_her_supervisor_agrees_it_there()
    {
        await SaveAsync(ThreeItems());
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };

        AsHalyna();
        var hers = pages.Render<DevelopmentPage>();
        hers.WaitForAssertion(() => Assert.NotNull(hers.Find("#plan-list")));
        Assert.Equal("Waiting for agreement", hers.Find("#plan-state").TextContent.Trim());
        Assert.Equal(3, hers.FindAll("#plan-list .th-plan-line").Count);
        Assert.Contains("0 of 12 planned hours done.", hers.Find("#plan-summary").TextContent);
        Assert.NotEmpty(hers.FindAll("#plan-edit"));
        Assert.Empty(hers.FindAll("#plan-agree"));

        await AsSupervisorAsync();
        var his = pages.Render<DevelopmentPage>(p => p.Add(c => c.PersonId, _halyna));
        his.WaitForAssertion(() => Assert.NotNull(his.Find("#plan-agree")));
        Assert.Empty(his.FindAll("#plan-edit"));
        await his.InvokeAsync(() => his.Find("#plan-agree").Click());
        his.WaitForAssertion(() => Assert.Equal("Agreed", his.Find("#plan-state").TextContent.Trim()));
        Assert.Contains($"Agreed by {(await Host.Get<IPeopleLookup>().FindAsync(_supervisor))!.FullName}", his.Find("#plan-summary").TextContent);
        Assert.Empty(his.FindAll("#plan-agree"));
    }

    [Fact]
    public async Task Without_a_plan_she_is_invited_to_write_one_and_her_supervisor_reads_that_there_is_none()
    {
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };

        AsHalyna();
        var hers = pages.Render<DevelopmentPage>();
        hers.WaitForAssertion(() => Assert.NotNull(hers.Find("#plan-empty")));
        Assert.Contains("Write down the courses", hers.Find("#plan-empty").TextContent);
        Assert.Equal("Write the plan", hers.Find("#plan-edit").TextContent.Trim());

        await AsSupervisorAsync();
        var his = pages.Render<DevelopmentPage>(p => p.Add(c => c.PersonId, _halyna));
        his.WaitForAssertion(() => Assert.Equal("No plan for this year.", his.Find("#plan-empty").TextContent.Trim()));
        Assert.Empty(his.FindAll("#plan-edit"));
    }
}

public sealed class DevelopmentPlanOnSqlite(SqliteServer server) : DevelopmentPlanTests(server), IClassFixture<SqliteServer>;

public sealed class DevelopmentPlanOnPostgreSql(PostgreSqlServer server) : DevelopmentPlanTests(server), IClassFixture<PostgreSqlServer>;
