using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing.Tests.CheckIns;

/// <summary>The questionnaire and the person's own results as the demo learner sees them, in Ukrainian.</summary>
public sealed class CheckInPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;
    private Guid _round;

    public async ValueTask InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock).AddSingleton<TrainingHub.Notifications.Contracts.IReminders>(new RecordingReminders()));
        _round = await CityRound.OpenAsync(_host);
        var learner = (await _host.Get<IPeopleLookup>().FindByEmailAsync("learner@traininghub.example"))!.Id;
        _host.User.ActingAs(learner, new PermissionGrant(WellbeingPermissions.CheckIn, null));
        _pages = new PageRenderer(_host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public void The_learner_answers_one_part_at_a_time_finishes_and_sees_her_high_score_marked_without_a_diagnosis()
    {
        var list = _pages.Render<MyCheckInsPage>();
        list.WaitForAssertion(() => Assert.Contains("Опитування відкрите до 09.03.2026", list.Find(".th-open-round").TextContent));

        var page = _pages.Render<CheckInPage>(p => p.Add(c => c.RoundId, _round));
        page.WaitForAssertion(() => Assert.Equal("Особисте вигорання", page.Find("#scale-heading").TextContent));
        foreach (var question in page.FindAll(".th-question"))
        {
            page.FindAll($".th-question[data-item='{question.GetAttribute("data-item")}'] input[type=radio]")[1].Click();
        }
        page.WaitForAssertion(() => Assert.Equal("Ваші відповіді зберігаються одразу.", page.Find("#check-in-saved").TextContent));
        page.Find("#check-in-next").Click();
        Assert.Equal("Вигорання, пов'язане з роботою", page.Find("#scale-heading").TextContent);
        page.Find("#check-in-next").Click();
        Assert.Contains("пропустіть цю частину", page.Find("#client-note").TextContent);
        page.Find("#check-in-submit").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/wellbeing/check-ins", _pages.Context.Services.GetRequiredService<NavigationManager>().Uri));
        var results = _pages.Render<MyCheckInsPage>();
        results.WaitForAssertion(() => Assert.Equal("75", results.Find(".th-my-score[data-scale='personal'] .th-score").TextContent));
        Assert.Equal("Висока", results.Find(".th-my-score[data-scale='personal'] .th-high").TextContent.Trim());
        Assert.Contains("не діагноз", results.Markup);
        Assert.Contains("Оцінки немає", results.Find(".th-my-score[data-scale='work'] .th-score").TextContent);
        Assert.Empty(results.FindAll(".th-open-round"));
        Assert.Contains("Lifeline Ukraine — лінія психологічної підтримки: 7333", results.Find("#support-offer").TextContent);
        Assert.Contains("Вибір за вами", results.Find("#support-offer").TextContent);
    }

    [Fact]
    public async Task The_supervisor_whose_position_does_not_work_with_clients_answers_two_parts_and_has_no_client_score()
    {
        var supervisor = (await _host.Get<IPeopleLookup>().FindByEmailAsync("supervisor@traininghub.example"))!.Id;
        _host.User.ActingAs(supervisor, new PermissionGrant(WellbeingPermissions.CheckIn, null));

        var page = _pages.Render<CheckInPage>(p => p.Add(c => c.RoundId, _round));
        page.WaitForAssertion(() => Assert.Equal("Особисте вигорання", page.Find("#scale-heading").TextContent));
        Assert.Contains("Частина 1 з 2", page.Markup);
        foreach (var question in page.FindAll(".th-question"))
        {
            page.FindAll($".th-question[data-item='{question.GetAttribute("data-item")}'] input[type=radio]")[1].Click();
        }
        page.Find("#check-in-next").Click();
        Assert.Equal("Вигорання, пов'язане з роботою", page.Find("#scale-heading").TextContent);
        Assert.Contains("Частина 2 з 2", page.Markup);
        Assert.Empty(page.FindAll("#check-in-next"));
        Assert.Empty(page.FindAll("#client-note"));
        page.Find("#check-in-submit").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/wellbeing/check-ins", _pages.Context.Services.GetRequiredService<NavigationManager>().Uri));
        var results = _pages.Render<MyCheckInsPage>();
        results.WaitForAssertion(() => Assert.Equal("75", results.Find(".th-my-score[data-scale='personal'] .th-score").TextContent));
        Assert.Equal(["personal", "work"], results.FindAll(".th-my-score").Select(s => s.GetAttribute("data-scale")));
        Assert.DoesNotContain("клієнт", results.Find("#my-scores").TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task After_two_rounds_the_trend_draws_a_line_for_each_scale_scored_in_both_and_a_low_score_offers_nothing()
    {
        var checkIns = _pages.Get<MyCheckIns>();
        await AnswerAsync(checkIns, _round, ["personal.1", "personal.2", "personal.3", "work.1", "work.2", "work.3", "work.4"], 1);
        _clock.Advance(TimeSpan.FromDays(31));
        await _host.Get<RoundRun>().RunAsync(CancellationToken.None);
        await using (var db = _host.Get<IDbContextFactory<WellbeingDbContext>>().CreateDbContext())
        {
            var second = await db.Rounds.Where(r => r.Id != _round).Select(r => r.Id).SingleAsync();
            await AnswerAsync(checkIns, second, ["personal.1", "personal.2", "personal.3"], 4);
        }

        var page = _pages.Render<MyCheckInsPage>();

        page.WaitForAssertion(() => Assert.Equal("0", page.Find(".th-my-score[data-scale='personal'] .th-score").TextContent));
        Assert.Contains("Особисте вигорання", page.Find("#my-trend").TextContent);
        Assert.DoesNotContain("Вигорання, пов'язане з роботою", page.Find("#my-trend").TextContent);
        Assert.Empty(page.FindAll("#support-offer"));
        Assert.Equal(2, page.FindAll(".th-answered").Count);
    }

    private static async Task AnswerAsync(MyCheckIns checkIns, Guid round, string[] items, int option)
    {
        await checkIns.OpenAsync(round);
        foreach (var item in items)
        {
            await checkIns.AnswerAsync(round, item, option);
        }
        await checkIns.SubmitAsync(round);
    }
}
