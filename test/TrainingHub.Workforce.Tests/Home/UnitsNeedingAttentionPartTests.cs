using Bunit;
using TrainingHub.Organisations.Contracts;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Home;

namespace TrainingHub.Workforce.Tests.Home;

/// <summary>The home page part that shows a coordinator the units of their area most in need, in English.</summary>
public sealed class UnitsNeedingAttentionPartTests(SqliteServer server) : PageTestBase(server)
{
    /// <summary>
    /// Ovruch has no social worker, Korosten few, Berdychiv more and the city most; none of the city's people is
    /// supervised often enough, which no other hromada reports; nobody holds a certificate, so every hromada with people
    /// shares the worst band on certificates.
    /// </summary>
    private async Task StaffTheOblastAsync()
    {
        var berdychiv = (await Scenario.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18020030000014563"))!;
        foreach (var person in await Scenario.HireAsync(60, Scenario.CityCentre.Id, Scenario.People.SocialWorker))
        {
            Scenario.Figures.Supervised[person.Id] = false;
        }
        await Scenario.HireAsync(5, Scenario.Korosten.Id, Scenario.People.SocialWorker);
        await Scenario.HireAsync(8, berdychiv.Id, Scenario.People.SocialWorker);
        await Scenario.HireAsync(3, Scenario.LvivCity.Id, Scenario.People.SocialWorker);
    }

    [Fact]
    public async Task An_oblast_coordinator_sees_its_hromadas_by_their_mean_rank_each_opening_the_measure_it_ranks_worst_on()
    {
        await StaffTheOblastAsync();
        Scenario.AsViewerAt(Scenario.Zhytomyr.Id);
        Pages.RenderProviders();

        var part = Pages.Render<UnitsNeedingAttentionPart>();

        part.WaitForAssertion(() => Assert.NotEmpty(part.FindAll(".th-attention")));
        var units = part.FindAll(".th-attention");
        // Ovruch is worst on its one measure; the city's mean band equals Berdychiv's, but the city is in the worst band twice.
        Assert.Equal(["Ovruch City Hromada", "Korosten City Hromada", "Zhytomyr City Hromada", "Berdychiv City Hromada"],
            units.Select(u => u.QuerySelector("a")!.TextContent.Trim()));
        Assert.Contains("Residents per social worker: nobody", units[0].TextContent);
        Assert.Contains("target missed", units[0].TextContent);
        Assert.Contains("Supervision coverage (%): 0 %", units[2].TextContent);
        Assert.EndsWith($"workforce/dashboard?measure=SupervisionCoveragePercent&unit={Scenario.ZhytomyrCity.Id}", units[2].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Zhytomyr Oblast", part.Find("#home-workforce-attention-rule").TextContent);
        Assert.EndsWith($"workforce/dashboard?unit={Scenario.Zhytomyr.Id}", part.Find("#home-workforce-attention-all").GetAttribute("href"));
    }

    [Fact]
    public async Task A_coordinator_of_one_oblast_never_sees_the_other_oblasts_units()
    {
        await StaffTheOblastAsync();
        Scenario.AsViewerAt(Scenario.Lviv.Id);
        Pages.RenderProviders();

        var part = Pages.Render<UnitsNeedingAttentionPart>();

        part.WaitForAssertion(() => Assert.NotEmpty(part.FindAll(".th-attention")));
        Assert.Contains(part.FindAll(".th-attention"), u => u.TextContent.Contains("Lviv City Hromada"));
        Assert.DoesNotContain("Zhytomyr", part.Markup);
        Assert.DoesNotContain("Ovruch", part.Markup);
    }

    [Fact]
    public async Task At_most_five_oblasts_are_shown_to_someone_who_plans_for_the_country()
    {
        await StaffTheOblastAsync();
        Scenario.AsViewerAt(null);
        Pages.RenderProviders();

        var part = Pages.Render<UnitsNeedingAttentionPart>();

        part.WaitForAssertion(() => Assert.NotEmpty(part.FindAll(".th-attention")));
        var units = part.FindAll(".th-attention");
        Assert.InRange(units.Count, 1, UnitsNeedingAttention.Shown);
        Assert.All(units, u => Assert.Contains("Oblast", u.QuerySelector("a")!.TextContent));
        Assert.Contains("Ukraine", part.Find("#home-workforce-attention-rule").TextContent);
    }

    [Fact]
    public void Someone_whose_area_is_one_organisation_is_told_there_is_nothing_to_rank_and_where_to_look()
    {
        Scenario.AsViewerAt(Scenario.CityNgo.Id);
        Pages.RenderProviders();

        var part = Pages.Render<UnitsNeedingAttentionPart>();

        part.WaitForAssertion(() => Assert.Contains("No unit of your area has figures to rank yet", part.Find("#home-workforce-attention-empty").TextContent));
        Assert.Empty(part.FindAll(".th-attention"));
        Assert.NotNull(part.Find("#home-workforce-attention-all").GetAttribute("href"));
    }
}
