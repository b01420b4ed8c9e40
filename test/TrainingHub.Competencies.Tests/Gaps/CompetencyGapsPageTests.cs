using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Competencies.Pages;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Gaps;

/// <summary>The gap page in Ukrainian as an oblast coordinator sees it, over the gap scenario in a real SQLite database.</summary>
public sealed class CompetencyGapsPageTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private GapScenario _s = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _s = await GapScenario.StartAsync(_server);
        _s.ActAsGapViewerAt(_s.Zhytomyr.Id);
        _pages = new PageRenderer(_s.Host);
        _pages.RenderProviders();
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _s.DisposeAsync();
        await _server.DisposeAsync();
    }

    private NavigationManager Navigation => _pages.Context.Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<CompetencyGapsPage> Open(Guid unitId)
    {
        Navigation.NavigateTo($"competencies/gaps?version={_s.VersionId}&unit={unitId}");
        return _pages.Render<CompetencyGapsPage>();
    }

    private static void OpenTab(IRenderedComponent<CompetencyGapsPage> page, string title) =>
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == title).Click();

    [Fact]
    public void Each_competency_shows_its_share_and_how_many_of_how_many_meet_it()
    {
        var page = Open(_s.Zhytomyr.Id);

        page.WaitForAssertion(() => page.Find("#gap-competencies"));
        Assert.Equal("Враховано людей: 3. Досягнуто 5 з 9 потрібних рівнів (56 %).", page.Find("#gap-summary").TextContent.Trim());
        var rights = page.Find("#gap-competencies tr[data-code='L1']");
        Assert.Contains("Права дитини", rights.TextContent);
        Assert.Equal(("100 %", "3 з 3"), (rights.QuerySelector(".th-percent")!.TextContent, rights.QuerySelector(".th-counts")!.TextContent));
        var reporting = page.Find("#gap-competencies tr[data-code='L2']");
        Assert.Equal(("0 %", "0 з 2"), (reporting.QuerySelector(".th-percent")!.TextContent, reporting.QuerySelector(".th-counts")!.TextContent));
        Assert.Equal("50 %", page.Find("#gap-competencies tr[data-code='P1']").QuerySelector(".th-percent")!.TextContent);
    }

    [Fact]
    public void A_heatmap_cell_writes_its_percentage_beside_its_colour()
    {
        var page = Open(_s.Zhytomyr.Id);
        page.WaitForAssertion(() => page.Find("#gap-competencies"));

        OpenTab(page, "За підрозділами й сферами");

        page.WaitForAssertion(() => page.Find("#gap-heatmap"));
        // Korosten: its volunteer meets the one Law competency required of her, and nothing in Practice is required there.
        var korosten = page.Find($"#gap-heatmap tr[data-row='{_s.Korosten.Id}']").QuerySelectorAll("td").ToList();
        Assert.Equal(["1", "100 %", "—", "100 %"], korosten.Select(c => c.TextContent.Trim()));
        Assert.Equal(["th-number th-band-high", "th-number th-band-none", "th-number th-band-high"], korosten.Skip(1).Select(c => c.ClassName));
        var city = page.Find($"#gap-heatmap tr[data-row='{_s.ZhytomyrCity.Id}']").QuerySelectorAll("td").ToList();
        Assert.Equal(["2", "50 %", "50 %", "50 %"], city.Select(c => c.TextContent.Trim()));
        Assert.Contains("досягнуто менше ніж 50 %", page.Find("#gap-legend").TextContent);
    }

    [Fact]
    public void Percentages_and_counts_never_wrap_and_the_headers_stay_in_view_while_the_table_scrolls()
    {
        var page = Open(_s.Zhytomyr.Id);
        page.WaitForAssertion(() => page.Find("#gap-competencies"));

        var rows = page.FindAll("#gap-competencies tbody tr");
        Assert.Equal(4, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Contains("th-number", row.QuerySelector(".th-percent")!.ClassList);
            Assert.Contains("th-number", row.QuerySelector(".th-counts")!.ClassList);
        });
        Assert.All(page.FindAll("#gap-competencies thead th"), th => Assert.Contains("position: sticky", th.GetAttribute("style")));
        Assert.Contains("overflow: auto", page.Find("#gap-competencies").ParentElement!.GetAttribute("style"));

        OpenTab(page, "За підрозділами й сферами");
        page.WaitForAssertion(() => page.Find("#gap-heatmap"));
        Assert.All(page.FindAll("#gap-heatmap tbody td"), td => Assert.Contains("th-number", td.ClassList));
        Assert.All(page.FindAll("#gap-heatmap thead th"), th => Assert.Contains("position: sticky", th.GetAttribute("style")));
    }

    [Fact]
    public void Drilling_into_a_hromada_shows_its_organisations_and_extends_the_breadcrumb()
    {
        var page = Open(_s.Zhytomyr.Id);
        page.WaitForAssertion(() => page.Find("#gap-competencies"));
        OpenTab(page, "За підрозділами й сферами");
        var link = page.WaitForElement($"#gap-heatmap tr[data-row='{_s.ZhytomyrCity.Id}'] a");
        Assert.Equal(_s.ZhytomyrCity.DisplayName, link.TextContent.Trim());

        Navigation.NavigateTo(link.GetAttribute("href")!);

        page.WaitForAssertion(() => Assert.Equal(
            [_s.Zhytomyr.DisplayName, _s.ZhytomyrCity.DisplayName],
            page.FindAll("#gap-trail .mud-breadcrumb-item").Select(i => i.TextContent.Trim())));
        Assert.Equal($"competencies/gaps?version={_s.VersionId}&unit={_s.Zhytomyr.Id}", page.Find("#gap-trail a").GetAttribute("href"));
        Assert.Equal("Враховано людей: 2. Досягнуто 4 з 8 потрібних рівнів (50 %).", page.Find("#gap-summary").TextContent.Trim());
    }

    [Fact]
    public void The_people_tab_lists_people_with_gaps_most_first_linking_to_their_page()
    {
        var page = Open(_s.Zhytomyr.Id);
        page.WaitForAssertion(() => page.Find("#gap-competencies"));

        OpenTab(page, "Люди");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#gap-people tbody tr").Count));
        var petro = page.FindAll("#gap-people tbody tr")[0];
        Assert.Equal(["Петро Мельник", "3", "4"], petro.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Equal($"competencies/people/{_s.Petro.Id}", petro.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Ірина Коваль", page.FindAll("#gap-people tbody tr")[1].TextContent);
        Assert.DoesNotContain("Ольга Бойко", page.Find("#gap-people").TextContent);
    }

    [Fact]
    public async Task A_unit_where_nobody_has_requirements_says_so()
    {
        var empty = (await _s.Get<IOrganisationDirectory>().GetUnitsInAsync(UnitScope.Under([_s.Zhytomyr.Id])))
            .First(u => u.Type == UnitType.Hromada && u.Id != _s.ZhytomyrCity.Id && u.Id != _s.Korosten.Id);

        var page = Open(empty.Id);

        page.WaitForAssertion(() => Assert.Equal(
            $"У підрозділі «{empty.DisplayName}» немає активних працівників, чия посада має вимоги в цій рамці.", page.Find("#nobody").TextContent.Trim()));
        Assert.Empty(page.FindAll("#gap-competencies"));
        Assert.Equal([_s.Zhytomyr.DisplayName, empty.DisplayName], page.FindAll("#gap-trail .mud-breadcrumb-item").Select(i => i.TextContent.Trim()));
    }
}
