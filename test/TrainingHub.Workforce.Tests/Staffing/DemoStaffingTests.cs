using TrainingHub.TestKit;
using TrainingHub.Workforce.Communities;

namespace TrainingHub.Workforce.Tests.Staffing;

/// <summary>Demo data gives the demo organisations funded posts and the demo hromadas their reports, so the pages have something to show.</summary>
public sealed class DemoStaffingTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server, keepDemoStaffing: true);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    [Fact]
    public async Task The_demo_oblast_has_posts_to_fill_and_an_urban_and_a_rural_side()
    {
        await _scenario.HireAsync(3, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        var oblast = await _scenario.ReportAsync(_scenario.Zhytomyr.Id);
        var centre = await _scenario.ReportAsync(_scenario.CityCentre.Id);

        // The demo centre is funded for 8 social workers, 3 case managers and 4 social assistants; three social workers work there.
        Assert.Equal((15, 12), (centre.Total.FundedPosts, centre.Total.VacantPosts));
        Assert.Equal([Settlement.Urban, Settlement.Rural], oblast.Settlements.Select(s => s.Settlement));
        Assert.Equal((3, 1), (oblast.Settlements[0].Hromadas, oblast.Settlements[1].Hromadas));
        Assert.Equal(450, oblast.Total.FamiliesInDifficulty);
    }
}
