using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Competence;

namespace TrainingHub.Workforce.Tests.Competence;

/// <summary>The competence page in English: the heatmap's cells in colour and figures, the funnel, the courses, and what shows when there is nothing.</summary>
public sealed class CompetencePageTests(SqliteServer server) : PageTestBase(server)
{
    [Fact]
    public async Task A_hromada_coordinator_sees_each_organisation_against_each_area_the_funnel_and_the_courses()
    {
        var version = new FrameworkVersionReference(Guid.NewGuid(), "CP-INCL", "Інклюзивний захист дітей", "Inclusive child protection", 1);
        var practice = new CompetencyAreaReference(Guid.NewGuid(), "CP.1", "Практика", "Practice");
        var gap = new CompetencyShortfall(Guid.NewGuid(), "CP.1.1", "Оцінювання", "Assessment", practice.Id, 12, 9);
        Scenario.Figures.Versions.Add(version);
        Scenario.Figures.Heatmaps[(version.Id, Scenario.ZhytomyrCity.Id)] = new CompetencyHeatmap(version, [practice], 6, new RequirementShare(12, 3),
            [new HeatmapRow(Scenario.CityCentre.Id, 6, new RequirementShare(12, 3), [new RequirementShare(12, 3)]), new HeatmapRow(Scenario.CityNgo.Id, 0, default, [default])],
            [gap]);
        Scenario.Figures.Courses.Add(new CourseForCompetencies(new CourseReference(Guid.NewGuid(), "Assessing a family", null, 120, false), [gap.LineageId]));
        await Scenario.HireAsync(2, Scenario.CityNgo.Id, Scenario.People.Volunteer);
        Scenario.AsViewerAt(Scenario.ZhytomyrCity.Id);
        Pages.RenderProviders();

        var page = Pages.Render<CompetencePage>();

        page.WaitForAssertion(() => Assert.Contains("Competence of the workforce: Zhytomyr City Hromada", page.Find("h1").TextContent));
        var centre = page.Find($"#heatmap tr[data-unit='{Scenario.CityCentre.Id}']");
        Assert.Contains("25 %", centre.TextContent);
        Assert.Contains("background: #c62828", centre.QuerySelector("td.th-heat")!.GetAttribute("style"));
        Assert.Contains("—", page.Find($"#heatmap tr[data-unit='{Scenario.CityNgo.Id}']").TextContent);
        Assert.Contains("2", page.Find("#funnel li[data-stage='Volunteers']").TextContent);
        Assert.Contains("Assessing a family", page.Find("#demand").TextContent);
        Assert.Contains("CP.1.1 Assessment (9)", page.Find("#demand").TextContent);
        Assert.EndsWith($"workforce/competence/export?unit={Scenario.ZhytomyrCity.Id}&version={version.Id}&part=Heatmap&format=png",
            page.Find("#heatmap-png").GetAttribute("href"));
        // Every table downloads as a spreadsheet too: the workbook holds the three parts as sheets.
        Assert.All(new[] { "heatmap", "funnel", "demand" }, part => Assert.Contains("format=xlsx", page.Find($"#{part}-xlsx").GetAttribute("href")));
    }

    [Fact]
    public void Without_a_published_framework_the_page_says_so_and_still_shows_the_funnel()
    {
        Scenario.AsViewerAt(Scenario.Zhytomyr.Id);
        Pages.Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"workforce/competence?unit={Scenario.Zhytomyr.Id}");

        var page = Pages.Render<CompetencePage>();

        page.WaitForAssertion(() => Assert.Contains("No competency framework is published yet", page.Find("#heatmap-none").TextContent));
        Assert.Equal(4, page.FindAll("#funnel li").Count);
        Assert.Contains("once a competency framework is published", page.Find("#demand-empty").TextContent);
    }
}
