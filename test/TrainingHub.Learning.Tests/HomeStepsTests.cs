using System.Globalization;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>The learner's next steps on the home page, from their enrolments, run against real SQLite and real PostgreSQL.</summary>
public abstract class HomeStepsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly LearningWorld _world = new();
    private ModuleTestHost _host = null!;

    private Units Units => _world.Units;

    public async ValueTask InitializeAsync()
    {
        _host = await LearningHost.StartAsync(server, _world);
        _host.AsCoordinatorOf(Units.Zhytomyr.Id);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>A published course of three lessons; answers its id and lessons in order.</summary>
    private async Task<(Guid Course, Guid[] Lessons)> PublishedCourseAsync(string title)
    {
        var catalogue = _host.Get<CourseCatalogue>();
        var outline = _host.Get<CourseOutline>();
        var id = await catalogue.CreateAsync(title, Units.Zhytomyr.Id);
        var section = await outline.NewSectionAsync(id, "Основи");
        Guid[] lessons = [await outline.NewLessonAsync(section, "Вступ", "Текст"), await outline.NewLessonAsync(section, "Ознаки", "Текст"), await outline.NewLessonAsync(section, "Дії", "Текст")];
        Assert.True((await catalogue.PublishAsync(id, (await catalogue.GetAsync(id)).Value.Version)).Succeeded);
        return (id, lessons);
    }

    private async Task EnrolAsync(Guid courseId, Guid personId, DueDateInput? due = null) =>
        Assert.Equal(1, (await _host.Get<Enrolments>().EnrolAsync(courseId, new EnrolInput
        {
            Method = EnrolmentMethod.Individual, PersonIds = [personId], Due = due ?? new DueDateInput { Kind = DueKind.None },
        })).Value.Enrolled);

    private static DueDateInput InDays(int days) => new() { Kind = DueKind.Relative, Days = days };

    /// <summary>The steps as a Ukrainian reader gets them; the culture is set in the test's own flow.</summary>
    private Task<IReadOnlyList<NextStep>> StepsOfAsync(Guid personId)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        return _host.Get<INextSteps>().ForAsync(personId, _world.Clock.GetUtcNow(), CancellationToken.None);
    }

    private Guid Me() => _world.People.Add("Олена Ковальчук", Units.ZhytomyrCity.Id, id: _host.User.Id).Id;

    [Fact]
    public async Task A_course_due_within_a_week_is_due_soon_with_the_progress_and_continues_where_my_learning_does()
    {
        var (courseId, lessons) = await PublishedCourseAsync("Розпізнавання насильства");
        var me = Me();
        await EnrolAsync(courseId, me, InDays(5));
        _host.AsLearner();
        Assert.True((await _host.Get<LessonProgress>().MarkDoneAsync(courseId, lessons[0])).Succeeded);

        var step = Assert.Single(await StepsOfAsync(me));

        Assert.Equal("Розпізнавання насильства", step.Title);
        Assert.Equal(NextStepUrgency.DueSoon, step.Urgency);
        Assert.Equal("Уроків: 1 з 3 · 33%", step.Detail);
        Assert.Equal("Продовжити", step.Action);
        Assert.Equal($"learning/courses/{courseId}/lessons/{lessons[1]}", step.Href);
        var card = Assert.Single(await _host.Get<MyLearning>().ListAsync());
        Assert.Equal($"learning/courses/{courseId}/lessons/{card.ContinueLessonId}", step.Href);
        Assert.Equal(card.DueAt, step.Due);
    }

    [Fact]
    public async Task A_course_past_its_due_date_is_overdue_and_one_without_a_date_is_open_to_start_at_its_first_lesson()
    {
        var (late, _) = await PublishedCourseAsync("Перша психологічна допомога");
        var (open, openLessons) = await PublishedCourseAsync("Супервізія в соціальній роботі");
        var me = Me();
        await EnrolAsync(late, me, InDays(5));
        await EnrolAsync(open, me);
        _world.Clock.Advance(TimeSpan.FromDays(6));

        var steps = NextSteps.InOrder(await StepsOfAsync(me));

        Assert.Equal(
            [("Перша психологічна допомога", NextStepUrgency.Overdue), ("Супервізія в соціальній роботі", NextStepUrgency.Open)],
            steps.Select(s => (s.Title, s.Urgency)));
        Assert.Equal("Почати", steps[1].Action);
        Assert.Equal($"learning/courses/{open}/lessons/{openLessons[0]}", steps[1].Href);
        Assert.Equal("Уроків: 0 з 3 · 0%", steps[1].Detail);
        Assert.Null(steps[1].Due);
    }

    [Fact]
    public async Task A_completed_or_withdrawn_enrolment_gives_no_step()
    {
        var (done, lessons) = await PublishedCourseAsync("Перша психологічна допомога");
        var (left, _) = await PublishedCourseAsync("Супервізія в соціальній роботі");
        var me = Me();
        await EnrolAsync(done, me, InDays(5));
        await EnrolAsync(left, me, InDays(5));
        var withdrawn = (await _host.Get<Enrolments>().ListAsync(left, "Олена", new PageRequest())).Value.Items.Single();
        Assert.True((await _host.Get<Enrolments>().WithdrawAsync(withdrawn.Id, withdrawn.Version)).Succeeded);
        _host.AsLearner();
        foreach (var lesson in lessons)
        {
            Assert.True((await _host.Get<LessonProgress>().MarkDoneAsync(done, lesson)).Succeeded);
        }

        Assert.Empty(await StepsOfAsync(me));
        Assert.Equal(Standing.Completed, Assert.Single(await _host.Get<MyLearning>().ListAsync()).Standing);
    }

    [Fact]
    public async Task Another_persons_enrolments_never_appear_among_ones_steps()
    {
        var (mine, _) = await PublishedCourseAsync("Перша психологічна допомога");
        var (theirs, _) = await PublishedCourseAsync("Супервізія в соціальній роботі");
        var me = Me();
        var colleague = _world.People.Add("Андрій Мельник", Units.ZhytomyrCity.Id).Id;
        await EnrolAsync(mine, me);
        await EnrolAsync(theirs, colleague, InDays(2));

        Assert.Equal(["Перша психологічна допомога"], (await StepsOfAsync(me)).Select(s => s.Title));
        Assert.Equal(["Супервізія в соціальній роботі"], (await StepsOfAsync(colleague)).Select(s => s.Title));
    }
}

public sealed class HomeStepsOnSqlite(SqliteServer server) : HomeStepsTests(server), IClassFixture<SqliteServer>;

public sealed class HomeStepsOnPostgreSql(PostgreSqlServer server) : HomeStepsTests(server), IClassFixture<PostgreSqlServer>;
