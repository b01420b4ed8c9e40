using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Hours;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Hours;

/// <summary>
/// Required hours on the pages, in Ukrainian: the demo learner (a volunteer: 40 hours a year, 20 of them direct work)
/// sees how far along she is, the demo supervisor sees it beside her hours to sign, and an administrator sets what the
/// supervisor's own position asks for.
/// </summary>
public sealed class RequirementPagesTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        await db.HoursEntries.ExecuteDeleteAsync();
        _pages = new PageRenderer(_host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    private async Task<Guid> ActAsync(string email, params string[] permissions)
    {
        var id = (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;
        _host.User.ActingAs(id, [.. permissions.Select(p => new PermissionGrant(p, null))]);
        return id;
    }

    private Task<Guid> AsLearnerAsync() => ActAsync("learner@traininghub.example", SupervisionPermissions.HoursLog);

    private Task<Guid> AsSupervisorAsync() => ActAsync("supervisor@traininghub.example", SupervisionPermissions.HoursLog, SupervisionPermissions.HoursReview);

    /// <summary>The learner's hours of a March day, handed in and, unless told not to, approved by the demo supervisor.</summary>
    private async Task LearnersAsync(decimal hours, int day, Guid type, bool approve = true)
    {
        await AsLearnerAsync();
        var id = (await _host.Get<HoursLog>().LogAsync(new HoursInput { Date = new DateOnly(2026, 3, day), Hours = hours, ActivityTypeId = type })).Value;
        await _host.Get<HoursLog>().SubmitAsync([id]);
        if (approve)
        {
            await AsSupervisorAsync();
            var entry = (await _host.Get<HoursReview>().WeeksAsync()).Value.SelectMany(w => w.Entries).Single(e => e.Id == id);
            Assert.True((await _host.Get<HoursReview>().ApproveAsync(id, entry.Version)).Succeeded);
        }
    }

    [Fact]
    public async Task The_supervisee_sees_each_required_line_as_hours_of_hours_and_the_one_reached_as_met()
    {
        await LearnersAsync(20, 2, ActivityType.DirectWork);
        await LearnersAsync(2, 3, ActivityType.Training);
        await AsLearnerAsync();

        var page = _pages.Render<HoursPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#hours-requirement")));

        Assert.Contains("Що потребує ваша посада (Волонтер) цього року: затверджені години від 1 січня 2026", page.Find("#hours-requirement").TextContent);
        Assert.Contains("22 з 40 год", page.Find(".th-progress[data-type=all] .th-progress-figure").TextContent);
        Assert.Empty(page.FindAll(".th-progress[data-type=all] .th-met"));
        var direct = page.Find($".th-progress[data-type='{ActivityType.DirectWork}']");
        Assert.Contains("Пряма робота з дітьми та родинами", direct.TextContent);
        Assert.Contains("20 з 20 год", direct.QuerySelector(".th-progress-figure")!.TextContent);
        Assert.Contains("Виконано", direct.QuerySelector(".th-met")!.TextContent);
        Assert.Equal(2, page.FindAll(".th-progress").Count);
    }

    [Fact]
    public async Task A_position_that_asks_for_no_hours_says_so_to_its_people()
    {
        await AsSupervisorAsync();

        var page = _pages.Render<HoursPage>();

        page.WaitForAssertion(() => Assert.Equal("Ваша посада (Супервізор) не потребує годин практики.", page.Find("#hours-requirement-empty").TextContent));
        Assert.Empty(page.FindAll(".th-progress"));
    }

    [Fact]
    public async Task The_supervisor_sees_the_supervisees_year_beside_the_week_to_sign()
    {
        await LearnersAsync(2, 2, ActivityType.DirectWork);
        await LearnersAsync(3, 3, ActivityType.DirectWork, approve: false);
        await AsSupervisorAsync();

        var page = _pages.Render<HoursReviewPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".th-week .th-requirement")));

        Assert.Equal("Волонтер: 2 з 40 год цього року", page.Find(".th-week .th-requirement summary").TextContent.Trim());
        Assert.Contains("2 з 20 год", page.Find($".th-week .th-progress[data-type='{ActivityType.DirectWork}']").TextContent);
    }

    [Fact]
    public async Task An_administrator_is_told_when_the_types_exceed_the_total_then_sets_what_a_position_asks()
    {
        await ActAsync("admin@traininghub.example", SupervisionPermissions.HoursRequirementsManage);
        var position = (await _host.Get<IPositionTypes>().ListAsync()).Single(p => p.Code == "supervisor").Id;
        var providers = _pages.RenderProviders();
        var page = _pages.Render<RequirementsPage>();
        page.WaitForAssertion(() => Assert.Contains("Не потребує годин практики.", page.Find($"#requirement-{position}").TextContent));

        page.Find($"#requirement-{position} .th-edit").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#requirement-save")));
        providers.Dialogs.Find("input#requirement-total").Change("10");
        providers.Dialogs.Find("#requirement-add-part").Click();
        providers.Dialogs.Find("input#requirement-part-hours-0").Change("20");
        providers.Dialogs.Find("#requirement-save").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Equal("Разом за видами виходить 20 год, а це більше, ніж 10 год, потрібних усього.",
            providers.Dialogs.Find("#requirement-parts-error").TextContent));
        providers.Dialogs.Find("input#requirement-part-hours-0").Change("6");
        providers.Dialogs.Find("#requirement-save").Click();

        providers.Snackbars.WaitForAssertion(() => Assert.Contains("Норму збережено.", providers.Snackbars.Markup));
        page.WaitForAssertion(() => Assert.Contains("10 год на рік", page.Find($"#requirement-{position} .th-total").TextContent));
        Assert.Equal("з них Пряма робота з дітьми та родинами: щонайменше 6 год", page.Find($"#requirement-{position} .th-part").TextContent);
    }
}
