using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests;

/// <summary>Frameworks, their versions, trees and scales, run against real SQLite and real PostgreSQL.</summary>
public abstract class FrameworkTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private FrameworkCatalogue _catalogue = null!;
    private FrameworkTree _tree = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await CompetenciesHost.StartAsync(server);
        _host.AsEditor();
        _catalogue = _host.Get<FrameworkCatalogue>();
        _tree = _host.Get<FrameworkTree>();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<FrameworkDetails> OpenAsync(Guid frameworkId, int? number = null) => (await _catalogue.GetAsync(frameworkId, number)).Value;

    [Fact]
    public async Task A_new_framework_is_a_first_draft_with_the_default_scale_and_its_code_is_unique()
    {
        var id = await _catalogue.CreateAsync("ICP", "Інклюзивний захист дітей", "Inclusive child protection");

        var twin = await _catalogue.CreateAsync(new NewFrameworkInput { Code = " icp ", Texts = new FrameworkTexts { Name = "Інша" } });
        var framework = await OpenAsync(id);

        Assert.Equal("Error:FrameworkCodeTaken", twin.Error!.ErrorFor("Code"));
        Assert.Equal((1, FrameworkStatus.Draft), (framework.Number, framework.Status));
        Assert.Equal("Inclusive child protection", framework.Texts.NameEn);
        Assert.Equal(5, framework.Scale.Count);
        Assert.Equal("Independent", framework.Scale.Single(l => l.IsThreshold).NameEn);
    }

    [Fact]
    public async Task Nodes_keep_their_order_codes_are_unique_within_a_version_and_moves_that_make_cycles_are_refused()
    {
        var id = await _catalogue.CreateAsync("ICP", "Захист дітей");
        var versionId = (await OpenAsync(id)).VersionId;
        var law = await _tree.AddAsync(versionId, null, NodeKind.Area, "A1", "Законодавство");
        var rights = await _tree.AddAsync(versionId, law, NodeKind.Competency, "A1.1", "Права дитини");
        var services = await _tree.AddAsync(versionId, law, NodeKind.Competency, "A1.2", "Соціальні послуги");
        var sub = await _tree.AddAsync(versionId, null, NodeKind.Area, "A2", "Оцінювання потреб");

        var duplicate = await _tree.AddAsync(versionId, sub, new NodeInput { Code = "a1.1", Name = "Повтор" });
        var nodes = (await OpenAsync(id)).Nodes;
        var cycle = await _tree.MoveAsync(law, rights, null, nodes.Single(n => n.Id == law).Version);
        var up = await _tree.ShiftAsync(services, -1, nodes.Single(n => n.Id == services).Version);

        Assert.Equal("Error:NodeCodeTaken", duplicate.Error!.ErrorFor("Code"));
        Assert.Equal("Error:MoveUnderItself", cycle.Error!.ErrorFor("ParentId"));
        Assert.True(up.Succeeded);
        var after = (await OpenAsync(id)).Nodes;
        Assert.Equal(["A1.2", "A1.1"], after.Where(n => n.ParentId == law).OrderBy(n => n.Order).Select(n => n.Code));
        Assert.Equal(["A1", "A2"], after.Where(n => n.ParentId is null).OrderBy(n => n.Order).Select(n => n.Code));
    }

    [Fact]
    public async Task Deleting_an_area_deletes_everything_under_it_and_the_references_to_it()
    {
        var id = await _catalogue.CreateAsync("ICP", "Захист дітей");
        var versionId = (await OpenAsync(id)).VersionId;
        var area = await _tree.AddAsync(versionId, null, NodeKind.Area, "A1", "Законодавство");
        var inside = await _tree.AddAsync(versionId, area, NodeKind.Competency, "A1.1", "Права дитини");
        var outside = await _tree.AddAsync(versionId, null, NodeKind.Competency, "B1", "Кризове втручання");
        var outsideView = (await OpenAsync(id)).Nodes.Single(n => n.Id == outside);
        var linked = NodeInput.From(outsideView);
        linked.RelatedIds = [inside];
        Assert.True((await _tree.UpdateAsync(outside, linked, outsideView.Version)).Succeeded);

        var deleted = await _tree.DeleteAsync(area, (await OpenAsync(id)).Nodes.Single(n => n.Id == area).Version);

        Assert.True(deleted.Succeeded);
        var left = (await OpenAsync(id)).Nodes.Single();
        Assert.Equal(("B1", 0), (left.Code, left.Order));
        Assert.Empty(left.RelatedIds);
    }

    [Fact]
    public async Task Publishing_freezes_a_version_and_a_new_draft_copies_it_with_new_ids_while_the_old_one_stays()
    {
        var id = await _catalogue.CreateAsync("ICP", "Захист дітей");
        var first = await OpenAsync(id);
        var empty = await _catalogue.PublishAsync(first.VersionId, first.Version);
        var area = await _tree.AddAsync(first.VersionId, null, NodeKind.Area, "A1", "Законодавство");
        var competency = await _tree.AddAsync(first.VersionId, area, NodeKind.Competency, "A1.1", "Права дитини", "Child rights");

        Assert.Equal("Error:NothingToPublish", empty.Error!.Key);
        Assert.True((await _catalogue.PublishAsync(first.VersionId, (await OpenAsync(id)).Version)).Succeeded);
        var published = await OpenAsync(id);
        var frozen = await _tree.AddAsync(first.VersionId, null, new NodeInput { Code = "X", Name = "Пізно" });
        Assert.Equal(FrameworkStatus.Published, published.Status);
        Assert.Equal("Error:VersionNotDraft", frozen.Error!.Key);

        var draftNumber = (await _catalogue.StartDraftAsync(id)).Value;
        var again = (await _catalogue.StartDraftAsync(id)).Value;
        var draft = await OpenAsync(id, draftNumber);
        Assert.Equal((2, 2, FrameworkStatus.Draft), (draftNumber, again, draft.Status));
        Assert.Equal(["A1", "A1.1"], draft.Nodes.Select(n => n.Code).Order());
        Assert.DoesNotContain(draft.Nodes, n => n.Id == competency || n.Id == area);
        Assert.Equal(draft.Nodes.Single(n => n.Code == "A1").Id, draft.Nodes.Single(n => n.Code == "A1.1").ParentId);
        Assert.Equal(published.Scale.Select(l => l.Name), draft.Scale.Select(l => l.Name));

        var copy = draft.Nodes.Single(n => n.Code == "A1.1");
        var renamed = NodeInput.From(copy);
        renamed.NameEn = "Rights of the child";
        Assert.True((await _tree.UpdateAsync(copy.Id, renamed, copy.Version)).Succeeded);
        Assert.True((await _catalogue.PublishAsync(draft.VersionId, draft.Version)).Succeeded);

        var versions = (await OpenAsync(id)).Versions;
        Assert.Equal([(2, FrameworkStatus.Published), (1, FrameworkStatus.Archived)], versions.Select(v => (v.Number, v.Status)));
        Assert.Equal("Child rights", (await OpenAsync(id, 1)).Nodes.Single(n => n.Id == competency).NameEn);
        Assert.Equal("Rights of the child", (await OpenAsync(id)).Nodes.Single(n => n.Code == "A1.1").NameEn);
    }

    [Fact]
    public async Task A_scale_is_saved_with_exactly_one_threshold()
    {
        var id = await _catalogue.CreateAsync("ICP", "Захист дітей");
        var framework = await OpenAsync(id);
        List<LevelInput> twoThresholds = [new() { Name = "Ні", IsThreshold = true }, new() { Name = "Так", IsThreshold = true }];
        List<LevelInput> yesNo = [new() { Name = "Ні", NameEn = "No" }, new() { Name = "Так", NameEn = "Yes", IsThreshold = true }];

        var refused = await _catalogue.SaveScaleAsync(framework.VersionId, twoThresholds, framework.Version);
        var saved = await _catalogue.SaveScaleAsync(framework.VersionId, yesNo, framework.Version);

        Assert.Equal("Error:ScaleOneThreshold", refused.Error!.ErrorFor("Levels"));
        Assert.True(saved.Succeeded);
        Assert.Equal(["No", "Yes"], (await OpenAsync(id)).Scale.Select(l => l.NameEn));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_as_changed_by_someone_else_and_the_first_edit_stays()
    {
        var id = await _catalogue.CreateAsync("ICP", "Захист дітей");
        var framework = await OpenAsync(id);
        var node = await _tree.AddAsync(framework.VersionId, null, NodeKind.Competency, "C1", "Перша допомога");
        var opened = (await OpenAsync(id)).Nodes.Single();
        var first = NodeInput.From(opened);
        first.Name = "Психологічна перша допомога";
        var second = NodeInput.From(opened);
        second.Name = "Щось інше";

        Assert.True((await _tree.UpdateAsync(node, first, opened.Version)).Succeeded);
        var stale = await _tree.UpdateAsync(node, second, opened.Version);
        Assert.True((await _catalogue.UpdateTextsAsync(framework.VersionId, new FrameworkTexts { Name = "Нова назва" }, framework.Version)).Succeeded);
        var staleTexts = await _catalogue.UpdateTextsAsync(framework.VersionId, new FrameworkTexts { Name = "Стара" }, framework.Version);

        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, staleTexts.Error!.Kind);
        var now = await OpenAsync(id);
        Assert.Equal("Психологічна перша допомога", now.Nodes.Single().Name);
        Assert.Equal("Нова назва", now.Texts.Name);
    }

    [Fact]
    public async Task People_who_may_only_view_see_published_versions_but_no_drafts_and_change_nothing()
    {
        var published = await _catalogue.CreateAsync("PUB", "Опублікована");
        var version = await OpenAsync(published);
        await _tree.AddAsync(version.VersionId, null, NodeKind.Competency, "C1", "Компетентність");
        Assert.True((await _catalogue.PublishAsync(version.VersionId, version.Version)).Succeeded);
        await _catalogue.StartDraftAsync(published);
        var draftOnly = await _catalogue.CreateAsync("DRAFT", "Чернетка");
        _host.AsViewer();

        var list = (await _catalogue.SearchAsync(null, null, new PageRequest())).Value;
        var opened = await OpenAsync(published);
        var hidden = await _catalogue.GetAsync(draftOnly);
        var create = await _catalogue.CreateAsync(new NewFrameworkInput { Code = "NEW", Texts = new FrameworkTexts { Name = "Нова" } });

        Assert.Equal(["PUB"], list.Items.Select(f => f.Code));
        Assert.Equal((1, FrameworkStatus.Published, false), (opened.Number, opened.Status, opened.IsEditable));
        Assert.Equal([1], opened.Versions.Select(v => v.Number));
        Assert.Equal(ErrorKind.NotFound, hidden.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, create.Error!.Kind);
    }

    [Fact]
    public async Task The_list_searches_codes_and_names_in_both_languages_and_filters_by_status()
    {
        await _catalogue.CreateAsync("ICP", "Захист дітей", "Child protection");
        await _catalogue.CreateAsync("SUP", "Супервізія", "Supervision");

        var byEnglish = (await _catalogue.SearchAsync("supervis", null, new PageRequest())).Value;
        var byCode = (await _catalogue.SearchAsync("icp", null, new PageRequest())).Value;
        var published = (await _catalogue.SearchAsync(null, FrameworkStatus.Published, new PageRequest())).Value;

        Assert.Equal(["SUP"], byEnglish.Items.Select(f => f.Code));
        Assert.Equal(["ICP"], byCode.Items.Select(f => f.Code));
        Assert.Equal(0, published.TotalCount);
    }
}

public sealed class FrameworksOnSqlite(SqliteServer server) : FrameworkTests(server), IClassFixture<SqliteServer>;

public sealed class FrameworksOnPostgreSql(PostgreSqlServer server) : FrameworkTests(server), IClassFixture<PostgreSqlServer>;
