using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Home;
using TrainingHub.Pathways.Progression;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Home;

/// <summary>
/// A coordinator's home page part, in English: people in their area ready to move on, requests waiting for them and
/// certificates expiring soon; nothing of another oblast's people.
/// </summary>
public sealed class ReadyForProgressionPartTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private PathwayScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await PathwayScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private static Bunit.IRenderedComponent<ReadyForProgressionPart> Render(PageRenderer pages)
    {
        var part = pages.Render<ReadyForProgressionPart>();
        part.WaitForAssertion(() => Assert.Empty(part.FindAll(".mud-progress-linear")));
        return part;
    }

    [Fact]
    public async Task Signed_off_Vasyl_is_ready_and_links_to_his_pathway_and_once_he_asks_he_waits_in_the_requests()
    {
        await _scenario.SignOffAsync();

        await using var pages = new PageRenderer(_scenario.Host) { Culture = Cultures.English };
        var ready = Render(pages);

        var person = ready.Find($"#home-pathways-people .th-ready-person[data-person='{_scenario.Vasyl}']");
        Assert.Contains("ready for “Social assistant”", person.TextContent);
        Assert.Equal($"/pathways/people/{_scenario.Vasyl}", person.QuerySelector("a")!.GetAttribute("href"));

        _scenario.AsVasyl();
        Assert.True((await _scenario.Host.Get<Progressions>().RequestAsync(_scenario.Vasyl, null)).Succeeded);
        await _scenario.AsCoordinatorOfAsync(PathwayScenario.ZhytomyrCity);
        var asked = Render(pages);

        Assert.Contains("Waiting for your decision (1)", asked.Markup);
        Assert.Equal("/pathways/requests", asked.Find($".th-ready-request[data-person='{_scenario.Vasyl}'] a").GetAttribute("href"));
        Assert.Empty(asked.FindAll($".th-ready-person[data-person='{_scenario.Vasyl}']"));
        Assert.Equal("1", asked.Find("#home-pathways-ready .mud-chip").TextContent.Trim());
    }

    [Fact]
    public async Task A_certificate_expiring_within_sixty_days_is_listed_for_the_coordinator_of_its_unit()
    {
        await _scenario.ApproveAsync();
        var until = DailyRuns.DayOf(DateTimeOffset.UtcNow).AddDays(20);
        await using (var db = _scenario.Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext())
        {
            await db.Certificates.Where(c => c.PersonId == _scenario.Vasyl).ExecuteUpdateAsync(c => c.SetProperty(x => x.ValidUntil, until));
        }

        await using var pages = new PageRenderer(_scenario.Host) { Culture = Cultures.English };
        var part = Render(pages);

        Assert.Contains("Certificates expiring within 60 days (1)", part.Markup);
        var line = part.Find($"#home-pathways-expiring .th-expiring[data-person='{_scenario.Vasyl}']");
        Assert.Equal($"/pathways/people/{_scenario.Vasyl}", line.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_coordinator_of_another_oblast_sees_none_of_them_and_is_told_nothing_waits()
    {
        await _scenario.ApproveAsync();
        await using (var db = _scenario.Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext())
        {
            await db.Certificates.ExecuteUpdateAsync(c => c.SetProperty(x => x.ValidUntil, DailyRuns.DayOf(DateTimeOffset.UtcNow).AddDays(20)));
        }
        await _scenario.AsCoordinatorOfAsync(PathwayScenario.LvivOblast);

        await using var pages = new PageRenderer(_scenario.Host) { Culture = Cultures.English };
        var part = Render(pages);

        Assert.Contains("Nobody in your area is waiting to move on", part.Find("#home-pathways-ready-empty").TextContent);
        Assert.DoesNotContain(_scenario.Vasyl.ToString(), part.Markup);
    }
}
