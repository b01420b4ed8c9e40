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

    private IRenderedComponent<LogPage> RenderLog() =>
        _pages.Render<LogPage>(p => p.Add(x => x.SessionId, _sessionId).Add(x => x.PersonId, _learner));

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
}
