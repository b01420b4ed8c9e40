using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Pages;
using TrainingHub.Learning.Pages.Quizzes;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>The quiz player and the question editor rendered with bUnit over the real services and SQLite, in Ukrainian.</summary>
public sealed class QuizPageTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private readonly Units _units = new();
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;
    private SwitchablePerson _person = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await LearningHost.StartAsync(_server, _units, services =>
        {
            services.AddSingleton(sp => new SwitchablePerson(sp.GetRequiredService<TestUser>()));
            services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<SwitchablePerson>());
        });
        _host.AsAuthorOf(_units.Zhytomyr.Id);
        _person = _host.Services.GetRequiredService<SwitchablePerson>();
        _pages = new PageRenderer(_host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>A published course with a quiz of a single-choice question (with feedback) and a short answer.</summary>
    private async Task<(Guid Course, Guid Lesson)> PublishedQuizAsync()
    {
        var catalogue = _pages.Get<CourseCatalogue>();
        var outline = _pages.Get<CourseOutline>();
        var bank = _pages.Get<QuestionBank>();
        var courseId = await catalogue.CreateAsync("Перша психологічна допомога", _units.ZhytomyrCity.Id, open: true);
        var sectionId = await outline.NewSectionAsync(courseId, "Основи");
        var lessonId = await outline.NewQuizLessonAsync(sectionId, "Підсумковий тест");
        var choice = await bank.NewQuestionAsync(courseId, QuizBuilders.SingleChoice("Перший крок допомоги?", "Забезпечити безпеку", "Розпитати про подробиці"));
        var shortAnswer = await bank.NewQuestionAsync(courseId, QuizBuilders.ShortAnswer("Як зветься ця допомога одним словом?", "підтримка"));
        await _pages.Get<QuizAuthoring>().SetUpAsync(lessonId, new QuizSettingsInput { QuestionIds = [choice, shortAnswer], PassMarkPercent = 50 });
        Assert.True((await catalogue.PublishAsync(courseId, (await catalogue.GetAsync(courseId)).Value.Version)).Succeeded);
        return (courseId, lessonId);
    }

    [Fact]
    public async Task A_question_saved_the_moment_its_text_is_typed_keeps_all_of_it()
    {
        var courseId = await _pages.Get<CourseCatalogue>().CreateAsync("Розпізнавання насильства", _units.ZhytomyrCity.Id);
        _pages.RenderProviders();
        var bank = _pages.Render<QuestionBankPanel>(p => p.Add(x => x.CourseId, courseId));
        bank.WaitForAssertion(() => Assert.NotNull(bank.Find("#bank-empty")));

        bank.Find("#add-question").Click();
        bank.Find("#option-text-0").Change("Службі у справах дітей");
        bank.Find("#option-text-1").Change("Нікому");
        bank.Find("#option-correct-0").Change(true);
        bank.Find("#question-text").Input("Кому повідомити про підозру насильства?");
        bank.Find("#question-editor form").Submit();

        bank.WaitForAssertion(() => Assert.Empty(bank.FindAll("#question-editor")));
        Assert.Equal("Кому повідомити про підозру насильства?", (await _pages.Get<QuestionBank>().ListAsync(courseId)).Value.Single().Text);
    }

    [Fact]
    public async Task A_learner_answers_is_asked_to_confirm_with_a_question_unanswered_and_then_sees_the_review_with_feedback()
    {
        var (_, lessonId) = await PublishedQuizAsync();
        _person.AsAnotherLearner();
        var providers = _pages.RenderProviders();
        var player = _pages.Render<QuizPlayer>(p => p.Add(x => x.LessonId, lessonId));
        player.WaitForAssertion(() => Assert.Contains("Щоб скласти, потрібно 50% балів", player.Find("#quiz-rules").TextContent));

        player.Find("#start-quiz").Click();
        player.WaitForAssertion(() => Assert.Equal("Питання 1 з 2", player.Find("legend strong").TextContent));
        Assert.DoesNotContain("Відгук", player.Markup);
        Assert.DoesNotContain("підтримка", player.Markup);
        player.FindAll("label").Single(l => l.TextContent == "Забезпечити безпеку").ParentElement!.QuerySelector("input")!.Change(true);
        player.WaitForAssertion(() => Assert.Equal("Відповіли: 1 з 2", player.Find("#quiz-answered").TextContent));
        var attempt = (await _pages.Get<QuizAttempts>().GetOverviewAsync(lessonId)).Value.OpenAttemptId!.Value;
        Assert.Single((await _pages.Get<QuizAttempts>().GetPaperAsync(attempt)).Value.Answers);

        player.Find("#quiz-form").Submit();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Питань без відповіді: 1.", providers.Dialogs.Markup));
        providers.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Повернутися до питань").Click();
        player.Find("#answer-1").Change("ПІДТРИМКА ");
        player.WaitForAssertion(() => Assert.Equal("Відповіли: 2 з 2", player.Find("#quiz-answered").TextContent));
        player.Find("#quiz-form").Submit();

        player.WaitForAssertion(() => Assert.Contains("Тест складено.", player.Find("#quiz-result").TextContent));
        Assert.Contains("2 з 2 балів (100%)", player.Find("#quiz-result").TextContent);
        Assert.Equal("Відгук: Забезпечити безпеку", player.Find(".option-feedback").TextContent);
        Assert.Contains("Загальний відгук: Перший крок допомоги?", player.Find(".question-feedback").TextContent);
        Assert.Contains("підтримка", player.Find("#review-2").TextContent);
        player.Find("#back-to-quiz").Click();
        player.WaitForAssertion(() => Assert.Contains("Ваш найкращий результат: 100%", player.Find("#quiz-best").TextContent));
    }

    [Fact]
    public async Task Passing_the_last_quiz_shows_the_course_finished_on_the_lesson_page_at_once()
    {
        var (courseId, lessonId) = await PublishedQuizAsync();
        _person.AsAnotherLearner();
        Assert.True((await _pages.Get<Enrolments>().EnrolSelfAsync(courseId)).Succeeded);
        _pages.RenderProviders();
        var page = _pages.Render<LessonPage>(p => p.Add(x => x.Id, courseId).Add(x => x.LessonId, lessonId));
        page.WaitForAssertion(() => Assert.Equal("Уроків: 0 з 1 · 0%", page.Find("#lesson-progress-text").TextContent));

        page.Find("#start-quiz").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#answer-1")));
        page.FindAll("label").Single(l => l.TextContent == "Забезпечити безпеку").ParentElement!.QuerySelector("input")!.Change(true);
        page.Find("#answer-1").Change("підтримка");
        page.WaitForAssertion(() => Assert.Equal("Відповіли: 2 з 2", page.Find("#quiz-answered").TextContent));
        page.Find("#quiz-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Тест складено.", page.Find("#quiz-result").TextContent));
        page.WaitForAssertion(() => Assert.Equal("Уроків: 1 з 1 · 100%", page.Find("#lesson-progress-text").TextContent));
        Assert.NotNull(page.Find("#lesson-done"));
        Assert.Equal(Standing.Completed, (await _pages.Get<LessonProgress>().GetAsync(courseId)).Value.Standing);
    }

    [Fact]
    public async Task An_author_who_deletes_a_quiz_learners_have_taken_is_told_why_it_stays()
    {
        var (courseId, lessonId) = await PublishedQuizAsync();
        _person.AsAnotherLearner();
        Assert.True((await _pages.Get<QuizAttempts>().StartAsync(lessonId)).Succeeded);
        _person.AsTestUser();
        var dialogs = _pages.RenderProviders().Dialogs;
        var outline = _pages.Render<CourseOutlineEditor>(p => p.Add(x => x.CourseId, courseId));
        outline.WaitForAssertion(() => Assert.Contains("Підсумковий тест", outline.Markup));

        outline.Find("button[aria-label='Видалити урок «Підсумковий тест»']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Видалити урок?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Видалити").Click();

        outline.WaitForAssertion(() => Assert.Equal(
            "Цей тест уже проходили, тому його не можна видалити: результати слухачів буде втрачено.", outline.Find("#outline-error").TextContent.Trim()));
        Assert.Contains("Підсумковий тест", outline.Find(".th-lesson-list").TextContent);
        Assert.Single((await _pages.Get<CourseCatalogue>().GetAsync(courseId)).Value.LessonsInOrder);
    }

    [Fact]
    public async Task An_author_writes_a_single_choice_question_and_is_told_it_lacks_a_correct_answer_until_one_is_marked()
    {
        var courseId = await _pages.Get<CourseCatalogue>().CreateAsync("Розпізнавання насильства", _units.ZhytomyrCity.Id);
        _pages.RenderProviders();
        var bank = _pages.Render<QuestionBankPanel>(p => p.Add(x => x.CourseId, courseId));
        bank.WaitForAssertion(() => Assert.NotNull(bank.Find("#bank-empty")));

        bank.Find("#add-question").Click();
        bank.Find("#question-text").Input("Кому повідомити про **підозру** насильства?");
        bank.Find("#option-text-0").Change("Службі у справах дітей");
        bank.Find("#option-text-1").Change("Нікому");
        bank.WaitForAssertion(() => Assert.Contains("<strong>підозру</strong>", bank.Find("#question-preview").InnerHtml));
        Assert.Contains("позначте рівно одну правильну відповідь", bank.Find("#question-problem").TextContent);
        bank.Find("#option-correct-0").Change(true);
        bank.WaitForAssertion(() => Assert.Empty(bank.FindAll("#question-problem")));
        bank.Find("#option-feedback-0").Change("Так, це їхній обов’язок.");
        bank.Find("#question-editor form").Submit();

        bank.WaitForAssertion(() => Assert.Contains("Кому повідомити про підозру насильства?", bank.Find("#bank-list").TextContent));
        var saved = (await _pages.Get<QuestionBank>().ListAsync(courseId)).Value.Single();
        Assert.Equal((QuestionKind.SingleChoice, null), (saved.Kind, saved.Problem));
        Assert.Equal([("Службі у справах дітей", true, "Так, це їхній обов’язок."), ("Нікому", false, null)],
            saved.Options.Select(o => (o.Text, o.IsCorrect, o.Feedback)));
    }

    [Fact]
    public async Task A_question_without_text_or_with_an_empty_answer_is_not_saved_and_the_form_says_why()
    {
        var courseId = await _pages.Get<CourseCatalogue>().CreateAsync("Розпізнавання насильства", _units.ZhytomyrCity.Id);
        var bank = _pages.Render<QuestionBankPanel>(p => p.Add(x => x.CourseId, courseId));
        bank.WaitForAssertion(() => Assert.NotNull(bank.Find("#add-question")));

        bank.Find("#add-question").Click();
        bank.Find("#question-editor form").Submit();

        bank.WaitForAssertion(() => Assert.Contains("Введіть питання.", bank.Find("#question-editor").TextContent));
        Assert.Contains("Кожна відповідь має містити текст", bank.Find("#options-error").TextContent);
        Assert.Empty((await _pages.Get<QuestionBank>().ListAsync(courseId)).Value);
    }
}
