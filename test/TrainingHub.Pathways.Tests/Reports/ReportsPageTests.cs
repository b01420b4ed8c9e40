using Bunit;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Reports;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Reports;

/// <summary>
/// The certification progress page as the oblast's coordinator uses it, in Ukrainian: the oblast's stages in a table
/// beside the chart, its hromadas to drill into, and the city's certificates.
/// </summary>
public sealed class ReportsPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private PathwayScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await PathwayScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    [Fact]
    public async Task The_oblast_coordinator_sees_the_stages_drills_into_the_city_and_finds_no_certificate_expiring()
    {
        var oblast = await _scenario.UnitAsync("UA18000000000045390");
        var city = await _scenario.UnitAsync(PathwayScenario.ZhytomyrCity);
        _scenario.Host.User.ActingAs(_scenario.Coordinator, new PermissionGrant(PathwaysPermissions.ReportsView, oblast)).InRoles(BuiltInRoles.Coordinator);
        await using var pages = new PageRenderer(_scenario.Host);
        pages.RenderProviders();

        var page = pages.Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("Житомирська область: на шляху — 3, готові до наступного етапу — 0", page.Find("#reports-total").TextContent));
        Assert.Equal(
            ["1. Волонтер", "1", "0", "0", "—", "—"],
            page.FindAll("#reports-stages tbody tr").First().QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Equal(["1", "1", "1", "0", "0"], page.FindAll("#reports-stages tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()));
        Assert.Equal("—", page.FindAll("#reports-stages tbody tr").Last().QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.NotEmpty(page.FindAll("#reports-chart svg"));
        Assert.Equal($"pathways/reports/export?unit={oblast}&template={PathwayScenario.Pathway}&format=csv", page.Find("#reports-csv").GetAttribute("href"));
        Assert.Equal("region", page.Find("#reports-units").Closest(".th-scroll")!.GetAttribute("role"));

        await page.InvokeAsync(() => page.FindAll("#reports-units .th-drill").Single(l => l.TextContent.Trim() == "Житомирська міська громада").Click());

        page.WaitForAssertion(() => Assert.Contains("Житомирська міська громада: на шляху — 3", page.Find("#reports-total").TextContent));
        Assert.Contains("Житомирська міська громада (працюють безпосередньо в підрозділі)", page.Find("#reports-units").TextContent);
        Assert.Equal("Незабаром спливають: 0. Прострочені: 0. Відкликані: 0.", page.Find("#reports-certificates").TextContent.Trim());
        var year = DailyRuns.DayOf(DateTimeOffset.UtcNow).Year;
        Assert.Equal($"Професійний розвиток у {year} році: 0 з 3 осіб, чия посада вимагає годин, набрали їх повністю (0%).", page.Find("#reports-development").TextContent.Trim());
        Assert.Equal("0 з 3", page.FindAll("#reports-units tbody tr").First().QuerySelector(".th-development")!.TextContent.Trim());
        Assert.NotNull(page.Find("#reports-expiring-none"));
        Assert.Equal($"pathways/reports/export?unit={city}&template={PathwayScenario.Pathway}&format=xlsx", page.Find("#reports-xlsx").GetAttribute("href"));
    }

    [Fact]
    public async Task A_unit_without_anyone_on_the_pathway_says_so()
    {
        var lviv = await _scenario.UnitAsync(PathwayScenario.LvivOblast);
        _scenario.Host.User.ActingAs(_scenario.Coordinator, new PermissionGrant(PathwaysPermissions.ReportsView, lviv)).InRoles(BuiltInRoles.Coordinator);
        await using var pages = new PageRenderer(_scenario.Host);
        pages.RenderProviders();

        var page = pages.Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("У підрозділі «Львівська область» ніхто не на шляху", page.Find("#reports-empty").TextContent));
        Assert.Empty(page.FindAll("#reports-stages"));
    }
}
