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

/// <summary>The hours pages in Ukrainian: the demo learner logs and submits, the demo supervisor signs, an administrator adds a type.</summary>
public sealed class HoursPagesTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
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

    private Task<Guid> AsSupervisorAsync() =>
        ActAsync("supervisor@traininghub.example", SupervisionPermissions.HoursLog, SupervisionPermissions.HoursReview, SupervisionPermissions.Supervise);

    private async Task<Guid> LoggedAsync(decimal hours, int day, bool submit)
    {
        var id = (await _host.Get<HoursLog>().LogAsync(new HoursInput { Date = new DateOnly(2026, 3, day), Hours = hours, ActivityTypeId = ActivityType.DirectWork })).Value;
        if (submit)
        {
            await _host.Get<HoursLog>().SubmitAsync([id]);
        }
        return id;
    }

    [Fact]
    public async Task The_supervisee_is_told_what_an_entry_lacks_then_submits_the_chosen_drafts()
    {
        await AsLearnerAsync();
        var chosen = await LoggedAsync(3, 2, submit: false);
        var left = await LoggedAsync(2, 3, submit: false);
        var providers = _pages.RenderProviders();
        var page = _pages.Render<HoursPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"#entry-{chosen}")));

        page.Find("#hours-new").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#hours-save")));
        providers.Dialogs.Find("#hours-save").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Вкажіть більше 0 і не більше 24 годин", providers.Dialogs.Markup));
        page.Find($"#entry-{chosen} .th-select input").Change(true);
        page.WaitForAssertion(() => Assert.Contains("Подати вибрані (1)", page.Find("#hours-submit").TextContent));
        page.Find("#hours-submit").Click();

        providers.Snackbars.WaitForAssertion(() => Assert.Contains("Подано супервізору записів: 1.", providers.Snackbars.Markup));
        page.WaitForAssertion(() => Assert.Contains("Подано", page.Find($"#entry-{chosen} .th-state").TextContent));
        Assert.Empty(page.FindAll($"#entry-{chosen} .th-edit"));
        Assert.Contains("Чернетка", page.Find($"#entry-{left} .th-state").TextContent);
        Assert.Contains("За цей період немає затверджених годин.", page.Find("#hours-totals-empty").TextContent);
    }

    [Fact]
    public async Task The_supervisor_rejects_one_entry_with_a_reason_approves_the_rest_of_the_week_and_the_supervisee_sees_both()
    {
        await AsLearnerAsync();
        var rejected = await LoggedAsync(3, 2, submit: true);
        await LoggedAsync(2, 3, submit: true);
        await LoggedAsync(1.5m, 4, submit: true);
        await AsSupervisorAsync();
        var providers = _pages.RenderProviders();
        var page = _pages.Render<HoursReviewPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"#review-{rejected}")));
        Assert.Contains("Оксана Волонтерка", page.Find(".th-week").TextContent);
        Assert.Contains("6,5 год", page.Find(".th-week-of").TextContent);

        page.Find($"#review-{rejected} .th-reject").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#reason-submit")));
        providers.Dialogs.Find("#reason-submit").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Вкажіть причину", providers.Dialogs.Markup));
        providers.Dialogs.Find("textarea#reason-text").Change("Це була нарада, не робота з родиною");
        providers.Dialogs.Find("#reason-submit").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"#review-{rejected}")));
        page.WaitForAssertion(() => Assert.Contains("Затвердити тиждень (2)", page.Find(".th-approve-week").TextContent));
        page.Find(".th-approve-week").Click();
        providers.Snackbars.WaitForAssertion(() => Assert.Contains("Затверджено записів: 2.", providers.Snackbars.Markup));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#review-empty")));

        await AsLearnerAsync();
        var mine = _pages.Render<HoursPage>();
        mine.WaitForAssertion(() => Assert.Contains("Відхилено: Це була нарада, не робота з родиною", mine.Find($"#entry-{rejected} .th-reason").TextContent));
        Assert.Contains("3,5 год", mine.Find("#hours-totals .th-total-all").TextContent);
    }

    [Fact]
    public async Task An_administrator_adds_an_activity_type_in_both_languages_and_a_name_in_use_is_refused()
    {
        await ActAsync("admin@traininghub.example", SupervisionPermissions.ActivityTypesManage);
        var page = _pages.Render<ActivityTypesPage>();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".th-type").Count));

        page.Find("input#type-name-uk").Change("Інше");
        page.Find("input#type-name-en").Change("Community outreach");
        page.Find("#type-add").Click();
        page.WaitForAssertion(() => Assert.Contains("Така назва вже є.", page.Markup));
        page.Find("input#type-name-uk").Change("Робота в громаді");
        page.Find("#type-add").Click();

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll(".th-type").Count));
        Assert.Contains("Робота в громаді", page.FindAll(".th-type")[5].TextContent);
        Assert.Equal(6, (await _host.Get<ActivityTypeCatalogue>().ListAsync()).Count);
    }
}
