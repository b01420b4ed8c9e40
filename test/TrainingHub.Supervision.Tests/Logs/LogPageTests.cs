using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.JSInterop;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Logs;

/// <summary>The log page as the demo supervisor and the demo learner see it, in Ukrainian.</summary>
public sealed class LogPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;
    private Guid _learner;
    private Guid _sessionId;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        _pages = new PageRenderer(_host);
        _learner = (await _host.Get<IPeopleLookup>().FindByEmailAsync("learner@traininghub.example"))!.Id;
        await ActAsync("supervisor@traininghub.example");
        _sessionId = (await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Individual, ParticipantIds = [_learner],
            Times = new SessionTimes { StartsAt = _clock.GetUtcNow().AddHours(-1), DurationMinutes = 90 },
        })).Value;
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    private async Task ActAsync(string email) =>
        _host.User.ActingAs((await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id,
            new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null));

    private IRenderedComponent<LogPage> RenderLog() => RenderLog(_sessionId);

    private IRenderedComponent<LogPage> RenderLog(Guid sessionId) =>
        _pages.Render<LogPage>(p => p.Add(x => x.SessionId, sessionId).Add(x => x.PersonId, _learner));

    /// <summary>The browser's keeper of typed text (wwwroot/sessionLog.js), as the page loads it.</summary>
    private BunitJSModuleInterop DraftKeeperScript() => _pages.Context.JSInterop.SetupModule("./_content/TrainingHub.Supervision/sessionLog.js");

    /// <summary>The page's side of the keeper attached under <paramref name="key"/>, through which the browser sends back what it kept.</summary>
    private static DraftKeeper KeeperAttachedAs(BunitJSModuleInterop script, string key) =>
        ((DotNetObjectReference<DraftKeeper>)script.Invocations["attach"].Single(i => (string?)i.Arguments[1] == key).Arguments[2]!).Value;

    private async Task<SessionLog> StoredAsync()
    {
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        return await db.Logs.SingleAsync();
    }

    [Fact]
    public async Task The_supervisor_writes_while_the_reflection_stays_the_supervisees_and_is_warned_of_identifying_details()
    {
        var page = RenderLog();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#log-form")));

        page.Find("#log-cases textarea").Input("Мама просила дзвонити на 067 123 45 67");
        page.WaitForAssertion(() => Assert.Contains("Цей текст може містити ідентифікаційні дані (номер телефону)", page.Find("#log-cases").TextContent));
        page.WaitForAssertion(() => Assert.Equal("Усі зміни збережено.", page.Find("#log-saved").TextContent), TimeSpan.FromSeconds(5));

        Assert.Equal("Мама просила дзвонити на 067 123 45 67", (await StoredAsync()).Cases);
        Assert.True(page.Find("#log-reflection textarea").HasAttribute("readonly"));
        Assert.False(page.Find("#log-topics textarea").HasAttribute("readonly"));
        Assert.Contains("чернетка", page.Find("#log-state").TextContent);
    }

    [Fact]
    public async Task Once_both_have_signed_the_page_is_read_only_and_offers_an_addendum()
    {
        var book = _host.Get<LogBook>();
        var log = (await book.OpenAsync(_sessionId, _learner)).Value;
        await book.SignAsync(log.Id, (await book.WriteAsync(log.Id, LogField.Topics, "Планування візитів")).Value);
        await ActAsync("learner@traininghub.example");
        var page = RenderLog();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#log-sign")));
        Assert.True(page.Find("#log-topics textarea").HasAttribute("readonly"));
        Assert.False(page.Find("#log-reflection textarea").HasAttribute("readonly"));
        var providers = _pages.RenderProviders();

        page.Find("#log-sign").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Коли ви обоє підпишете, його буде заблоковано", providers.Dialogs.Markup));
        providers.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Підписати").Click();

        page.WaitForAssertion(() => Assert.Contains("підписано й заблоковано", page.Find("#log-state").TextContent));
        Assert.Empty(page.FindAll("#log-sign"));
        Assert.True(page.Find("#log-reflection textarea").HasAttribute("readonly"));
        page.Find("textarea#log-addendum-text").Change("Уточнення до плану");
        page.Find("#log-addendum-add").Click();
        page.WaitForAssertion(() => Assert.Contains("Уточнення до плану", page.Find("#log-addenda").TextContent));
        Assert.NotNull((await StoredAsync()).PersonSignedAt);
    }

    [Fact]
    public async Task The_supervisee_finds_what_waits_for_them_on_the_meetings_page()
    {
        var book = _host.Get<LogBook>();
        var log = (await book.OpenAsync(_sessionId, _learner)).Value;
        await book.AgreeAsync(log.Id, new ActionInput { Text = "Прочитати методичку", OwnerId = _learner, DueOn = new DateOnly(2026, 3, 1) });
        await book.SignAsync(log.Id, (await book.WriteAsync(log.Id, LogField.Topics, "Планування візитів")).Value);
        await ActAsync("learner@traininghub.example");

        var page = _pages.Render<SessionsPage>();

        page.WaitForAssertion(() => Assert.Contains("Журнали, що чекають на вас (1)", page.Find("#logs-to-sign").TextContent));
        Assert.Contains("Індивідуальна супервізія, 02.03.2026, з Марія Супервізорка", page.Find(".th-to-sign").TextContent);
        var action = page.Find(".th-open-action");
        Assert.Contains("Прочитати методичку", action.TextContent);
        Assert.Contains("ваша · до 01.03.2026", action.TextContent);
        Assert.Contains("mud-error-text", action.InnerHtml);
    }

    [Fact]
    public async Task Text_typed_into_a_log_while_the_connection_was_down_reaches_the_log_when_the_browser_sends_it_again()
    {
        var script = DraftKeeperScript();
        var page = RenderLog();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#log-form")));
        var logId = (await StoredAsync()).Id;
        var keeper = KeeperAttachedAs(script, logId.ToString());

        await page.InvokeAsync(() => keeper.ResendAsync("Cases", "Родина після переїзду: план на місяць"));
        await page.InvokeAsync(() => keeper.ResendAsync("Reflection", "Не моя частина"));

        page.WaitForAssertion(() => Assert.Equal("Усі зміни збережено.", page.Find("#log-saved").TextContent));
        Assert.Contains("Родина після переїзду: план на місяць", page.Find("#log-cases").InnerHtml);
        var stored = await StoredAsync();
        Assert.Equal(("Родина після переїзду: план на місяць", null), (stored.Cases, stored.Reflection));
        Assert.Equal<object?>([logId.ToString(), "Cases", "Родина після переїзду: план на місяць"], script.VerifyInvoke("saved").Arguments);
    }

    [Fact]
    public async Task The_shared_part_of_a_group_meeting_is_kept_apart_from_the_log_and_what_the_browser_kept_reaches_the_whole_group()
    {
        var vasyl = (await _host.Get<IPeopleLookup>().FindByEmailAsync("v.kravchuk@traininghub.example"))!.Id;
        var groupId = (await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Group, ParticipantIds = [_learner, vasyl],
            Times = new SessionTimes { StartsAt = _clock.GetUtcNow().AddHours(-1), DurationMinutes = 90 },
        })).Value;
        var script = DraftKeeperScript();
        var page = RenderLog(groupId);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#log-shared-text")));
        var keeper = KeeperAttachedAs(script, $"shared.{groupId}");

        await page.InvokeAsync(() => keeper.ResendAsync("Shared", "Розбір випадку: підготовка до першого візиту"));

        page.WaitForAssertion(() => Assert.Equal("Усі зміни збережено.", page.Find("#log-shared-saved").TextContent));
        Assert.Contains("Розбір випадку: підготовка до першого візиту", page.Find("#log-shared").InnerHtml);
        Assert.Equal("Розбір випадку: підготовка до першого візиту", (await _host.Get<GroupNotes>().ReadAsync(groupId)).Value.Text);
        Assert.Null((await StoredAsync()).Topics);
        Assert.Contains(script.Invocations["saved"], i => i.Arguments.SequenceEqual([$"shared.{groupId}", "Shared", "Розбір випадку: підготовка до першого візиту"]));

        await ActAsync("learner@traininghub.example");
        var learnerScript = DraftKeeperScript();
        var learnerPage = RenderLog(groupId);
        learnerPage.WaitForAssertion(() => Assert.True(learnerPage.Find("#log-shared-text").HasAttribute("readonly")));
        Assert.Contains("Розбір випадку: підготовка до першого візиту", learnerPage.Find("#log-shared").InnerHtml);
        Assert.Contains(learnerScript.Invocations["forget"], i => (string?)i.Arguments[0] == $"shared.{groupId}");
    }
}
