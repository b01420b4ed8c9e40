using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>Question banks, quiz versions and attempts, run against real SQLite and real PostgreSQL.</summary>
public abstract class QuizTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly Units _units = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private CourseCatalogue _catalogue = null!;
    private CourseOutline _outline = null!;
    private QuestionBank _bank = null!;
    private QuizAuthoring _quizzes = null!;
    private QuizAttempts _attempts = null!;
    private SwitchablePerson _person = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await LearningHost.StartAsync(server, _units, services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton(sp => new SwitchablePerson(sp.GetRequiredService<TestUser>()));
            services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<SwitchablePerson>());
        });
        _host.AsAuthorOf(_units.Zhytomyr.Id);
        _catalogue = _host.Get<CourseCatalogue>();
        _outline = _host.Get<CourseOutline>();
        _bank = _host.Get<QuestionBank>();
        _quizzes = _host.Get<QuizAuthoring>();
        _attempts = _host.Get<QuizAttempts>();
        _person = _host.Services.GetRequiredService<SwitchablePerson>();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<Guid> VersionOfAsync(Guid courseId) => (await _catalogue.GetAsync(courseId)).Value.Version;

    /// <summary>A published course whose quiz asks a single-choice question (3 points) and a short answer (1 point).</summary>
    private async Task<(Guid Course, Guid Lesson, Guid Choice, Guid Short)> PublishedQuizAsync(int? attemptLimit = null, int? timeLimit = null)
    {
        // Open to everyone, so learners reach its quiz without being enrolled.
        var courseId = await _catalogue.CreateAsync("Перша психологічна допомога", _units.ZhytomyrCity.Id, open: true);
        var sectionId = await _outline.NewSectionAsync(courseId, "Основи");
        await _outline.NewLessonAsync(sectionId, "Вступ", "Текст");
        var lessonId = await _outline.NewQuizLessonAsync(sectionId, "Підсумковий тест");
        var choice = await _bank.NewQuestionAsync(courseId, QuizBuilders.SingleChoice("Перший крок допомоги?", "Забезпечити безпеку", "Розпитати про подробиці"));
        var input = QuizBuilders.ShortAnswer("Як зветься ця допомога українською (одним словом)?", "підтримка");
        input.Points = 1;
        var shortAnswer = await _bank.NewQuestionAsync(courseId, input);
        await _quizzes.SetUpAsync(lessonId, new QuizSettingsInput
        {
            QuestionIds = [choice, shortAnswer], PassMarkPercent = 75, AttemptLimit = attemptLimit, TimeLimitMinutes = timeLimit,
        });
        var choiceInput = QuestionInput.From((await _bank.ListAsync(courseId)).Value.Single(q => q.Id == choice));
        choiceInput.Points = 3;
        Assert.True((await _bank.UpdateAsync(choice, choiceInput, (await _bank.ListAsync(courseId)).Value.Single(q => q.Id == choice).Version)).Succeeded);
        Assert.True((await _catalogue.PublishAsync(courseId, await VersionOfAsync(courseId))).Succeeded);
        return (courseId, lessonId, choice, shortAnswer);
    }

    private static AnswerValue Option(QuizPaper paper, Guid questionId, int index) =>
        new([paper.Questions.Single(q => q.QuestionId == questionId).Options[index].OptionId], null);

    private static Guid RightOptionOf(QuestionView question) => question.Options.Single(o => o.IsCorrect).Id;

    [Fact]
    public async Task A_course_whose_quiz_has_a_question_without_a_right_answer_is_not_published_and_the_message_names_both()
    {
        var courseId = await _catalogue.CreateAsync("Розпізнавання насильства", _units.Zhytomyr.Id);
        var sectionId = await _outline.NewSectionAsync(courseId, "Ознаки");
        var lessonId = await _outline.NewQuizLessonAsync(sectionId, "Перевірка знань");
        var noQuestions = await _catalogue.PublishAsync(courseId, await VersionOfAsync(courseId));
        var ready = await _bank.NewQuestionAsync(courseId, QuizBuilders.SingleChoice("Що з переліченого є ознакою занедбання?", "Постійний голод", "Новий одяг"));
        var unfinished = QuizBuilders.SingleChoice("Кому повідомити про підозру?", "Службі у справах дітей", "Нікому");
        unfinished.Options[0].IsCorrect = false;
        var unfinishedId = await _bank.NewQuestionAsync(courseId, unfinished);
        await _quizzes.SetUpAsync(lessonId, new QuizSettingsInput { QuestionIds = [ready, unfinishedId] });

        var refused = await _catalogue.PublishAsync(courseId, await VersionOfAsync(courseId));
        unfinished.Options[0].IsCorrect = true;
        var bankQuestion = (await _bank.ListAsync(courseId)).Value.Single(q => q.Id == unfinishedId);
        Assert.Equal("Problem:OneCorrect", bankQuestion.Problem);
        Assert.Equal(["Перевірка знань"], bankQuestion.UsedIn);
        Assert.True((await _bank.UpdateAsync(unfinishedId, unfinished, bankQuestion.Version)).Succeeded);
        var published = await _catalogue.PublishAsync(courseId, await VersionOfAsync(courseId));

        Assert.Equal("Error:QuizNoQuestions", noQuestions.Error!.ErrorFor("Publish"));
        Assert.Equal("Error:QuizProblem:OneCorrect", refused.Error!.ErrorFor("Publish"));
        Assert.Equal(["Перевірка знань", 2, "Кому повідомити про підозру?"], refused.Error.Fields.Single().Arguments);
        Assert.True(published.Succeeded);
    }

    [Fact]
    public async Task Once_published_a_quiz_cannot_be_left_without_a_right_answer_or_without_questions()
    {
        var (courseId, lessonId, choice, shortAnswer) = await PublishedQuizAsync();
        var question = (await _bank.ListAsync(courseId)).Value.Single(q => q.Id == shortAnswer);
        var input = QuestionInput.From(question);
        input.AcceptedAnswers = [" "];

        var broken = await _bank.UpdateAsync(shortAnswer, input, question.Version);
        var emptied = await _quizzes.SaveAsync(lessonId, new QuizSettingsInput(), (await _quizzes.GetAsync(lessonId)).Value.Version);

        Assert.Equal("Error:QuizProblem:NoAcceptedAnswer", broken.Error!.ErrorFor("Quiz"));
        Assert.Equal("Error:QuizNoQuestions", emptied.Error!.ErrorFor("Quiz"));
        Assert.Equal([choice, shortAnswer], (await _quizzes.GetAsync(lessonId)).Value.QuestionIds);
    }

    [Fact]
    public async Task The_questions_sent_to_the_browser_carry_no_right_answer_or_feedback_and_a_reload_keeps_order_and_answers()
    {
        var (courseId, lessonId, choice, shortAnswer) = await PublishedQuizAsync();
        var bank = (await _bank.ListAsync(courseId)).Value;
        _person.AsAnotherLearner();

        var paper = (await _attempts.StartAsync(lessonId)).Value;
        // Unescaped, so that Cyrillic feedback would be found if it were there.
        var json = JsonSerializer.Serialize(paper, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
        var rightOption = RightOptionOf(bank.Single(q => q.Id == choice));
        Assert.True((await _attempts.SaveAnswerAsync(paper.AttemptId, choice, new AnswerValue([rightOption], null))).Succeeded);
        Assert.True((await _attempts.SaveAnswerAsync(paper.AttemptId, shortAnswer, new AnswerValue([], "Підтримка"))).Succeeded);
        var reloaded = (await _attempts.StartAsync(lessonId)).Value;
        var reviewTooEarly = await _attempts.GetReviewAsync(paper.AttemptId);

        Assert.DoesNotContain("correct", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("feedback", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Відгук", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Загальний відгук", json, StringComparison.Ordinal);
        Assert.DoesNotContain("підтримка", json, StringComparison.Ordinal);
        Assert.Contains("Забезпечити безпеку", json, StringComparison.Ordinal);
        Assert.Equal(paper.AttemptId, reloaded.AttemptId);
        Assert.Equal(paper.Questions.Select(q => (q.QuestionId, string.Join(",", q.Options.Select(o => o.OptionId)))),
            reloaded.Questions.Select(q => (q.QuestionId, string.Join(",", q.Options.Select(o => o.OptionId)))));
        Assert.Equal([rightOption], reloaded.Answers[choice].OptionIds);
        Assert.Equal("Підтримка", reloaded.Answers[shortAnswer].Text);
        Assert.Equal("Error:AttemptNotSubmitted", reviewTooEarly.Error!.Key);
    }

    [Fact]
    public async Task A_submitted_attempt_is_marked_on_the_server_and_its_review_shows_the_right_answers_and_feedback()
    {
        var (courseId, lessonId, choice, shortAnswer) = await PublishedQuizAsync();
        var bank = (await _bank.ListAsync(courseId)).Value;
        _person.AsAnotherLearner();
        var paper = (await _attempts.StartAsync(lessonId)).Value;
        await _attempts.SaveAnswerAsync(paper.AttemptId, choice, new AnswerValue([RightOptionOf(bank.Single(q => q.Id == choice))], null));
        await _attempts.SaveAnswerAsync(paper.AttemptId, shortAnswer, new AnswerValue([], "допомога"));

        var review = (await _attempts.SubmitAsync(paper.AttemptId)).Value;
        var afterSubmit = await _attempts.SaveAnswerAsync(paper.AttemptId, shortAnswer, new AnswerValue([], "підтримка"));
        var overview = (await _attempts.GetOverviewAsync(lessonId)).Value;

        Assert.Equal(new AttemptScore(3, 4, 75, true), review.Result);
        var reviewedChoice = review.Questions.Single(q => q.Kind == QuestionKind.SingleChoice);
        Assert.True(reviewedChoice.IsRight);
        Assert.Equal("Відгук: Забезпечити безпеку", reviewedChoice.Options.Single(o => o.Chosen).Feedback);
        var reviewedShort = review.Questions.Single(q => q.Kind == QuestionKind.ShortAnswer);
        Assert.False(reviewedShort.IsRight);
        Assert.Equal("допомога", reviewedShort.GivenText);
        Assert.Equal(["підтримка"], reviewedShort.AcceptedAnswers);
        Assert.Contains("Правильна відповідь — у розділі 2.", reviewedShort.FeedbackHtml);
        Assert.Equal("Error:AttemptSubmitted", afterSubmit.Error!.Key);
        Assert.Equal((75, true, null), (overview.BestPercent, overview.Attempts.Single().Passed, overview.OpenAttemptId));
    }

    [Fact]
    public async Task Changing_a_published_quiz_makes_a_new_version_and_past_attempts_keep_their_questions_and_scores()
    {
        var (courseId, lessonId, choice, _) = await PublishedQuizAsync();
        var question = (await _bank.ListAsync(courseId)).Value.Single(q => q.Id == choice);
        _person.AsAnotherLearner();
        var first = (await _attempts.StartAsync(lessonId)).Value;
        await _attempts.SaveAnswerAsync(first.AttemptId, choice, new AnswerValue([RightOptionOf(question)], null));
        var firstReview = (await _attempts.SubmitAsync(first.AttemptId)).Value;

        _person.AsTestUser();
        var changed = QuestionInput.From(question);
        changed.Text = "Що робити насамперед?";
        changed.Options.ForEach(o => o.IsCorrect = !o.IsCorrect);
        Assert.True((await _bank.UpdateAsync(choice, changed, question.Version)).Succeeded);
        var settings = (await _quizzes.GetAsync(lessonId)).Value;

        _person.AsAnotherLearner();
        var second = (await _attempts.StartAsync(lessonId)).Value;
        var firstAgain = (await _attempts.GetReviewAsync(first.AttemptId)).Value;

        Assert.Equal(2, settings.VersionNumber);
        Assert.Contains("Що робити насамперед?", second.Questions.Single(q => q.QuestionId == choice).Html);
        Assert.Contains("Перший крок допомоги?", firstAgain.Questions.Single(q => q.Kind == QuestionKind.SingleChoice).Html);
        Assert.Equal(firstReview.Result, firstAgain.Result);
        Assert.True(firstAgain.Questions.Single(q => q.Kind == QuestionKind.SingleChoice).IsRight);
    }

    [Fact]
    public async Task A_person_cannot_start_more_attempts_than_the_limit()
    {
        var (_, lessonId, _, _) = await PublishedQuizAsync(attemptLimit: 1);
        _person.AsAnotherLearner();
        var first = (await _attempts.StartAsync(lessonId)).Value;
        var resumed = await _attempts.StartAsync(lessonId);
        await _attempts.SubmitAsync(first.AttemptId);

        var second = await _attempts.StartAsync(lessonId);
        var overview = (await _attempts.GetOverviewAsync(lessonId)).Value;

        Assert.Equal(first.AttemptId, resumed.Value.AttemptId);
        Assert.Equal("Error:AttemptLimitReached", second.Error!.Key);
        Assert.Equal((false, 0, 0), (overview.CanStart, overview.AttemptsLeft, overview.BestPercent));
    }

    [Fact]
    public async Task After_the_time_limit_answers_are_refused_and_the_attempt_is_marked_with_what_was_saved()
    {
        var (courseId, lessonId, choice, shortAnswer) = await PublishedQuizAsync(timeLimit: 10);
        var bank = (await _bank.ListAsync(courseId)).Value;
        _person.AsAnotherLearner();
        var paper = (await _attempts.StartAsync(lessonId)).Value;
        _clock.Advance(TimeSpan.FromMinutes(10));
        var atDeadline = await _attempts.SaveAnswerAsync(paper.AttemptId, choice, new AnswerValue([RightOptionOf(bank.Single(q => q.Id == choice))], null));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var late = await _attempts.SaveAnswerAsync(paper.AttemptId, shortAnswer, new AnswerValue([], "підтримка"));
        var overview = (await _attempts.GetOverviewAsync(lessonId)).Value;
        var review = (await _attempts.GetReviewAsync(paper.AttemptId)).Value;

        Assert.Equal(paper.Deadline, _clock.GetUtcNow().AddSeconds(-1));
        Assert.True(atDeadline.Succeeded);
        Assert.Equal("Error:TimeUp", late.Error!.Key);
        var attempt = overview.Attempts.Single();
        Assert.Equal((true, 3, 75, true, paper.Deadline), (attempt.TimedOut, attempt.Score, attempt.Percent, attempt.Passed, attempt.SubmittedAt));
        Assert.Null(review.Questions.Single(q => q.Kind == QuestionKind.ShortAnswer).GivenText);
    }

    [Fact]
    public async Task Another_learner_can_neither_read_nor_answer_nor_submit_my_attempt()
    {
        var (_, lessonId, choice, _) = await PublishedQuizAsync();
        var paper = (await _attempts.StartAsync(lessonId)).Value;
        _person.AsAnotherLearner();

        var read = await _attempts.GetPaperAsync(paper.AttemptId);
        var answered = await _attempts.SaveAnswerAsync(paper.AttemptId, choice, Option(paper, choice, 0));
        var submitted = await _attempts.SubmitAsync(paper.AttemptId);
        var reviewed = await _attempts.GetReviewAsync(paper.AttemptId);
        var theirOverview = (await _attempts.GetOverviewAsync(lessonId)).Value;

        Assert.Equal([ErrorKind.NotFound, ErrorKind.NotFound, ErrorKind.NotFound, ErrorKind.NotFound],
            [read.Error!.Kind, answered.Error!.Kind, submitted.Error!.Kind, reviewed.Error!.Kind]);
        Assert.Empty(theirOverview.Attempts);
        _person.AsTestUser();
        Assert.Empty((await _attempts.GetPaperAsync(paper.AttemptId)).Value.Answers);
    }

    [Fact]
    public async Task A_passed_quiz_counts_as_a_done_lesson_only_in_enrolments_begun_before_the_attempt_started()
    {
        var (courseId, lessonId, choice, shortAnswer) = await PublishedQuizAsync();
        var bank = (await _bank.ListAsync(courseId)).Value;
        _person.AsAnotherLearner();
        var personId = _host.Services.GetRequiredService<SwitchablePerson>().UserIdOrThrow();
        var startedAt = _clock.GetUtcNow();
        var paper = (await _attempts.StartAsync(lessonId)).Value;
        await _attempts.SaveAnswerAsync(paper.AttemptId, choice, new AnswerValue([RightOptionOf(bank.Single(q => q.Id == choice))], null));
        await _attempts.SaveAnswerAsync(paper.AttemptId, shortAnswer, new AnswerValue([], "ПІДТРИМКА"));
        await _attempts.SubmitAsync(paper.AttemptId);
        var progress = _host.Get<LessonProgress>();
        await using var db = await _host.Get<IDbContextFactory<LearningDbContext>>().CreateDbContextAsync();
        Task<HashSet<Guid>> DoneAsync(Guid person, DateTimeOffset enrolledAt) =>
            progress.DoneLessonIdsAsync(db, new Enrolment { PersonId = person, CourseId = courseId, EnrolledAt = enrolledAt, Status = EnrolmentStatus.Completed }, CancellationToken.None);

        Assert.Equal([lessonId], await DoneAsync(personId, startedAt));
        Assert.Empty(await DoneAsync(personId, startedAt.AddTicks(1)));
        Assert.Empty(await DoneAsync(Guid.NewGuid(), startedAt));
    }

    [Fact]
    public async Task A_quiz_someone_attempted_is_not_deleted_alone_or_with_its_section_while_one_nobody_attempted_is()
    {
        var (courseId, lessonId, _, _) = await PublishedQuizAsync();
        _person.AsAnotherLearner();
        var paper = (await _attempts.StartAsync(lessonId)).Value;
        _person.AsTestUser();
        var untried = await _outline.NewQuizLessonAsync((await _catalogue.GetAsync(courseId)).Value.Sections.Single().Id, "Додатковий тест");
        var before = (await _catalogue.GetAsync(courseId)).Value;
        var section = before.Sections.Single();

        var lessonDeleted = await _outline.DeleteLessonAsync(lessonId, before.LessonsInOrder.Single(l => l.Id == lessonId).Version);
        var sectionDeleted = await _outline.DeleteSectionAsync(section.Id, section.Version);
        var untriedDeleted = await _outline.DeleteLessonAsync(untried, before.LessonsInOrder.Single(l => l.Id == untried).Version);

        Assert.Equal((ErrorKind.Validation, "Error:QuizHasAttempts"), (lessonDeleted.Error!.Kind, lessonDeleted.Error.Key));
        Assert.Equal("Error:SectionQuizHasAttempts", sectionDeleted.Error!.Key);
        Assert.True(untriedDeleted.Succeeded);
        Assert.Equal(["Вступ", "Підсумковий тест"], (await _catalogue.GetAsync(courseId)).Value.LessonsInOrder.Select(l => l.Title));
        _person.AsAnotherLearner();
        Assert.Equal([paper.AttemptId], (await _attempts.GetOverviewAsync(lessonId)).Value.Attempts.Select(a => a.Id));
    }

    [Fact]
    public async Task A_quiz_someone_attempted_cannot_become_a_text_lesson_but_keeps_its_title_edits()
    {
        var (courseId, lessonId, _, _) = await PublishedQuizAsync();
        _person.AsAnotherLearner();
        await _attempts.StartAsync(lessonId);
        _person.AsTestUser();
        var lesson = (await _outline.GetLessonAsync(lessonId)).Value;
        var asText = LessonInput.From(lesson);
        asText.Kind = LessonKind.Markdown;
        asText.Body = "Тепер це текст.";

        var changed = await _outline.UpdateLessonAsync(lessonId, asText, lesson.Version);
        var renamed = await _outline.UpdateLessonAsync(lessonId, new LessonInput { Title = "Перевірка знань", Kind = LessonKind.Quiz }, lesson.Version);

        Assert.Equal("Error:QuizKindHasAttempts", changed.Error!.Key);
        Assert.True(renamed.Succeeded);
        var after = (await _catalogue.GetAsync(courseId)).Value.LessonsInOrder.Single(l => l.Id == lessonId);
        Assert.Equal((LessonKind.Quiz, "Перевірка знань"), (after.Kind, after.Title));
    }

    [Fact]
    public async Task Learners_cannot_take_a_quiz_of_a_draft_and_authors_of_another_oblast_cannot_change_the_bank()
    {
        var (courseId, lessonId, choice, _) = await PublishedQuizAsync();
        var question = (await _bank.ListAsync(courseId)).Value.Single(q => q.Id == choice);
        Assert.True((await _catalogue.UnpublishAsync(courseId, await VersionOfAsync(courseId))).Succeeded);

        _person.AsAnotherLearner();
        var onDraft = await _attempts.StartAsync(lessonId);
        var bankForLearner = await _bank.ListAsync(courseId);
        _person.AsTestUser();
        _host.AsAuthorOf(_units.Lviv.Id);
        var deleteFromLviv = await _bank.DeleteAsync(choice, question.Version);

        Assert.Equal(ErrorKind.NotFound, onDraft.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, bankForLearner.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, deleteFromLviv.Error!.Kind);
    }
}

public sealed class QuizzesOnSqlite(SqliteServer server) : QuizTests(server), IClassFixture<SqliteServer>;

public sealed class QuizzesOnPostgreSql(PostgreSqlServer server) : QuizTests(server), IClassFixture<PostgreSqlServer>;
