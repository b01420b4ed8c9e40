using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Sessions;

/// <summary>The meetings page as the demo supervisor and the demo learner see it, in Ukrainian and on Kyiv time.</summary>
public sealed class SessionsPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        _pages = new PageRenderer(_host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    private async Task<Guid> ActAsync(string email, bool leads)
    {
        var id = (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;
        PermissionGrant[] grants = leads
            ? [new(SupervisionPermissions.Supervise, null), new(SupervisionPermissions.SessionsView, null)]
            : [new(SupervisionPermissions.SessionsView, null)];
        _host.User.ActingAs(id, grants);
        return id;
    }

    private async Task<Guid> ScheduledAsync()
    {
        var learner = await ActAsync("learner@traininghub.example", leads: false);
        await ActAsync("supervisor@traininghub.example", leads: true);
        return (await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Individual, ParticipantIds = [learner],
            Times = new SessionTimes { StartsAt = new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero), DurationMinutes = 90, Place = "Кабінет 12" },
        })).Value;
    }

    [Fact]
    public async Task A_supervisor_sees_the_meeting_on_Kyiv_time_and_cancels_it_with_a_reason()
    {
        var id = await ScheduledAsync();
        var providers = _pages.RenderProviders();
        var page = _pages.Render<SessionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"#session-{id}")));
        var card = page.Find($"#session-{id}");

        Assert.Contains("Індивідуальна супервізія", card.TextContent);
        Assert.Contains("10:00–11:30 (90 хв)", card.QuerySelector(".th-when")!.TextContent);
        Assert.Contains("З: Оксана Волонтерка", card.QuerySelector(".th-with")!.TextContent);
        card.QuerySelector(".th-cancel")!.Click();
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#cancel-submit")));
        providers.Dialogs.Find("#cancel-submit").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Вкажіть, чому зустріч скасовано.", providers.Dialogs.Markup));
        providers.Dialogs.Find("textarea#cancel-reason").Change("Захворіла");
        providers.Dialogs.Find("#cancel-submit").Click();

        providers.Snackbars.WaitForAssertion(() => Assert.Contains("Зустріч скасовано.", providers.Snackbars.Markup));
        page.WaitForAssertion(() => Assert.Contains("Скасовано: Захворіла", page.Find($"#session-{id}").TextContent));
        Assert.Empty(page.Find($"#session-{id}").QuerySelectorAll(".th-move"));
    }

    [Fact]
    public async Task The_learner_sees_who_leads_it_and_cannot_change_it_and_scheduling_says_what_is_missing()
    {
        var id = await ScheduledAsync();
        await ActAsync("learner@traininghub.example", leads: false);
        var learnersPage = _pages.Render<SessionsPage>();
        learnersPage.WaitForAssertion(() => Assert.Contains("Проводить: Марія Супервізорка", learnersPage.Find($"#session-{id}").TextContent));
        Assert.Empty(learnersPage.FindAll(".th-move, .th-cancel, #sessions-new"));

        await ActAsync("supervisor@traininghub.example", leads: true);
        var providers = _pages.RenderProviders();
        var page = _pages.Render<SessionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#sessions-new")));
        page.Find("#sessions-new").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#schedule-submit")));
        providers.Dialogs.Find("#schedule-submit").Click();

        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Оберіть дату зустрічі.", providers.Dialogs.Markup));
        Assert.Contains("Оберіть одну людину.", providers.Dialogs.Markup);
    }
}
