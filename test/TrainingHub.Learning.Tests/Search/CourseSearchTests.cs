using System.Globalization;
using TrainingHub.Learning.Search;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Search;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests.Search;

/// <summary>The quick search's courses: what the course list would show the reader, on both databases.</summary>
public abstract class CourseSearchTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly Units _units = new();
    private ModuleTestHost _host = null!;
    private Guid _published;
    private Guid _draft;

    public async ValueTask InitializeAsync()
    {
        _host = await LearningHost.StartAsync(server, _units);
        _host.AsAuthorOf(_units.Zhytomyr.Id);
        var catalogue = _host.Get<CourseCatalogue>();
        var outline = _host.Get<CourseOutline>();
        _published = await catalogue.CreateAsync("Перша психологічна допомога", _units.ZhytomyrCity.Id, open: true);
        await outline.NewLessonAsync(await outline.NewSectionAsync(_published, "Вступ"), "Перший урок", "Текст");
        Assert.True((await catalogue.PublishAsync(_published, (await catalogue.GetAsync(_published)).Value.Version)).Succeeded);
        _draft = await catalogue.CreateAsync("Психологічна підтримка батьків", _units.ZhytomyrCity.Id);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<IReadOnlyList<SearchHit>> SearchAsync(string text) =>
        _host.Get<IEnumerable<ISearchSource>>().OfType<CourseSearchSource>().Single().SearchAsync(text, QuickSearch.HitsPerKind, CancellationToken.None);

    [Fact]
    public async Task A_learner_finds_a_published_course_in_any_case_but_not_a_draft()
    {
        _host.AsLearner();

        var hits = await SearchAsync("ПСИХОЛОГІЧНА");

        var hit = Assert.Single(hits);
        Assert.Equal(("Перша психологічна допомога", "Житомирська міська громада", $"learning/courses/{_published}"), (hit.Title, hit.Detail, hit.Href));
    }

    [Fact]
    public async Task An_author_also_finds_the_drafts_of_their_units_marked_as_drafts()
    {
        _host.AsAuthorOf(_units.Zhytomyr.Id);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);

        var hits = await SearchAsync("психологічна");

        Assert.Equal(2, hits.Count);
        Assert.Contains(new SearchHit("Курс", "Психологічна підтримка батьків", "Чернетка · Житомирська міська громада", $"learning/courses/{_draft}"), hits);
        Assert.Contains(new SearchHit("Курс", "Перша психологічна допомога", "Житомирська міська громада", $"learning/courses/{_published}"), hits);
    }

    [Fact]
    public async Task An_author_of_another_oblast_does_not_find_the_draft_and_someone_without_courses_finds_nothing()
    {
        _host.AsAuthorOf(_units.Lviv.Id);
        var otherAuthor = await SearchAsync("психологічна");
        _host.User.Holding(new PermissionGrant("Organisations.Units.View", null));
        var noCourses = await SearchAsync("психологічна");

        Assert.Equal([$"learning/courses/{_published}"], otherAuthor.Select(h => h.Href));
        Assert.Empty(noCourses);
    }

    [Fact]
    public async Task One_letter_is_too_little_to_search()
    {
        _host.AsLearner();

        Assert.Empty(await SearchAsync("П"));
    }
}

public sealed class CourseSearchOnSqlite(SqliteServer server) : CourseSearchTests(server), IClassFixture<SqliteServer>;

public sealed class CourseSearchOnPostgreSql(PostgreSqlServer server) : CourseSearchTests(server), IClassFixture<PostgreSqlServer>;
