using Bunit;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Pages;
using TrainingHub.Competencies.Tests.Gaps;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Ratings;

/// <summary>
/// The summary a person's competency pages open with, a bar per competency area, and the list grouped by area below it,
/// over the gap scenario's framework (areas Law, with a nested area, and Practice) in Ukrainian. The demo framework's
/// profiles require things of the same people and show in a section of their own, which these tests leave aside.
/// </summary>
public sealed class AreaSummaryTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private GapScenario _s = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _s = await GapScenario.StartAsync(_server);
        _pages = new PageRenderer(_s.Host);
        _pages.RenderProviders();
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _s.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IRenderedComponent<PersonCompetenciesPage> OpenPerson(Guid personId)
    {
        _s.ActAsAssessor();
        var page = _pages.Render<PersonCompetenciesPage>(p => p.Add(x => x.PersonId, personId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"{Framework} .th-my-competency")));
        return page;
    }

    /// <summary>The scenario's framework's section of the page.</summary>
    private string Framework => $"section[aria-labelledby='framework-{_s.VersionId}']";

    private string Figures(IRenderedComponent<PersonCompetenciesPage> page, string area) =>
        page.Find($"{Framework} .th-area-bar[data-area='{area}'] .th-area-figures").TextContent.Trim();

    private List<string?> Codes(IRenderedComponent<PersonCompetenciesPage> page) =>
        page.FindAll($"{Framework} .th-my-competency").Select(c => c.GetAttribute("data-code")).ToList();

    [Fact]
    public async Task Each_area_counts_what_is_met_rated_below_and_not_rated_with_nested_areas_in_their_top_area()
    {
        // Petro: child rights met, giving evidence in court rated below, reporting not rated (his self-rating does not count).
        await _s.RateAsync(_s.Petro, _s.Courts, 0);

        var page = OpenPerson(_s.Petro.Id);

        Assert.Equal(["L", "P"], page.FindAll($"{Framework} .th-area-bar").Select(b => b.GetAttribute("data-area")));
        Assert.Equal("L Законодавство", page.Find($"{Framework} .th-area-bar[data-area='L'] .th-area-name").TextContent.Trim());
        Assert.Equal("досягнуто: 1 · нижче потрібного рівня: 1 · не оцінено: 1", Figures(page, "L"));
        Assert.Equal("досягнуто: 0 · нижче потрібного рівня: 0 · не оцінено: 1", Figures(page, "P"));
        // The bar repeats the figures in proportion, hidden from screen readers, which read the figures.
        var bar = page.Find($"{Framework} .th-area-bar[data-area='L'] div[aria-hidden='true']");
        Assert.Equal(["th-segment-met", "th-segment-short", "th-segment-notrated"], bar.Children.Select(c => c.ClassName));
        Assert.StartsWith("width: 33.33%", bar.Children[0].GetAttribute("style"));
        Assert.Equal(["th-segment-notrated"], page.Find($"{Framework} .th-area-bar[data-area='P'] div[aria-hidden='true']").Children.Select(c => c.ClassName));

        // The list below: a heading per area with the same figures, each competency under its top area.
        var law = page.Find($"{Framework} section.th-area[data-area='L']");
        Assert.Equal("L Законодавство", law.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal("досягнуто: 1 · нижче потрібного рівня: 1 · не оцінено: 1", law.QuerySelector(".th-area-counts")!.TextContent.Trim());
        Assert.Equal(["L2", "L3.1", "L1"], law.QuerySelectorAll(".th-my-competency").Select(c => c.GetAttribute("data-code")));
        Assert.Equal(["P1"], page.Find($"{Framework} section.th-area[data-area='P']").QuerySelectorAll(".th-my-competency").Select(c => c.GetAttribute("data-code")));
    }

    [Fact]
    public void Gaps_only_hides_what_is_met_and_says_so_for_an_area_with_nothing_left()
    {
        // Iryna meets everything but reporting, which is rated below the required level.
        var page = OpenPerson(_s.Iryna.Id);
        Assert.Equal(4, Codes(page).Count);
        Assert.Equal("Лише те, що ще треба досягти", page.Find($"{Framework} .th-gaps-only").TextContent.Trim());

        page.Find($"{Framework} .th-gaps-only input[type='checkbox']").Change(true);

        page.WaitForAssertion(() => Assert.Equal(["L2"], Codes(page)));
        Assert.Equal("Усе в цій сфері на потрібному рівні.", page.Find($"{Framework} section.th-area[data-area='P'] .th-area-all-met").TextContent.Trim());
        // The summary still counts everything.
        Assert.Equal("досягнуто: 2 · нижче потрібного рівня: 1 · не оцінено: 0", Figures(page, "L"));

        page.Find($"{Framework} .th-gaps-only input[type='checkbox']").Change(false);

        page.WaitForAssertion(() => Assert.Equal(4, Codes(page).Count));
        Assert.Empty(page.FindAll($"{Framework} .th-area-all-met"));
    }

    [Fact]
    public void The_switch_starts_off_on_each_visit()
    {
        var first = OpenPerson(_s.Iryna.Id);
        first.Find($"{Framework} .th-gaps-only input[type='checkbox']").Change(true);
        first.WaitForAssertion(() => Assert.Single(Codes(first)));

        var again = OpenPerson(_s.Iryna.Id);

        Assert.Equal(4, Codes(again).Count);
        Assert.False(again.Find($"{Framework} .th-gaps-only input[type='checkbox']").HasAttribute("checked"));
    }

    [Fact]
    public void A_person_without_a_profile_gets_no_summary_but_a_sentence_saying_why()
    {
        var nobody = _s.People.Add("Без посади", _s.ZhytomyrCity.Id, null);
        _s.ActAs(nobody.Id, new PermissionGrant(CompetencyPermissions.FrameworksView, null));

        var page = _pages.Render<MyCompetencies>();

        page.WaitForAssertion(() => Assert.Equal("Для вашої посади ще немає профілю компетентностей.", page.Find("#no-profile").TextContent.Trim()));
        Assert.Empty(page.FindAll(".th-area-summary"));
        Assert.Empty(page.FindAll(".th-gaps-only"));
    }
}
