using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Dashboard;

namespace TrainingHub.Workforce.Tests.Dashboard;

/// <summary>The planning overview page in English: ranked units with their values in words and figures, and the files to download.</summary>
public sealed class DashboardPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private StaffingScenario _scenario = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await StaffingScenario.StartAsync(server);
        _pages = new PageRenderer(_scenario.Host) { Culture = Cultures.English };
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task An_oblast_coordinator_sees_the_hromadas_ranked_with_the_one_without_social_workers_first_and_can_download_the_chart()
    {
        await _scenario.HireAsync(60, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        await _scenario.HireAsync(5, _scenario.Korosten.Id, _scenario.People.SocialWorker);
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);
        _pages.RenderProviders();

        var page = _pages.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("Planning overview: Zhytomyr Oblast", page.Find("h1").TextContent));
        var ranked = page.FindAll("#dashboard-ranking .th-ranked");
        Assert.Equal(4, ranked.Count);
        Assert.Contains("Berdychiv City Hromada", ranked[0].TextContent);
        Assert.Contains("nobody", ranked[0].TextContent);
        Assert.Contains("target missed", ranked[0].TextContent);
        Assert.Equal("5", ranked[0].GetAttribute("data-band"));
        Assert.Contains("Zhytomyr City Hromada", ranked[^1].TextContent);
        Assert.Contains("4,392", ranked[^1].TextContent);
        Assert.Contains($"workforce/dashboard?measure=ResidentsPerSocialWorker&unit={_scenario.ZhytomyrCity.Id}", ranked[^1].QuerySelector("a")!.GetAttribute("href"));
        Assert.EndsWith($"workforce/dashboard/export?measure=ResidentsPerSocialWorker&unit={_scenario.Zhytomyr.Id}&format=svg",
            page.Find("#dashboard-svg").GetAttribute("href"));
    }

    [Fact]
    public void A_hromadas_organisations_are_ranked_by_vacancies_and_open_their_staffing()
    {
        _scenario.AsViewerAt(_scenario.ZhytomyrCity.Id);
        _pages.Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"workforce/dashboard?measure=VacancyRate&unit={_scenario.ZhytomyrCity.Id}");

        var page = _pages.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("measure=VacancyRate", page.Find("#dashboard-csv").GetAttribute("href")));
        Assert.All(page.FindAll("#dashboard-ranking a"), a => Assert.Contains("workforce/staffing?unit=", a.GetAttribute("href")));
        Assert.Equal(2, page.FindAll("#dashboard-ranking .th-ranked").Count);
    }
}
