using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>Enrolment, progress, reminders and the supervisors' digest, run against real SQLite and real PostgreSQL.</summary>
public abstract class EnrolmentTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly LearningWorld _world = new();
    private ModuleTestHost _host = null!;
    private CourseCatalogue _catalogue = null!;
    private CourseOutline _outline = null!;
    private Enrolments _enrolments = null!;
    private LessonProgress _progress = null!;

    private Units Units => _world.Units;

    public async ValueTask InitializeAsync()
    {
        _host = await LearningHost.StartAsync(server, _world);
        _host.AsCoordinatorOf(Units.Zhytomyr.Id);
        _catalogue = _host.Get<CourseCatalogue>();
        _outline = _host.Get<CourseOutline>();
        _enrolments = _host.Get<Enrolments>();
        _progress = _host.Get<LessonProgress>();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>A published course of three lessons, the second of which needs the first; answers its id and lessons in order.</summary>
    private async Task<(Guid Course, Guid[] Lessons)> PublishedCourseAsync(string title = "Перша психологічна допомога", bool open = false)
    {
        var id = await _catalogue.CreateAsync(title, Units.Zhytomyr.Id);
        var section = await _outline.NewSectionAsync(id, "Основи");
        var first = await _outline.NewLessonAsync(section, "Вступ", "Текст");
        var second = (await _outline.AddLessonAsync(section, new LessonInput { Title = "Стабілізація", Body = "Текст", RequiresPrevious = true })).Value;
        var third = await _outline.NewLessonAsync(await _outline.NewSectionAsync(id, "Практика"), "Вправи", "Текст");
        var course = (await _catalogue.GetAsync(id)).Value;
        if (open)
        {
            var input = CourseInput.From(course);
            input.OpenForSelfEnrolment = true;
            Assert.True((await _catalogue.UpdateAsync(id, input, course.Version)).Succeeded);
        }
        Assert.True((await _catalogue.PublishAsync(id, (await _catalogue.GetAsync(id)).Value.Version)).Succeeded);
        return (id, [first, second, third]);
    }

    private static EnrolInput Individually(params Guid[] people) => new() { Method = EnrolmentMethod.Individual, PersonIds = [.. people] };

    private async Task<IReadOnlyList<EnrolmentRow>> ListAsync(Guid courseId, string? search = null) =>
        (await _enrolments.ListAsync(courseId, search, new PageRequest())).Value.Items;

    /// <summary>The signed-in test user as a learner in Zhytomyr City, known to Accounts.</summary>
    private Guid Me()
    {
        _world.People.Add("Олена Ковальчук", Units.ZhytomyrCity.Id, id: _host.User.Id);
        return _host.User.Id;
    }

    [Fact]
    public async Task Enrolling_a_unit_takes_everyone_under_it_and_leaves_out_deactivated_people_those_outside_the_area_and_those_already_enrolled()
    {
        var (courseId, _) = await PublishedCourseAsync();
        var inCity = _world.People.Add("Андрій Мельник", Units.ZhytomyrCity.Id);
        var inOblast = _world.People.Add("Богдана Савчук", Units.Zhytomyr.Id, People.Volunteer);
        _world.People.Add("Василь Шевчук", Units.ZhytomyrCity.Id, active: false);
        var inLviv = _world.People.Add("Галина Бойко", Units.Lviv.Id, People.Volunteer);

        var individually = await _enrolments.EnrolAsync(courseId, Individually(inCity.Id));
        var byUnit = await _enrolments.EnrolAsync(courseId, new EnrolInput { Method = EnrolmentMethod.Unit, UnitId = Units.Zhytomyr.Id });
        var lvivUnit = await _enrolments.EnrolAsync(courseId, new EnrolInput { Method = EnrolmentMethod.Unit, UnitId = Units.Lviv.Id });
        var lvivPerson = await _enrolments.EnrolAsync(courseId, Individually(inLviv.Id));
        var nobody = await _enrolments.EnrolAsync(courseId, Individually());

        Assert.Equal(new EnrolOutcome(1, 0, 0), individually.Value);
        Assert.Equal(new EnrolOutcome(1, 1, 1), byUnit.Value);
        Assert.Equal("Error:ChooseUnit", lvivUnit.Error!.ErrorFor(nameof(EnrolInput.UnitId)));
        Assert.Equal(new EnrolOutcome(0, 0, 1), lvivPerson.Value);
        Assert.Equal("Error:ChoosePeople", nobody.Error!.ErrorFor(nameof(EnrolInput.PersonIds)));
        var rows = await ListAsync(courseId);
        Assert.Equal([(inCity.Id, EnrolmentMethod.Individual), (inOblast.Id, EnrolmentMethod.Unit)], rows.Select(r => (r.PersonId, r.Method)));
        Assert.Equal([Units.ZhytomyrCity.DisplayName, Units.Zhytomyr.DisplayName], rows.Select(r => r.UnitName));
        Assert.Equal(["Богдана Савчук"], (await ListAsync(courseId, "богдана")).Select(r => r.PersonName));
    }

    [Fact]
    public async Task A_position_type_or_a_cohort_is_enrolled_within_the_area_and_a_draft_course_takes_nobody()
    {
        var (courseId, _) = await PublishedCourseAsync();
        var draftId = await _catalogue.CreateAsync("Чернетка", Units.Zhytomyr.Id);
        var volunteer = _world.People.Add("Дарина Ткаченко", Units.ZhytomyrCity.Id, People.Volunteer);
        var worker = _world.People.Add("Євген Кравчук", Units.ZhytomyrCity.Id);
        _world.People.Add("Жанна Лисенко", Units.Lviv.Id, People.Volunteer);
        var cohorts = _host.Get<Cohorts>();
        var cohortId = (await cohorts.CreateAsync("Весняний набір", Units.ZhytomyrCity.Id)).Value;
        Assert.True((await cohorts.AddMemberAsync(cohortId, worker.Id)).Succeeded);
        var outsider = _world.People.Add("Зиновій Петренко", Units.Lviv.Id);
        var addOutsider = await cohorts.AddMemberAsync(cohortId, outsider.Id);

        var byPosition = await _enrolments.EnrolAsync(courseId, new EnrolInput { Method = EnrolmentMethod.PositionType, PositionTypeId = People.Volunteer.Id });
        var byCohort = await _enrolments.EnrolAsync(courseId, new EnrolInput { Method = EnrolmentMethod.Cohort, CohortId = cohortId });
        var intoDraft = await _enrolments.EnrolAsync(draftId, Individually(worker.Id));

        Assert.Equal("Error:PersonOutOfScope", addOutsider.Error!.ErrorFor("PersonId"));
        Assert.Equal(new EnrolOutcome(1, 0, 0), byPosition.Value);
        Assert.Equal(new EnrolOutcome(1, 0, 0), byCohort.Value);
        Assert.Equal("Error:EnrolPublishedOnly", intoDraft.Error!.Key);
        Assert.Equal([volunteer.Id, worker.Id], (await ListAsync(courseId)).Select(r => r.PersonId));
        var choices = await _enrolments.GetChoicesAsync();
        Assert.Equal([("Весняний набір", 1)], choices.Cohorts.Select(c => (c.Name, c.MemberCount)));
        Assert.DoesNotContain(choices.Units, u => u.Id == Units.Lviv.Id);
    }

    [Fact]
    public async Task A_learner_sees_only_open_courses_and_those_they_are_enrolled_in_and_loses_a_closed_one_when_withdrawn()
    {
        var (closed, lessons) = await PublishedCourseAsync("Закритий курс");
        var (open, _) = await PublishedCourseAsync("Відкритий курс", open: true);
        var me = Me();

        _host.AsLearner();
        var before = (await _catalogue.SearchAsync(null, null, null, new PageRequest())).Value.Items.Select(c => c.Title).ToList();
        var closedBefore = await _catalogue.GetAsync(closed);
        var lessonBefore = await _host.Get<LessonReader>().ReadAsync(closed, lessons[0]);
        var selfIntoClosed = await _enrolments.EnrolSelfAsync(closed);
        _host.AsCoordinatorOf(Units.Zhytomyr.Id);
        Assert.Equal(1, (await _enrolments.EnrolAsync(closed, Individually(me))).Value.Enrolled);
        _host.AsLearner();
        var after = (await _catalogue.SearchAsync(null, null, null, new PageRequest())).Value.Items.Select(c => c.Title).Order().ToList();
        var lessonAfter = await _host.Get<LessonReader>().ReadAsync(closed, lessons[0]);
        _host.AsCoordinatorOf(Units.Zhytomyr.Id);
        var row = Assert.Single(await ListAsync(closed));
        Assert.True((await _enrolments.WithdrawAsync(row.Id, row.Version)).Succeeded);
        var again = await _enrolments.WithdrawAsync(row.Id, row.Version);
        _host.AsLearner();
        var withdrawn = await _catalogue.GetAsync(closed);

        Assert.Equal(["Відкритий курс"], before);
        Assert.Equal(ErrorKind.NotFound, closedBefore.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, lessonBefore.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, selfIntoClosed.Error!.Kind);
        Assert.Equal(["Відкритий курс", "Закритий курс"], after);
        Assert.True(lessonAfter.Succeeded);
        Assert.NotNull(again.Error);
        Assert.Equal(ErrorKind.NotFound, withdrawn.Error!.Kind);
        Assert.True((await _enrolments.EnrolSelfAsync(open)).Succeeded);
        Assert.Equal("Error:AlreadyEnrolled", (await _enrolments.EnrolSelfAsync(open)).Error!.Key);
    }

    [Fact]
    public async Task Lessons_are_done_in_order_where_one_needs_the_previous_and_the_enrolment_completes_with_the_last_one_as_competency_evidence()
    {
        var (courseId, lessons) = await PublishedCourseAsync();
        Assert.True((await _host.Get<CourseCompetencies>().SetAsync(courseId, Competencies.FirstAid.LineageId, 2)).Succeeded);
        var me = Me();
        await _enrolments.EnrolAsync(courseId, Individually(me));
        _host.AsLearner();
        var reader = _host.Get<LessonReader>();

        var lockedRead = await reader.ReadAsync(courseId, lessons[1]);
        var lockedMark = await _progress.MarkDoneAsync(courseId, lessons[1]);
        var afterFirst = await _progress.MarkDoneAsync(courseId, lessons[0]);
        var progressAfterFirst = (await _progress.GetAsync(courseId)).Value;
        var unlockedRead = await reader.ReadAsync(courseId, lessons[1]);
        var afterThird = await _progress.MarkDoneAsync(courseId, lessons[2]);
        var afterSecond = await _progress.MarkDoneAsync(courseId, lessons[1]);
        var finished = (await _progress.GetAsync(courseId)).Value;

        Assert.Equal("Error:PreviousLessonFirst", lockedRead.Error!.Key);
        Assert.Equal("Error:PreviousLessonFirst", lockedMark.Error!.Key);
        Assert.Equal(lessons[1], afterFirst.Value);
        Assert.Equal((33, lessons[1]), (progressAfterFirst.ProgressPercent, progressAfterFirst.ContinueLessonId));
        Assert.True(unlockedRead.Succeeded);
        Assert.Equal(lessons[1], afterThird.Value);
        Assert.Null(afterSecond.Value);
        Assert.Equal((100, Standing.Completed), (finished.ProgressPercent, finished.Standing));
        var completion = Assert.Single(await _host.PublishedAsync<CourseCompleted, LearningDbContext>());
        Assert.Equal((me, courseId), (completion.PersonId, completion.CourseId));
        Assert.Equal([new CompletedCourseCompetency(Competencies.FirstAid.LineageId, 2)], completion.Competencies);
    }

    [Fact]
    public async Task A_passed_quiz_finishes_its_lesson_and_when_it_is_the_last_one_the_enrolment_completes_as_competency_evidence()
    {
        var id = await _catalogue.CreateAsync("Розпізнавання насильства", Units.Zhytomyr.Id);
        var section = await _outline.NewSectionAsync(id, "Основи");
        var reading = await _outline.NewLessonAsync(section, "Ознаки", "Текст");
        var quizLesson = await _outline.NewQuizLessonAsync(section, "Підсумковий тест");
        var question = await _host.Get<QuestionBank>().NewQuestionAsync(id, QuizBuilders.SingleChoice("Що зробити спершу?", "Забезпечити безпеку дитини", "Чекати"));
        await _host.Get<QuizAuthoring>().SetUpAsync(quizLesson, new QuizSettingsInput { QuestionIds = [question], PassMarkPercent = 100 });
        Assert.True((await _catalogue.PublishAsync(id, (await _catalogue.GetAsync(id)).Value.Version)).Succeeded);
        Assert.True((await _host.Get<CourseCompetencies>().SetAsync(id, Competencies.FirstAid.LineageId, 1)).Succeeded);
        var rightOption = (await _host.Get<QuestionBank>().ListAsync(id)).Value.Single().Options.Single(o => o.IsCorrect).Id;
        var me = Me();
        await _enrolments.EnrolAsync(id, Individually(me));
        _host.AsLearner();
        var attempts = _host.Get<QuizAttempts>();

        var manually = await _progress.MarkDoneAsync(id, quizLesson);
        await _progress.MarkDoneAsync(id, reading);
        var halfway = (await _progress.GetAsync(id)).Value;
        var paper = (await attempts.StartAsync(quizLesson)).Value;
        Assert.True((await attempts.SaveAnswerAsync(paper.AttemptId, question, new AnswerValue([rightOption], null))).Succeeded);
        Assert.True((await attempts.SubmitAsync(paper.AttemptId)).Value.Result.Passed);
        var finished = (await _progress.GetAsync(id)).Value;

        Assert.Equal("Error:LessonCompletesItself", manually.Error!.Key);
        Assert.Equal((50, Standing.InProgress), (halfway.ProgressPercent, halfway.Standing));
        Assert.Equal((100, Standing.Completed), (finished.ProgressPercent, finished.Standing));
        Assert.Equal([new CompletedCourseCompetency(Competencies.FirstAid.LineageId, 1)],
            Assert.Single(await _host.PublishedAsync<CourseCompleted, LearningDbContext>()).Competencies);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_timed_quiz_passed_with_answers_saved_before_time_ran_out_completes_the_course_however_the_learner_returns(bool toTheQuiz)
    {
        var id = await _catalogue.CreateAsync("Розпізнавання насильства", Units.Zhytomyr.Id);
        var quizLesson = await _outline.NewQuizLessonAsync(await _outline.NewSectionAsync(id, "Основи"), "Підсумковий тест");
        var question = await _host.Get<QuestionBank>().NewQuestionAsync(id, QuizBuilders.SingleChoice("Що зробити спершу?", "Забезпечити безпеку дитини", "Чекати"));
        await _host.Get<QuizAuthoring>().SetUpAsync(quizLesson, new QuizSettingsInput { QuestionIds = [question], PassMarkPercent = 100, TimeLimitMinutes = 5 });
        Assert.True((await _catalogue.PublishAsync(id, (await _catalogue.GetAsync(id)).Value.Version)).Succeeded);
        Assert.True((await _host.Get<CourseCompetencies>().SetAsync(id, Competencies.FirstAid.LineageId, 1)).Succeeded);
        var rightOption = (await _host.Get<QuestionBank>().ListAsync(id)).Value.Single().Options.Single(o => o.IsCorrect).Id;
        await _enrolments.EnrolAsync(id, Individually(Me()));
        _host.AsLearner();
        var attempts = _host.Get<QuizAttempts>();
        var paper = (await attempts.StartAsync(quizLesson)).Value;
        Assert.True((await attempts.SaveAnswerAsync(paper.AttemptId, question, new AnswerValue([rightOption], null))).Succeeded);
        _world.Clock.Advance(TimeSpan.FromMinutes(6));

        if (toTheQuiz)
        {
            Assert.True(Assert.Single((await attempts.GetOverviewAsync(quizLesson)).Value.Attempts).Passed);
        }
        var progress = (await _progress.GetAsync(id)).Value;

        Assert.Equal((100, Standing.Completed), (progress.ProgressPercent, progress.Standing));
        Assert.Contains(quizLesson, progress.DoneLessonIds);
        Assert.Equal([new CompletedCourseCompetency(Competencies.FirstAid.LineageId, 1)],
            Assert.Single(await _host.PublishedAsync<CourseCompleted, LearningDbContext>()).Competencies);
    }

    [Fact]
    public async Task A_refresher_is_a_new_enrolment_that_starts_from_nothing_and_the_earlier_completion_stays_in_the_history()
    {
        var (courseId, lessons) = await PublishedCourseAsync();
        var me = Me();
        await _enrolments.EnrolAsync(courseId, Individually(me));
        _host.AsLearner();
        foreach (var lesson in lessons)
        {
            Assert.True((await _progress.MarkDoneAsync(courseId, lesson)).Succeeded);
        }
        _world.Clock.Advance(TimeSpan.FromDays(365));

        _host.AsCoordinatorOf(Units.Zhytomyr.Id);
        var refresher = await _enrolments.EnrolAsync(courseId, new EnrolInput { Method = EnrolmentMethod.Individual, PersonIds = [me], Due = new DueDateInput { Kind = DueKind.Relative, Days = 14 } });
        var twice = await _enrolments.EnrolAsync(courseId, Individually(me));
        _host.AsLearner();
        var mine = await _host.Get<MyLearning>().ListAsync();
        var current = (await _progress.GetAsync(courseId)).Value;

        Assert.Equal(new EnrolOutcome(1, 0, 0), refresher.Value);
        Assert.Equal(new EnrolOutcome(0, 1, 0), twice.Value);
        Assert.Equal([(EnrolmentStatus.Active, 0), (EnrolmentStatus.Completed, 100)], mine.Select(c => (c.Status, c.ProgressPercent)));
        Assert.Equal(lessons[0], mine[0].ContinueLessonId);
        Assert.Equal((0, lessons[0]), (current.ProgressPercent, current.ContinueLessonId));
        Assert.Equal("Error:PreviousLessonFirst", (await _host.Get<LessonReader>().ReadAsync(courseId, lessons[1])).Error!.Key);
    }

    [Fact]
    public async Task Reminders_are_planned_for_a_due_date_and_cancelled_when_the_course_is_completed_or_the_enrolment_withdrawn()
    {
        var (courseId, lessons) = await PublishedCourseAsync("Розпізнавання насильства", open: true);
        var me = Me();
        var other = _world.People.Add("Ірина Гончар", Units.ZhytomyrCity.Id);
        var due = new DueDateInput { Kind = DueKind.Relative, Days = 30 };

        await _enrolments.EnrolAsync(courseId, new EnrolInput { Method = EnrolmentMethod.Unit, UnitId = Units.ZhytomyrCity.Id, Due = due });
        var rows = await ListAsync(courseId);
        var planned = _world.Reminders.Planned.Values.OrderBy(p => p.PersonId == me).ToList();

        Assert.Equal([other.Id, me], planned.Select(p => p.PersonId));
        var plan = planned[1];
        Assert.Equal(_world.Clock.GetUtcNow().AddDays(30), plan.DueAt);
        Assert.Equal([TimeSpan.FromDays(-7), TimeSpan.Zero, TimeSpan.FromDays(3)], plan.Offsets);
        Assert.Equal(("Learning.Enrolments", "Notification:CourseDue"), (plan.Category, plan.Text.Key));
        Assert.Equal(["Розпізнавання насильства", "2026-04-01"], plan.Text.Arguments);
        Assert.Equal($"/learning/courses/{courseId}", plan.Link);

        var otherRow = rows.Single(r => r.PersonId == other.Id);
        Assert.True((await _enrolments.WithdrawAsync(otherRow.Id, otherRow.Version)).Succeeded);
        _host.AsLearner();
        foreach (var lesson in lessons)
        {
            await _progress.MarkDoneAsync(courseId, lesson);
        }
        Assert.Empty(_world.Reminders.Planned);
        Assert.Equal(2, _world.Reminders.Cancelled.Count);
    }

    [Fact]
    public async Task The_daily_digest_tells_each_supervisor_only_about_their_own_overdue_learners()
    {
        var (courseId, _) = await PublishedCourseAsync();
        var late = _world.People.Add("Катерина Мороз", Units.ZhytomyrCity.Id);
        var onTime = _world.People.Add("Лариса Руденко", Units.ZhytomyrCity.Id);
        var lateInLviv = _world.People.Add("Марко Зайченко", Units.Lviv.Id);
        var citySupervisor = Guid.NewGuid();
        var lvivSupervisor = Guid.NewGuid();
        var administrator = Guid.NewGuid();
        _world.People.Holders.AddRange([new(citySupervisor, Units.ZhytomyrCity.Id), new(lvivSupervisor, Units.Lviv.Id), new(administrator, null), new(late.Id, Units.ZhytomyrCity.Id)]);
        await _enrolments.EnrolAsync(courseId, new EnrolInput { Method = EnrolmentMethod.Individual, PersonIds = [late.Id], Due = new DueDateInput { Kind = DueKind.Relative, Days = 1 } });
        await _enrolments.EnrolAsync(courseId, new EnrolInput { Method = EnrolmentMethod.Individual, PersonIds = [onTime.Id], Due = new DueDateInput { Kind = DueKind.Relative, Days = 30 } });
        _host.User.Holding(new(TrainingHub.Learning.Contracts.LearningPermissions.EnrolmentsManage, null), new(TrainingHub.Learning.Contracts.LearningPermissions.CoursesView, null));
        await _enrolments.EnrolAsync(courseId, new EnrolInput { Method = EnrolmentMethod.Individual, PersonIds = [lateInLviv.Id], Due = new DueDateInput { Kind = DueKind.Relative, Days = 1 } });
        _world.Clock.Advance(TimeSpan.FromDays(2));

        var told = await _host.Get<OverdueDigest>().SendAsync(CancellationToken.None);

        Assert.Equal(3, told);
        var sent = _world.Notifier.Sent.ToDictionary(n => n.PersonId);
        Assert.Equal(["1", "1"], sent[citySupervisor].Text.Arguments);
        Assert.Equal(["1", "1"], sent[lvivSupervisor].Text.Arguments);
        Assert.Equal(["2", "2"], sent[administrator].Text.Arguments);
        Assert.False(sent.ContainsKey(late.Id));
        Assert.Equal(("Learning.Enrolments", "Notification:OverdueDigest", "/learning/overdue"), (sent[citySupervisor].Category, sent[citySupervisor].Text.Key, sent[citySupervisor].Link));
        // The job run again the same day (a retry, or a second node) tells nobody again; the next day it does.
        Assert.Equal(0, await _host.Get<OverdueDigest>().SendAsync(CancellationToken.None));
        Assert.Equal(3, _world.Notifier.Sent.Count);
        _world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(3, await _host.Get<OverdueDigest>().SendAsync(CancellationToken.None));
        _host.AsCoordinatorOf(Units.ZhytomyrCity.Id);
        var overdue = (await _host.Get<OverdueLearners>().ListAsync(null, new PageRequest())).Value;
        Assert.Equal([("Катерина Мороз", 0)], overdue.Items.Select(r => (r.PersonName, r.ProgressPercent)));
    }
}

public sealed class EnrolmentsOnSqlite(SqliteServer server) : EnrolmentTests(server), IClassFixture<SqliteServer>;

public sealed class EnrolmentsOnPostgreSql(PostgreSqlServer server) : EnrolmentTests(server), IClassFixture<PostgreSqlServer>;
