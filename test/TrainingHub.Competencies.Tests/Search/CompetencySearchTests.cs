using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Search;
using TrainingHub.Competencies.Services;
using TrainingHub.SharedKernel.Search;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Search;

/// <summary>The quick search's competencies: only those of published versions, by code or name, on both databases.</summary>
public abstract class CompetencySearchTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private Guid _framework;

    public async ValueTask InitializeAsync()
    {
        _host = await CompetenciesHost.StartAsync(server);
        _host.AsEditor();
        var catalogue = _host.Get<FrameworkCatalogue>();
        var tree = _host.Get<FrameworkTree>();
        _framework = await catalogue.CreateAsync("ICP", "Захист дітей", "Child protection");
        var first = (await catalogue.GetAsync(_framework)).Value;
        var area = await tree.AddAsync(first.VersionId, null, NodeKind.Area, "CP.1", "Оцінювання потреб", "Assessing needs");
        await tree.AddAsync(first.VersionId, area, NodeKind.Competency, "CP.1.1", "Оцінювання безпеки дитини", "Assessing a child's safety");
        Assert.True((await catalogue.PublishAsync(first.VersionId, (await catalogue.GetAsync(_framework)).Value.Version)).Succeeded);
        // The next version is still a draft: what is added there is not for everyone yet.
        Assert.True((await catalogue.StartDraftAsync(_framework)).Succeeded);
        await tree.AddAsync((await catalogue.GetAsync(_framework)).Value.VersionId, null, NodeKind.Competency, "CP.2", "Безпечне планування", "Safety planning");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<IReadOnlyList<SearchHit>> SearchAsync(string text) =>
        _host.Get<IEnumerable<ISearchSource>>().OfType<CompetencySearchSource>().Single().SearchAsync(text, QuickSearch.HitsPerKind, CancellationToken.None);

    [Fact]
    public async Task A_competency_of_the_published_version_is_found_by_code_or_by_name_in_either_language_and_in_any_case()
    {
        _host.AsViewer();

        var byCode = await SearchAsync("cp.1.1");
        var byUkrainian = await SearchAsync("БЕЗПЕКИ");
        var byEnglish = await SearchAsync("child's safety");

        var hit = Assert.Single(byCode);
        Assert.Equal(("Оцінювання безпеки дитини", "CP.1.1 · Захист дітей", $"competencies/frameworks/{_framework}?version=1"), (hit.Title, hit.Detail, hit.Href));
        Assert.Equal([hit.Href], byUkrainian.Select(h => h.Href));
        Assert.Equal([hit.Href], byEnglish.Select(h => h.Href));
    }

    [Fact]
    public async Task Areas_competencies_only_in_a_draft_and_text_too_short_are_not_found()
    {
        _host.AsEditor();

        Assert.Empty(await SearchAsync("Оцінювання потреб"));
        Assert.Empty(await SearchAsync("планування"));
        Assert.Empty(await SearchAsync("C"));
    }

    [Fact]
    public async Task Someone_who_may_not_read_frameworks_finds_nothing()
    {
        _host.User.Holding(new PermissionGrant("Learning.Courses.View", null));

        Assert.Empty(await SearchAsync("CP.1.1"));
    }
}

public sealed class CompetencySearchOnSqlite(SqliteServer server) : CompetencySearchTests(server), IClassFixture<SqliteServer>;

public sealed class CompetencySearchOnPostgreSql(PostgreSqlServer server) : CompetencySearchTests(server), IClassFixture<PostgreSqlServer>;
