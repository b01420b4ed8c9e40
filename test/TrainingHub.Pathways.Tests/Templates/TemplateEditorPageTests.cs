using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Templates;

/// <summary>
/// The pathway pages as an editor and a reader see them: editing controls only with the permission; a requirement added
/// in the editor appears in the stage's tree once saved; a stage people are on stays, with the reason on the page; what
/// renewing a stage's certificate asks is shown with a course that went flagged, and the stage dialog explains the rule.
/// </summary>
public sealed class TemplateEditorPageTests(SqliteServer server) : IAsyncLifetime, IClassFixture<SqliteServer>
{
    private PathwayScenario _scenario = null!;

    private ModuleTestHost Host => _scenario.Host;

    public async ValueTask InitializeAsync() => _scenario = await PathwayScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private void AsReader() => Host.User.Holding(new PermissionGrant(PathwaysPermissions.TemplatesView, null));

    private void AsEditor() =>
        Host.User.Holding(new PermissionGrant(PathwaysPermissions.TemplatesView, null), new PermissionGrant(PathwaysPermissions.TemplatesEdit, null));

    [Fact]
    public async Task Only_an_editor_sees_the_controls_to_create_and_change_pathways()
    {
        AsReader();
        await using var reader = new PageRenderer(Host) { Culture = Cultures.English };
        var read = reader.Render<TemplatePage>(p => p.Add(x => x.Code, PathwayScenario.Pathway));
        var readList = reader.Render<TemplatesPage>();
        read.WaitForAssertion(() => Assert.Equal(5, read.FindAll(".th-stage").Count));
        readList.WaitForAssertion(() => Assert.NotEmpty(readList.FindAll(".th-template")));

        AsEditor();
        await using var editor = new PageRenderer(Host) { Culture = Cultures.English };
        var edit = editor.Render<TemplatePage>(p => p.Add(x => x.Code, PathwayScenario.Pathway));
        var editList = editor.Render<TemplatesPage>();
        edit.WaitForAssertion(() => Assert.Equal(5, edit.FindAll(".th-stage").Count));
        editList.WaitForAssertion(() => Assert.NotEmpty(editList.FindAll(".th-template")));

        Assert.Empty(read.FindAll("#stage-add, #template-rename, .th-stage-actions"));
        Assert.Empty(readList.FindAll("#template-new"));
        Assert.Equal(5, edit.FindAll(".th-stage-actions").Count);
        Assert.Single(edit.FindAll("#stage-add"));
        Assert.Single(editList.FindAll("#template-new"));
    }

    [Fact]
    public async Task A_requirement_added_in_the_editor_appears_in_the_stage_tree_once_saved_and_an_empty_group_is_explained()
    {
        AsEditor();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };
        var providers = pages.RenderProviders();
        var page = pages.Render<TemplatePage>(p => p.Add(x => x.Code, PathwayScenario.Pathway));
        page.WaitForAssertion(() => Assert.Contains("Where a person starts", page.Find(".th-stage[data-position='1']").TextContent));

        await page.InvokeAsync(() => page.Find("#stage-1-requirements").Click());
        page.WaitForAssertion(() => Assert.Contains("Nothing is asked", page.Find("#requirements-editor").TextContent));
        void AddToRoot(string kind)
        {
            page.InvokeAsync(() => page.Find("#req-root-add button").Click()).GetAwaiter().GetResult();
            // Clicked only once the menu is open and settled, and the next one opened only once this one has closed:
            // an item found while the menu still renders may lose its handler before it is clicked.
            providers.Popovers.WaitForAssertion(() => Assert.Single(providers.Popovers.FindAll(".mud-popover-open .mud-menu-item"), i => i.TextContent.Trim() == kind));
            providers.Popovers.FindAll(".mud-popover-open .mud-menu-item").Single(i => i.TextContent.Trim() == kind).Click();
            providers.Popovers.WaitForAssertion(() => Assert.Empty(providers.Popovers.FindAll(".mud-popover-open .mud-menu-item")));
        }
        AddToRoot("Supervision sessions");
        AddToRoot("Group: any one of");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#requirements-editor li[data-kind='anyOf']")));
        await page.InvokeAsync(() => page.Find("#requirements-save").Click());
        page.WaitForAssertion(() => Assert.Contains("Add at least one requirement to this group", page.Find("#requirements-editor li[data-path='1']").TextContent));
        await page.InvokeAsync(() => page.Find("#req-1-remove").Click());
        await page.InvokeAsync(() => page.Find("#requirements-save").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#requirements-editor")));
        var stage = page.Find(".th-stage[data-position='1']");
        Assert.Contains("At least 1 supervision sessions held and signed", stage.QuerySelector(".th-requirement[data-kind='SupervisionSessions']")!.TextContent);
    }

    [Fact]
    public async Task Removing_a_stage_asks_first_and_one_people_are_on_stays_with_the_reason_shown()
    {
        AsEditor();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };
        var providers = pages.RenderProviders();
        var page = pages.Render<TemplatePage>(p => p.Add(x => x.Code, PathwayScenario.Pathway));
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".th-stage").Count));

        await page.InvokeAsync(() => page.Find("#stage-2-remove").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Trained volunteer", providers.Dialogs.Markup));
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click());

        page.WaitForAssertion(() => Assert.Contains("People are on this stage (1)", page.Find(".th-stage[data-position='2'] .th-stage-error").TextContent));
        Assert.Equal(5, page.FindAll(".th-stage").Count);
    }

    [Fact]
    public async Task A_renewal_naming_a_course_that_went_is_flagged_on_the_page_and_in_the_dialog_which_states_the_rule_and_checks_the_hours()
    {
        await using (var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext())
        {
            await db.Stages.Where(s => s.Position == 3).ExecuteUpdateAsync(s => s.SetProperty(x => x.RenewalCpdHours, 20m).SetProperty(x => x.RenewalCourseId, Guid.NewGuid()));
        }
        AsEditor();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };
        var providers = pages.RenderProviders();
        var page = pages.Render<TemplatePage>(p => p.Add(x => x.Code, PathwayScenario.Pathway));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".th-stage[data-position='3'] .th-stage-renewal")));

        Assert.Contains(
            "renewal asks for 20 hours of professional development or a refresher course that no longer exists (choose another) (either suffices)",
            page.Find(".th-stage[data-position='3'] .th-stage-renewal").TextContent);
        Assert.Empty(page.FindAll(".th-stage[data-position='2'] .th-stage-renewal"));
        await page.InvokeAsync(() => page.Find("#stage-3-edit").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#stage-renewal-course")));
        Assert.Contains("If both are set, either one suffices.", providers.Dialogs.Find("#stage-renewal-rule").TextContent);
        Assert.Contains("no longer exists: choose another or remove it", providers.Dialogs.Find("#stage-renewal-course").TextContent);
        providers.Dialogs.Find("input#stage-renewal-hours").Change("0");
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.Find("#stage-save").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("More than 0 and at most 1000 hours, or leave it empty.", providers.Dialogs.Markup));
    }
}
