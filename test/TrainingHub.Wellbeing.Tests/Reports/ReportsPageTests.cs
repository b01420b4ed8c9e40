using Bunit;
using TrainingHub.Accounts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Reports;

namespace TrainingHub.Wellbeing.Tests.Reports;

/// <summary>The wellbeing reports page and its privacy setting, in English, over a Zhytomyr oblast schedule with two closed rounds.</summary>
public sealed class ReportsPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;
    private Guid _oblast;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        _pages = new PageRenderer(_host);
        _oblast = await ReportData.UnitAsync(_host, "UA18000000000045390");
        var city = await ReportData.UnitAsync(_host, "UA18040470000082484");
        var korosten = await ReportData.UnitAsync(_host, "UA18060170000025398");
        var berdychiv = await ReportData.UnitAsync(_host, "UA18020030000014563");
        var schedule = await ReportData.ScheduleAsync(_host, _oblast);
        await ReportData.RoundAsync(_host, schedule, 50, [.. ReportData.Answering(city, 5, 40), .. ReportData.Answering(berdychiv, 5, 40)]);
        await ReportData.RoundAsync(_host, schedule, 20,
            [.. ReportData.Answering(city, 6, 60), new Invited(city), .. ReportData.Answering(korosten, 4, 80), .. ReportData.Answering(berdychiv, 7, 30)]);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    private void InEnglish() => _pages.Culture = Cultures.English;

    [Fact]
    public async Task A_coordinator_reads_the_oblast_its_hromadas_with_hidden_ones_explained_and_the_trend_then_opens_a_hromada()
    {
        InEnglish();
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.ReportsView, _oblast));

        var page = _pages.Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("17 of 18 answered (94%)", page.Find("#reports-total").TextContent));
        Assert.Contains("mean 52.4 · 59% at 50 or more", page.Find("#reports-total [data-scale=personal]").TextContent);
        var rows = page.FindAll("#reports-units tbody tr").ToDictionary(r => r.QuerySelector("td")!.TextContent.Trim(), r => r.TextContent);
        Assert.Contains("4 invited · hidden: fewer than 5 answered", rows["Korosten City Hromada"]);
        Assert.Contains("hidden, so that a hidden group cannot be worked out", rows["Zhytomyr City Hromada"]);
        Assert.Contains("mean 30.0 · 0% at 50 or more", rows["Berdychiv City Hromada"]);
        Assert.Equal(2, page.FindAll("#reports-trend tbody tr").Count);
        Assert.Contains("10 of 10 answered (100%)", page.FindAll("#reports-trend tbody tr")[1].TextContent);
        Assert.NotNull(page.Find("#reports-trend-chart"));
        Assert.Contains("format=xlsx", page.Find("#reports-xlsx").GetAttribute("href"));

        await page.InvokeAsync(() => page.Find("#reports-units .th-drill").Click());

        page.WaitForAssertion(() => Assert.Contains("7 of 7 answered (100%)", page.Find("#reports-total").TextContent));
        Assert.Contains("Berdychiv City Hromada", page.Find("h2").TextContent);
    }

    [Fact]
    public async Task A_coordinator_of_an_oblast_without_a_schedule_is_told_so()
    {
        InEnglish();
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.ReportsView, await ReportData.UnitAsync(_host, "UA46000000000026241")));

        var page = _pages.Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Equal("No check-in schedule covers Lviv Oblast.", page.Find("#reports-no-schedule").TextContent.Trim()));
    }

    [Fact]
    public void An_administrator_sets_the_smallest_group_and_a_number_below_three_is_refused_with_a_reason()
    {
        InEnglish();
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.ReportsSettings, null));
        var page = _pages.Render<ReportSettingsPage>();
        page.WaitForAssertion(() => Assert.Contains("Groups are shown from 5 people who answered.", page.Find("#settings-current").TextContent));

        page.Find("#settings-minimum").Change("2");
        page.Find("#settings-save").Click();
        page.WaitForAssertion(() => Assert.Contains("Choose a number from 3 to 100.", page.Markup));

        page.Find("#settings-minimum").Change("7");
        page.Find("#settings-save").Click();
        page.WaitForAssertion(() => Assert.Contains("Groups are shown from 7 people who answered.", page.Find("#settings-current").TextContent));
    }
}
