using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Pages;
using TrainingHub.Competencies.Services;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests;

/// <summary>The tree editor rendered with bUnit over the real services and a real SQLite database, in Ukrainian.</summary>
public sealed class TreeEditorPageTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private readonly BunitContext _context = new();
    private ModuleTestHost _host = null!;
    private FrameworkCatalogue _catalogue = null!;

    static TreeEditorPageTests()
    {
        // The whole suite shares two cores with databases and a browser; give renders time to settle.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    public async ValueTask InitializeAsync()
    {
        _host = await CompetenciesHost.StartAsync(_server);
        _host.AsEditor();
        var scope = _host.Services.CreateScope().ServiceProvider;
        _catalogue = scope.GetRequiredService<FrameworkCatalogue>();
        _context.Services.AddSingleton(_catalogue);
        _context.Services.AddSingleton(scope.GetRequiredService<FrameworkTree>());
        _context.Services.AddSingleton(scope.GetRequiredService<IAccessControl>());
        _context.Services.AddSingleton(_host.Services.GetRequiredService<IStringLocalizerFactory>());
        _context.Services.AddLocalization();
        _context.Services.AddMudServices();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>Renders the editor in Ukrainian (set here, in the test's own flow, so it reaches the renderer).</summary>
    private IRenderedComponent<FrameworkTreeEditor> RenderEditor(Guid frameworkId)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        return _context.Render<FrameworkTreeEditor>(p => p.Add(x => x.FrameworkId, frameworkId).Add(x => x.Number, 1));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_editor_adds_an_area_edits_it_in_both_languages_and_deletes_it_after_confirming()
    {
        var frameworkId = await _catalogue.CreateAsync("ICP", "Захист дітей");
        _context.Render<MudPopoverProvider>();
        var dialogs = _context.Render<MudDialogProvider>();
        var page = RenderEditor(frameworkId);
        page.WaitForAssertion(() => Assert.Contains("У рамці ще немає сфер і компетентностей.", page.Markup));

        page.Find("#add-area").Click();
        page.Find("#node-code").Change("A1");
        page.Find("#node-name-uk").Change("Права дитини");
        page.Find("#node-name-en").Change("Child rights");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("A1 · Права дитини", page.Find("#node-editor h2").TextContent));
        Assert.Contains("Права дитини", page.Find(".th-competency-tree").TextContent);
        page.Find("#node-name-uk").Change("Права та інтереси дитини");
        page.Find("#node-description-en").Change("The rights of the child and how services protect them.");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Права та інтереси дитини", page.Find(".th-competency-tree").TextContent));
        var saved = (await _catalogue.GetAsync(frameworkId)).Value.Nodes.Single();
        Assert.Equal(("Права та інтереси дитини", "Child rights", NodeKind.Area), (saved.Name, saved.NameEn, saved.Kind));
        Assert.Equal("The rights of the child and how services protect them.", saved.DescriptionEn);

        page.Find("#delete-node").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Видалити «Права та інтереси дитини»?", dialogs.Markup));
        Assert.Single((await _catalogue.GetAsync(frameworkId)).Value.Nodes);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Видалити").Click();

        page.WaitForAssertion(() => Assert.Contains("У рамці ще немає сфер і компетентностей.", page.Markup));
        Assert.Empty((await _catalogue.GetAsync(frameworkId)).Value.Nodes);
    }

    [Fact]
    public async Task A_code_already_used_in_the_version_is_shown_beside_the_field_and_search_narrows_the_tree()
    {
        var frameworkId = await _catalogue.CreateAsync("ICP", "Захист дітей");
        var versionId = (await _catalogue.GetAsync(frameworkId)).Value.VersionId;
        var tree = _host.Get<FrameworkTree>();
        var area = await tree.AddAsync(versionId, null, NodeKind.Area, "A1", "Законодавство");
        await tree.AddAsync(versionId, area, NodeKind.Competency, "A1.1", "Права дитини");
        await tree.AddAsync(versionId, null, NodeKind.Area, "B1", "Кризове втручання");
        _context.Render<MudPopoverProvider>();
        var page = RenderEditor(frameworkId);
        page.WaitForAssertion(() => Assert.Contains("Кризове втручання", page.Markup));

        page.Find("#add-competency").Click();
        page.Find("#node-code").Change("a1.1");
        page.Find("#node-name-uk").Change("Повтор");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Інша сфера чи компетентність цієї версії вже має цей код.", page.Markup));

        page.Find("#node-search").Input("права");

        page.WaitForAssertion(() => Assert.DoesNotContain("Кризове втручання", page.Find(".th-competency-tree").TextContent));
        Assert.Contains("Законодавство", page.Find(".th-competency-tree").TextContent);
        Assert.Single(page.FindAll(".th-tree-match"));
    }
}
