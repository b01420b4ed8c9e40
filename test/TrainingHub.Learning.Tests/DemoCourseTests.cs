using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Learning.DemoData;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>The demo courses, loaded with demo data on over the test world, run against real SQLite and real PostgreSQL.</summary>
public abstract class DemoCourseTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string FirstAid = "Перша психологічна допомога: основи";

    private static readonly (string Uk, string En, string[] Codes)[] Pairs =
    [
        (FirstAid, "Psychological first aid: the basics", ["CP.5.1"]),
        ("Насильство і нехтування потребами дитини: як розпізнати й діяти", "Child abuse and neglect: recognising and responding", ["CP.4.1", "CP.4.3"]),
        ("Сімейні форми виховання і план влаштування дитини", "Family-based care and placement plans", ["CP.3.2", "CP.3.3"]),
    ];

    private readonly LearningWorld _world = new();
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await LearningHost.StartAsync(server, _world, replace: services =>
    {
        services.AddSingleton<IOrganisationDirectory>(new ZhytomyrByKatottg(_world.Units));
        services.AddSingleton<ICompetencyOptions>(new DemoFramework());
    });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>Runs the module's demo data as the app does with <c>DemoData:Enabled</c>, over the oblast, framework and people the other modules would give.</summary>
    private Task LoadDemoDataAsync()
    {
        var enabled = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" }).Build();
        return ActivatorUtilities.CreateInstance<LearningDemoData>(_host.Services, enabled, new DemoPeople(_host.User.Id)).InitialiseAsync(CancellationToken.None);
    }

    private async Task<IReadOnlyList<CourseSummary>> CoordinatorSeesAsync()
    {
        _host.AsCoordinatorOf(_world.Units.Zhytomyr.Id);
        return (await _host.Get<CourseCatalogue>().SearchAsync(null, null, null, new PageRequest(0, 50))).Value.Items;
    }

    [Fact]
    public async Task Zhytomyr_Oblast_offers_three_published_open_pairs_with_lessons_a_publishable_quiz_and_their_competencies()
    {
        await LoadDemoDataAsync();

        var listed = await CoordinatorSeesAsync();
        Assert.Equal(6, listed.Count);
        var catalogue = _host.Get<CourseCatalogue>();
        foreach (var (uk, en, codes) in Pairs)
        {
            var ukrainian = (await catalogue.GetAsync(Assert.Single(listed, c => c.Title == uk).Id)).Value;
            var english = (await catalogue.GetAsync(Assert.Single(listed, c => c.Title == en).Id)).Value;
            Assert.Equal((CourseLanguage.Uk, english.Id), (ukrainian.Language, ukrainian.Translation?.Id));
            Assert.Equal((CourseLanguage.En, ukrainian.Id), (english.Language, english.Translation?.Id));
            foreach (var course in new[] { ukrainian, english })
            {
                Assert.Equal((CourseStatus.Published, true, _world.Units.Zhytomyr.Id), (course.Status, course.OpenForSelfEnrolment, course.OwningUnitId));
                var lessons = course.LessonsInOrder.ToList();
                Assert.InRange(lessons.Count(l => l.Kind == LessonKind.Markdown), 3, 4);
                Assert.Equal(LessonKind.Quiz, lessons[^1].Kind);
                var questions = (await _host.Get<QuestionBank>().ListAsync(course.Id)).Value;
                Assert.InRange(questions.Count, 4, 5);
                Assert.All(questions, q => Assert.Null(q.Problem));
                Assert.Equal(Enum.GetValues<QuestionKind>(), questions.Select(q => q.Kind).Distinct().Order());
                var mapped = (await _host.Get<CourseCompetencies>().ListAsync(course.Id)).Value;
                Assert.Equal(codes, mapped.Select(m => m.Competency?.Code));
                Assert.All(mapped, m => Assert.Equal("Aware", m.Competency!.Levels.Single(l => l.Rank == m.LevelRank).NameEn));
                // The publish rules hold: taken back to draft, the course is published again as it is.
                Assert.True((await catalogue.UnpublishAsync(course.Id, course.Version)).Succeeded);
                var published = await catalogue.PublishAsync(course.Id, (await catalogue.GetAsync(course.Id)).Value.Version);
                Assert.True(published.Succeeded, published.Error?.ToString());
            }
        }
    }

    [Fact]
    public async Task The_hromadas_learner_finds_first_aid_in_my_learning_due_in_thirty_days_and_is_reminded()
    {
        await LoadDemoDataAsync();

        _host.AsLearner();
        var course = Assert.Single(await _host.Get<MyLearning>().ListAsync());
        Assert.Equal((FirstAid, Standing.InProgress, 0), (course.Title, course.Standing, course.ProgressPercent));
        Assert.Equal(_world.Clock.GetUtcNow().AddDays(30), course.DueAt);
        Assert.Contains(_world.Reminders.Planned.Values, p => p.PersonId == _host.User.Id && p.Thing == EnrolmentReminders.Thing(course.EnrolmentId));
    }

    [Fact]
    public async Task Nothing_is_loaded_without_the_setting_and_loading_again_adds_nothing()
    {
        Assert.Empty(await CoordinatorSeesAsync());

        await LoadDemoDataAsync();
        await LoadDemoDataAsync();

        Assert.Equal(6, (await CoordinatorSeesAsync()).Count);
        _host.AsLearner();
        Assert.Single(await _host.Get<MyLearning>().ListAsync());
    }

    /// <summary>The organisations module finds Zhytomyr Oblast by its KATOTTG code, as the demo data asks for it.</summary>
    private sealed class ZhytomyrByKatottg(Units units) : IOrganisationDirectory
    {
        public Task<OrganisationUnitSummary?> FindByKatottgAsync(string katottgCode, CancellationToken cancellationToken = default) =>
            Task.FromResult(katottgCode == LearningDemoData.ZhytomyrOblastKatottg ? units.Zhytomyr : null);

        public Task<OrganisationUnitSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default) => units.FindAsync(id, cancellationToken);

        public Task<IReadOnlyList<OrganisationUnitSummary>> GetUnitsInAsync(UnitScope scope, CancellationToken cancellationToken = default) =>
            units.GetUnitsInAsync(scope, cancellationToken);

        public Task<IReadOnlyList<OrganisationUnitSummary>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default) =>
            units.FindManyAsync(ids, cancellationToken);

        public Task<OrganisationUnitSummary?> FindChildAsync(Guid parentId, string name, CancellationToken cancellationToken = default) =>
            units.FindChildAsync(parentId, name, cancellationToken);
    }

    /// <summary>The published demo framework as the competencies module lists it: the competencies the courses map to, and one they do not.</summary>
    private sealed class DemoFramework : ICompetencyOptions
    {
        private static readonly CompetencyLevelOption[] Levels =
        [
            new(0, "Ще не опановано", "Not yet"), new(1, "Обізнаність", "Aware"), new(2, "Під супервізією", "With supervision"),
            new(3, "Самостійно", "Independent"), new(4, "Може навчати інших", "Can guide others"),
        ];

        private readonly IReadOnlyList<CompetencyOption> _competencies = new[] { "CP.1.1", "CP.3.2", "CP.3.3", "CP.4.1", "CP.4.3", "CP.5.1" }
            .Select(code => new CompetencyOption(Guid.NewGuid(), LearningDemoData.FrameworkCode, code, code, code, Levels)).ToList();

        public Task<IReadOnlyList<CompetencyOption>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(_competencies);
    }

    /// <summary>The demo learner (the signed-in test user) and the coordinator who enrols them, as the accounts module finds them.</summary>
    private sealed class DemoPeople(Guid learnerId) : IPeopleLookup
    {
        private readonly PersonContact[] _people =
        [
            new(learnerId, "Оксана Волонтерка", "learner@traininghub.example", "uk-UA", true),
            new(Guid.NewGuid(), "Ігор Координатор", "coordinator@traininghub.example", "uk-UA", true),
        ];

        public Task<PersonContact?> FindAsync(Guid personId, CancellationToken cancellationToken = default) =>
            Task.FromResult(_people.FirstOrDefault(p => p.Id == personId));

        public Task<PersonContact?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
            Task.FromResult(_people.FirstOrDefault(p => p.Email == email));

        public Task<IReadOnlyList<PersonContact>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PersonContact>>([.. _people.Where(p => personIds.Contains(p.Id))]);
    }
}

public sealed class DemoCoursesOnSqlite(SqliteServer server) : DemoCourseTests(server), IClassFixture<SqliteServer>;

public sealed class DemoCoursesOnPostgreSql(PostgreSqlServer server) : DemoCourseTests(server), IClassFixture<PostgreSqlServer>;
