using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Home;
using TrainingHub.Competencies.Services;
using TrainingHub.Competencies.Tests.Gaps;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Home;

/// <summary>
/// The coordinators' home part over the gap scenario, read from the figures counted ahead, in Ukrainian. The demo
/// framework is archived, so the scenario's is the one published: in Zhytomyr Oblast only the volunteer meets her whole
/// profile; in Lviv Oblast its one social worker meets everything.
/// </summary>
public sealed class CompetencyCoveragePartTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private GapScenario _s = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _s = await GapScenario.StartAsync(_server);
        await using (var db = await _s.Get<IDbContextFactory<CompetenciesDbContext>>().CreateDbContextAsync())
        {
            var demo = await db.Frameworks.Where(f => f.NormalizedCode == CompetencyGaps.PreferredFrameworkCode).Select(f => f.Id).SingleAsync();
            await db.FrameworkVersions.Where(v => v.FrameworkId == demo).ExecuteUpdateAsync(v => v.SetProperty(x => x.Status, FrameworkStatus.Archived));
        }
        await _s.Get<FigureTallies>().RefreshAsync(CancellationToken.None);
        _pages = new PageRenderer(_s.Host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _s.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IRenderedComponent<CompetencyCoveragePart> Render()
    {
        var part = _pages.Render<CompetencyCoveragePart>();
        part.WaitForAssertion(() => Assert.Empty(part.FindAll(".mud-progress-linear-indeterminate")));
        return part;
    }

    [Fact]
    public void A_coordinator_sees_the_share_meeting_their_profile_and_the_largest_shortfalls_linking_to_the_gap_page()
    {
        _s.ActAsGapViewerAt(_s.Zhytomyr.Id);

        var part = Render();

        Assert.Equal("Покриття компетентностей", part.Find("h3").TextContent.Trim());
        Assert.Equal("Рахуємо за рамкою «Захист дітей», версія 1", part.Find("#coverage-version").TextContent.Trim());
        var oblast = part.Find($".th-coverage[data-unit='{_s.Zhytomyr.Id}']");
        Assert.Equal(_s.Zhytomyr.DisplayName, oblast.QuerySelector("h4")!.TextContent.Trim());
        Assert.Equal("33 % працівників відповідають усьому профілю своєї посади (1 з 3)", Normalise(oblast.QuerySelector(".th-coverage-share")!.TextContent));
        var shortfalls = oblast.QuerySelectorAll(".th-coverage-shortfalls li").ToList();
        Assert.Equal(["L2", "L3.1", "P1"], shortfalls.Select(s => s.GetAttribute("data-code")));
        Assert.Equal("L2 Повідомлення про насильство", Normalise(shortfalls[0].QuerySelector("a")!.TextContent));
        Assert.Equal("2 з 2 нижче потрібного рівня", shortfalls[0].QuerySelector(".th-coverage-short")!.TextContent.Trim());
        Assert.All(shortfalls, s => Assert.Equal($"competencies/gaps?version={_s.VersionId}&unit={_s.Zhytomyr.Id}", s.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal("competencies/gaps", part.Find("#home-competency-coverage-all").GetAttribute("href"));
    }

    [Fact]
    public void A_coordinator_of_one_oblast_never_sees_another_oblasts_figures()
    {
        var lviv = _s.LvivHromada.ParentId!.Value;

        _s.ActAsGapViewerAt(lviv);
        var inLviv = Render();
        Assert.Equal([lviv.ToString()], inLviv.FindAll(".th-coverage").Select(c => c.GetAttribute("data-unit")));
        Assert.Equal("100 % працівників відповідають усьому профілю своєї посади (1 з 1)", Normalise(inLviv.Find(".th-coverage-share").TextContent));
        Assert.Equal("Усі враховані тут мають усі потрібні рівні.", inLviv.Find(".th-coverage .mud-text-secondary").TextContent.Trim());
        Assert.DoesNotContain(_s.Zhytomyr.DisplayName, inLviv.Markup);

        _s.ActAsGapViewerAt(_s.Zhytomyr.Id);
        var inZhytomyr = Render();
        Assert.Equal([_s.Zhytomyr.Id.ToString()], inZhytomyr.FindAll(".th-coverage").Select(c => c.GetAttribute("data-unit")));
        Assert.DoesNotContain("(1 з 1)", inZhytomyr.Markup);
    }

    [Fact]
    public async Task An_area_where_nobody_has_a_profile_says_where_profiles_are_set()
    {
        // A hromada coordinator: a hromada's figures are counted on the request, as small enough.
        var hromada = (await _s.Get<IOrganisationDirectory>().GetUnitsInAsync(UnitScope.Under([_s.Zhytomyr.Id])))
            .First(u => u.Type == UnitType.Hromada && u.Id != _s.ZhytomyrCity.Id && u.Id != _s.Korosten.Id);
        _s.ActAsGapViewerAt(hromada.Id);

        var part = Render();

        Assert.Empty(part.FindAll(".th-coverage"));
        Assert.StartsWith("Ще ні в кого у вашій зоні посада не має вимог у рамці «Захист дітей».", part.Find(".th-coverage-empty").TextContent.Trim());
        Assert.Equal("competencies/frameworks", part.Find(".th-coverage-empty a").GetAttribute("href"));
    }

    [Fact]
    public async Task Without_a_published_framework_the_part_says_there_is_nothing_to_count_against()
    {
        await using var server = new SqliteServer();
        await using var host = await CompetenciesHost.StartAsync(server);
        host.User.Holding(new PermissionGrant(CompetencyPermissions.GapsView, Guid.NewGuid()));
        await using var pages = new PageRenderer(host);

        var part = pages.Render<CompetencyCoveragePart>();

        part.WaitForAssertion(() => Assert.StartsWith("Жодної рамки компетентностей ще не опубліковано", part.Find(".th-coverage-empty").TextContent.Trim()));
    }

    [Fact]
    public void The_part_is_offered_to_those_who_see_gaps_among_the_areas_they_plan_for()
    {
        var part = Assert.Single(new CompetenciesModule().HomeParts);

        Assert.Equal((typeof(CompetencyCoveragePart), HomeSection.Area, CompetencyPermissions.GapsView), (part.Component, part.Section, part.Permission));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
