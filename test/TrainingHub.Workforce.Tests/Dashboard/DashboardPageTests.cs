using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Dashboard;

namespace TrainingHub.Workforce.Tests.Dashboard;

/// <summary>The planning overview page in English: ranked units with their values in words and figures, and the files to download.</summary>
public sealed class DashboardPageTests(SqliteServer server) : PageTestBase(server)
{
    [Fact]
    public async Task An_oblast_coordinator_sees_the_hromadas_ranked_with_the_one_without_social_workers_first_and_can_download_the_chart()
    {
        await Scenario.HireAsync(60, Scenario.CityCentre.Id, Scenario.People.SocialWorker);
        await Scenario.HireAsync(5, Scenario.Korosten.Id, Scenario.People.SocialWorker);
        Scenario.AsViewerAt(Scenario.Zhytomyr.Id);
        Pages.RenderProviders();

        var page = Pages.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("Planning overview: Zhytomyr Oblast", page.Find("h1").TextContent));
        var ranked = page.FindAll("#dashboard-ranking .th-ranked");
        Assert.Equal(4, ranked.Count);
        Assert.Contains("Berdychiv City Hromada", ranked[0].TextContent);
        Assert.Contains("nobody", ranked[0].TextContent);
        Assert.Contains("target missed", ranked[0].TextContent);
        Assert.Equal("5", ranked[0].GetAttribute("data-band"));
        Assert.Contains("Zhytomyr City Hromada", ranked[^1].TextContent);
        Assert.Contains("4,392", ranked[^1].TextContent);
        Assert.Contains($"workforce/dashboard?measure=ResidentsPerSocialWorker&unit={Scenario.ZhytomyrCity.Id}", ranked[^1].QuerySelector("a")!.GetAttribute("href"));
        Assert.EndsWith($"workforce/dashboard/export?measure=ResidentsPerSocialWorker&unit={Scenario.Zhytomyr.Id}&format=svg",
            page.Find("#dashboard-svg").GetAttribute("href"));
    }

    [Fact]
    public void A_hromadas_organisations_are_ranked_by_vacancies_and_open_their_staffing()
    {
        Scenario.AsViewerAt(Scenario.ZhytomyrCity.Id);
        Pages.Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"workforce/dashboard?measure=VacancyRate&unit={Scenario.ZhytomyrCity.Id}");

        var page = Pages.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("measure=VacancyRate", page.Find("#dashboard-csv").GetAttribute("href")));
        Assert.All(page.FindAll("#dashboard-ranking a"), a => Assert.Contains("workforce/staffing?unit=", a.GetAttribute("href")));
        Assert.Equal(2, page.FindAll("#dashboard-ranking .th-ranked").Count);
    }
}
