using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing.Tests.Rounds;

/// <summary>The check-in schedules page as a coordinator of Zhytomyr Oblast uses it, in Ukrainian.</summary>
public sealed class SchedulesPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        var oblast = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18000000000045390"))!.Id;
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.SchedulesManage, oblast));
        _pages = new PageRenderer(_host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_coordinator_sees_an_empty_state_then_the_schedule_set_with_its_next_round_and_pauses_it()
    {
        var page = _pages.Render<SchedulesPage>();
        page.WaitForAssertion(() => Assert.Contains("Жоден підрозділ вашої зони ще не має розкладу", page.Find("#no-schedules").TextContent));

        var oblast = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18000000000045390"))!.Id;
        await _host.Get<Schedules>().SetAsync(new ScheduleInput { UnitId = oblast, Cadence = Cadence.Fortnightly, NextOpensOn = new DateOnly(2026, 3, 4) }, null);
        page = _pages.Render<SchedulesPage>();

        page.WaitForAssertion(() => Assert.Contains("Житомирська область", page.Find(".th-schedule h2").TextContent));
        Assert.Equal("Раз на два тижні · наступний раунд — 04.03.2026", Regex.Replace(page.Find(".th-schedule-next").TextContent, @"\s+", " ").Trim());
        Assert.Contains("Жоден раунд ще не відкривався.", page.Find(".th-schedule").TextContent);

        page.Find(".th-schedule-pause").Click();
        page.WaitForAssertion(() => Assert.Contains("призупинено", page.Find(".th-schedule-next").TextContent));
        Assert.Contains("Відновити", page.Find(".th-schedule-pause").TextContent);
    }
}
