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

    [Fact]
    public void Burnout_shows_the_anonymity_rule_and_says_which_hromadas_have_too_few_answers()
    {
        Scenario.Figures.Burnout[Scenario.Zhytomyr.Id] = new TrainingHub.Wellbeing.Contracts.BurnoutFigures(5, null,
        [
            new(Scenario.ZhytomyrCity.Id, new DateOnly(2026, 11, 30), 14, 36, 44.2m, Hidden: false),
            new(Scenario.Korosten.Id, new DateOnly(2026, 11, 30), null, null, null, Hidden: true),
        ]);
        Scenario.AsViewerAt(Scenario.Zhytomyr.Id);
        Pages.Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"workforce/dashboard?measure=BurnoutHighPercent&unit={Scenario.Zhytomyr.Id}");

        var page = Pages.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("fewer than 5 answers", page.Find("#dashboard-anonymity").TextContent));
        var ranked = page.FindAll("#dashboard-ranking .th-ranked");
        Assert.Contains("Zhytomyr City Hromada", ranked[0].TextContent);
        Assert.Contains("36 %", ranked[0].TextContent);
        Assert.Contains("not shown: too few answers", ranked.Single(r => r.TextContent.Contains("Korosten")).TextContent);
    }
}
