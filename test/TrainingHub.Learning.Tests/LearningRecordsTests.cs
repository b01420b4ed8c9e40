using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>Courses and completions as other modules (pathways) read them, run against real SQLite and real PostgreSQL.</summary>
public abstract class LearningRecordsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly LearningWorld _world = new();
    private ModuleTestHost _host = null!;
    private CourseCatalogue _catalogue = null!;
    private ILearningRecords _records = null!;

    private Units Units => _world.Units;

    public async ValueTask InitializeAsync()
    {
        _host = await LearningHost.StartAsync(server, _world);
        _host.AsCoordinatorOf(Units.Zhytomyr.Id);
        _catalogue = _host.Get<CourseCatalogue>();
        _records = _host.Get<ILearningRecords>();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<CourseDetails> OpenAsync(Guid courseId) => (await _catalogue.GetAsync(courseId)).Value;

    /// <summary>A published English course of 45 minutes linked to <paramref name="ukrainianId"/> as its translation.</summary>
    private async Task<Guid> PublishedTranslationAsync(string title, Guid ukrainianId)
    {
        var id = await _catalogue.CreateAsync(title, Units.Zhytomyr.Id, CourseLanguage.En);
        await _host.Get<CourseOutline>().NewLessonAsync(await _host.Get<CourseOutline>().NewSectionAsync(id, "Basics"), "Introduction", "Text");
        var course = await OpenAsync(id);
        var input = CourseInput.From(course);
        input.TranslationId = ukrainianId;
        input.DurationMinutes = 45;
        Assert.True((await _catalogue.UpdateAsync(id, input, course.Version)).Succeeded);
        Assert.True((await _catalogue.PublishAsync(id, (await OpenAsync(id)).Version)).Succeeded);
        return id;
    }

    private async Task<Guid> ArchivedAsync(string title)
    {
        var id = await _host.CreatePublishedAsync(title, Units.Zhytomyr.Id);
        Assert.True((await _catalogue.ArchiveAsync(id, (await OpenAsync(id)).Version)).Succeeded);
        return id;
    }

    /// <summary>Enrols the person in the course and has them finish its only lesson, signed in as themselves.</summary>
    private async Task CompleteAsync(Guid personId, Guid courseId)
    {
        var enrolments = _host.Get<Enrolments>();
        Assert.Equal(1, (await enrolments.EnrolAsync(courseId, new EnrolInput { Method = EnrolmentMethod.Individual, PersonIds = [personId] })).Value.Enrolled);
        var lesson = (await OpenAsync(courseId)).LessonsInOrder.Single().Id;
        _host.User.ActingAs(personId, new PermissionGrant(LearningPermissions.CoursesView, null));
        Assert.True((await _host.Get<LessonProgress>().MarkDoneAsync(courseId, lesson)).Succeeded);
        _host.AsCoordinatorOf(Units.Zhytomyr.Id);
    }

    [Fact]
    public async Task Finding_courses_leaves_out_drafts_and_unknown_ids_and_carries_the_translation_and_whether_the_course_is_archived()
    {
        var ukrainian = await _host.CreatePublishedAsync("Перша психологічна допомога", Units.Zhytomyr.Id);
        var english = await PublishedTranslationAsync("Psychological first aid", ukrainian);
        var draft = await _catalogue.CreateAsync("Чернетка курсу", Units.Zhytomyr.Id);
        var archived = await ArchivedAsync("Стара програма");

        var found = await _records.FindCoursesAsync([ukrainian, english, draft, archived, Guid.NewGuid()]);

        Assert.Equal(
            [
                new CourseReference(english, "Psychological first aid", ukrainian, 45, false),
                new CourseReference(ukrainian, "Перша психологічна допомога", english, null, false),
                new CourseReference(archived, "Стара програма", null, null, true),
            ],
            found.OrderBy(c => c.Title, StringComparer.Ordinal));
        Assert.Empty(await _records.FindCoursesAsync([]));
    }

    [Fact]
    public async Task Searching_finds_published_courses_by_any_case_of_their_title_in_title_order_and_no_more_than_asked()
    {
        await _host.CreatePublishedAsync("Психологічна підтримка дітей", Units.Zhytomyr.Id);
        await _host.CreatePublishedAsync("Робота з сім'єю", Units.Zhytomyr.Id);
        await _host.CreatePublishedAsync("Перша психологічна допомога", Units.Zhytomyr.Id);
        await _catalogue.CreateAsync("Психологічна чернетка", Units.Zhytomyr.Id);
        await ArchivedAsync("Психологічна стійкість");

        var byUpperCase = await _records.SearchCoursesAsync("ПСИХОЛОГІЧНА", 10);
        var firstOnly = await _records.SearchCoursesAsync(" психологічна ", 1);
        var everything = await _records.SearchCoursesAsync(null, 10);

        Assert.Equal(["Перша психологічна допомога", "Психологічна підтримка дітей"], byUpperCase.Select(c => c.Title));
        Assert.Equal(["Перша психологічна допомога"], firstOnly.Select(c => c.Title));
        Assert.Equal(["Перша психологічна допомога", "Психологічна підтримка дітей", "Робота з сім'єю"], everything.Select(c => c.Title));
        Assert.All(everything, c => Assert.False(c.Archived));
    }

    [Fact]
    public async Task Completions_give_the_latest_completion_of_each_course_newest_first_with_its_translation_and_competencies_and_leave_out_withdrawn_enrolments()
    {
        var person = _world.People.Add("Олена Ковальчук", Units.ZhytomyrCity.Id);
        var other = _world.People.Add("Андрій Мельник", Units.ZhytomyrCity.Id);
        var firstAid = await _host.CreatePublishedAsync("Перша психологічна допомога", Units.Zhytomyr.Id);
        var firstAidEnglish = await PublishedTranslationAsync("Psychological first aid", firstAid);
        var family = await _host.CreatePublishedAsync("Робота з сім'єю", Units.Zhytomyr.Id);
        var dropped = await _host.CreatePublishedAsync("Розпізнавання насильства", Units.Zhytomyr.Id);
        Assert.True((await _host.Get<CourseCompetencies>().SetAsync(firstAid, Competencies.FirstAid.LineageId, 1)).Succeeded);

        await CompleteAsync(person.Id, firstAid);
        _world.Clock.Advance(TimeSpan.FromDays(30));
        await CompleteAsync(person.Id, family);
        var familyCompletedAt = _world.Clock.GetUtcNow();
        await CompleteAsync(other.Id, dropped);
        _world.Clock.Advance(TimeSpan.FromDays(365));
        await CompleteAsync(person.Id, firstAid);
        var refresherCompletedAt = _world.Clock.GetUtcNow();
        var enrolments = _host.Get<Enrolments>();
        await enrolments.EnrolAsync(dropped, new EnrolInput { Method = EnrolmentMethod.Individual, PersonIds = [person.Id] });
        var row = (await enrolments.ListAsync(dropped, "Олена", new PageRequest())).Value.Items.Single();
        Assert.True((await enrolments.WithdrawAsync(row.Id, row.Version)).Succeeded);

        var completions = await _records.CompletionsAsync(person.Id);

        var mappings = Array.Empty<Guid>();
        Assert.Equal(
            [
                new CourseCompletion(firstAid, firstAidEnglish, "Перша психологічна допомога", null, refresherCompletedAt) { CompetencyLineageIds = mappings },
                new CourseCompletion(family, null, "Робота з сім'єю", null, familyCompletedAt) { CompetencyLineageIds = mappings },
            ],
            completions.Select(c => c with { CompetencyLineageIds = mappings }));
        Assert.Equal([[Competencies.FirstAid.LineageId], []], completions.Select(c => c.CompetencyLineageIds));
        Assert.Empty(await _records.CompletionsAsync(Guid.NewGuid()));
    }
}

public sealed class LearningRecordsOnSqlite(SqliteServer server) : LearningRecordsTests(server), IClassFixture<SqliteServer>;

public sealed class LearningRecordsOnPostgreSql(PostgreSqlServer server) : LearningRecordsTests(server), IClassFixture<PostgreSqlServer>;
