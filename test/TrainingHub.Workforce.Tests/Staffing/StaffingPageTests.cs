using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Tests.Staffing;

/// <summary>The staffing page in English: figures against targets in words, units to open, and the staffing table of an organisation.</summary>
public sealed class StaffingPageTests(SqliteServer server) : PageTestBase(server)
{
    private IRenderedComponent<StaffingPage> Open(Guid? unitId)
    {
        Pages.Context.Services.GetRequiredService<NavigationManager>().NavigateTo(unitId is { } id ? $"workforce/staffing?unit={id}" : "workforce/staffing");
        return Pages.Render<StaffingPage>();
    }

    [Fact]
    public async Task A_hromada_coordinator_reads_the_ratio_missed_in_words_and_finds_each_organisation_one_link_away()
    {
        await Scenario.HireAsync(2, Scenario.CityCentre.Id, Scenario.People.SocialWorker);
        await Scenario.HireAsync(1, Scenario.CityNgo.Id, Scenario.People.Volunteer);
        Scenario.AsCoordinatorAt(Scenario.ZhytomyrCity.Id);

        var page = Open(null);

        page.WaitForAssertion(() => Assert.Contains("Staffing: Zhytomyr City Hromada", page.Find("h1").TextContent));
        var people = page.Find("#staffing-people");
        Assert.Equal("missed", people.GetAttribute("data-state"));
        Assert.Contains("131,754", people.TextContent);
        Assert.Contains("Target missed (at most 5,000)", people.TextContent);
        Assert.Contains("not enough data to judge", page.Find("#staffing-vacancies").TextContent);
        Assert.Equal(["NGO A Family for Every Child", "Zhytomyr City Social Services Centre"], page.FindAll("#staffing-lines .th-drill").Select(a => a.TextContent.Trim()));
        Assert.EndsWith($"workforce/staffing?unit={Scenario.CityCentre.Id}", page.FindAll("#staffing-lines .th-drill")[1].GetAttribute("href"));
        Assert.NotNull(page.Find("#staffing-edit-community"));
        Assert.Empty(page.FindAll("#staffing-edit-posts"));
    }

    [Fact]
    public async Task A_coordinator_enters_an_organisations_posts_and_sees_the_empty_ones_counted()
    {
        await Scenario.HireAsync(2, Scenario.CityCentre.Id, Scenario.People.SocialWorker);
        Scenario.AsCoordinatorAt(Scenario.ZhytomyrCity.Id);
        var providers = Pages.RenderProviders();
        var page = Open(Scenario.CityCentre.Id);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#staffing-edit-posts")));

        await page.InvokeAsync(() => page.Find("#staffing-edit-posts").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Held by 2 now", providers.Dialogs.Markup));
        providers.Dialogs.Find($"#posts-{Scenario.People.SocialWorker.Id}").Change("5");
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#posts-save").Click());

        page.WaitForAssertion(() => Assert.Contains("60 %", page.Find("#staffing-vacancies").TextContent));
        Assert.Contains("Target missed (at most 10 %)", page.Find("#staffing-vacancies").TextContent);
        var row = page.FindAll("#staffing-positions tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == "Social worker");
        Assert.Equal(["Social worker", "Social worker", "5", "2", "3"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task A_coordinator_reports_a_hromadas_case_load_and_services_and_the_checklist_shows_them()
    {
        Scenario.AsCoordinatorAt(Scenario.ZhytomyrCity.Id);
        var providers = Pages.RenderProviders();
        var page = Open(Scenario.ZhytomyrCity.Id);
        page.WaitForAssertion(() => Assert.Contains("provided with trained staff: 0 of 18", page.Find("#staffing-services-title").TextContent));

        await page.InvokeAsync(() => page.Find("#staffing-edit-community").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Equal(18, providers.Dialogs.FindAll("#community-services input[type=checkbox]").Count));
        providers.Dialogs.Find("#community-families").Change("120");
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.FindAll("#community-services input[type=checkbox]")[8].Change(true));
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#community-save").Click());

        page.WaitForAssertion(() => Assert.Contains("1 of 18", page.Find("#staffing-services-title").TextContent));
        Assert.Equal("Social support (case management)", page.Find("#staffing-services li[data-provided=true]").TextContent.Replace("provided", "").Trim());
        Assert.Contains("Families in difficulty per social worker", page.Find("#staffing-families").TextContent);
        Assert.Contains("nobody", page.Find("#staffing-families").TextContent);
    }

    [Fact]
    public async Task A_coordinator_adds_a_target_to_the_hromadas_action_plan_and_reads_it_beside_today_s_figure()
    {
        await Scenario.HireAsync(3, Scenario.CityCentre.Id, Scenario.People.SocialWorker);
        Scenario.AsCoordinatorAt(Scenario.ZhytomyrCity.Id);
        var providers = Pages.RenderProviders();
        var page = Open(Scenario.ZhytomyrCity.Id);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#plan-none")));

        await page.InvokeAsync(() => page.Find("#plan-add").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#target-value")));
        providers.Dialogs.Find("#target-value").Change("120");
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#target-save").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Enter a number from 0 to 100.", providers.Dialogs.Markup));
        providers.Dialogs.Find("#target-value").Change("80");
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#target-save").Click());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#plan-targets tbody tr")));
        var row = page.Find("#plan-targets tbody tr");
        Assert.Contains("Funded posts filled (%)", row.TextContent);
        Assert.Contains("at least 80", row.TextContent);
        Assert.Contains(DailyRuns.DayOf(DateTimeOffset.UtcNow).AddYears(1).ToString("d", new System.Globalization.CultureInfo(Cultures.English)), row.TextContent);
        Assert.Equal("NoData", row.QuerySelector("[data-progress]")!.GetAttribute("data-progress"));
    }

    [Fact]
    public void Someone_without_an_area_is_told_they_may_not_open_the_page()
    {
        Scenario.Host.User.Holding();

        var page = Open(null);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#page-error")));
    }
}
