using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// A course from its first line to the learner's record: a coordinator builds it with a quiz, maps it to a competency of
/// the demo framework and enrols a hromada; a volunteer there takes it on her phone; the completion becomes evidence on
/// her competencies page and a figure in the coordinator's report.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LearningJourneyTests(BrowserSession session)
{
    private const string Title = "Перший візит до родини";
    private const string Hromada = "Коростенська міська громада";
    private const string Learner = "t.shevchuk@traininghub.example";

    [Fact]
    public async Task A_coordinator_builds_and_assigns_a_course_a_volunteer_completes_it_on_her_phone_and_both_see_the_result()
    {
        var coordinator = await session.NewPageAsync();
        await coordinator.SignInAsync("coordinator@traininghub.example");
        await BuildCourseAsync(coordinator);
        await EnrolHromadaAsync(coordinator);

        var learner = await session.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await learner.SignInAsync(Learner);
        await TakeCourseAsync(learner);

        await learner.OpenAsync("/competencies/my");
        var competency = learner.Locator("[data-code='CP.2.1']");
        await Assertions.Expect(competency.Locator(".th-evidence")).ToContainTextAsync($"Пройдений курс · {Title}");
        await learner.AssertFitsScreenAsync();
        await learner.AssertAccessibleAsync();
        await learner.GetByRole(AriaRole.Button, new() { Name = "Вийти" }).ClickAsync();
        await learner.WaitForURLAsync(url => url.Contains("/account/login"), PageActions.Committed);

        await coordinator.OpenAsync("/learning/reports");
        await coordinator.ChooseAsync("report-unit", Hromada);
        await coordinator.ChooseAsync("report-course", Title);
        var row = coordinator.Locator("#report-courses tbody tr", new() { HasText = Title });
        await Assertions.Expect(row.Locator("td[data-label='Завершили']")).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("td[data-label='Середній бал за тести, %']")).ToHaveTextAsync("100%");
        await Assertions.Expect(coordinator.Locator("#report-total")).ToContainTextAsync(Hromada);
        await coordinator.AssertAccessibleAsync();
    }

    private static async Task BuildCourseAsync(IPage page)
    {
        await page.OpenAsync("/learning/courses");
        await page.Locator("#new-course").ClickAsync();
        await page.Locator("#new-course-title").FillAsync(Title);
        await page.Locator("#create-course").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await page.WaitUntilInteractiveAsync();

        await page.Locator("#new-section-title").FillAsync("Підготовка");
        await page.Locator("#add-section").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Додати урок до розділу «Підготовка»" }).ClickAsync();
        await page.Locator("#lesson-title").FillAsync("Що взяти з собою");
        await page.Locator("#lesson-body").FillAsync("Перед візитом перечитайте **план**: мета, час і хто буде вдома.");
        await Assertions.Expect(page.Locator("#lesson-preview strong")).ToHaveTextAsync("план");
        await page.Locator("#save-lesson").ClickAsync();
        await Assertions.Expect(page.Locator(".th-lesson-list")).ToContainTextAsync("Що взяти з собою");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Банк питань" }).ClickAsync();
        await page.Locator("#add-question").ClickAsync();
        await page.Locator("#question-text").FillAsync("Що треба перечитати перед візитом?");
        await Assertions.Expect(page.Locator("#question-preview")).ToHaveTextAsync("Що треба перечитати перед візитом?");
        await page.Locator("#option-text-0").FillAsync("План візиту");
        await page.Locator("#option-text-1").FillAsync("Нічого");
        await page.Locator("#option-correct-0").ClickAsync();
        await page.Locator("#save-question").ClickAsync();
        await Assertions.Expect(page.Locator("#bank-list")).ToContainTextAsync("Що треба перечитати перед візитом?");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Розділи та уроки" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Додати урок до розділу «Підготовка»" }).ClickAsync();
        await page.Locator("#lesson-title").FillAsync("Перевірте себе");
        await page.Locator("#lesson-kind-Quiz").ClickAsync();
        await page.Locator("#save-lesson").ClickAsync();
        await page.Locator("#quiz-add-all").ClickAsync();
        await page.Locator("#save-quiz").ClickAsync();
        await Assertions.Expect(page.Locator("#quiz-questions li")).ToHaveCountAsync(1);
        await page.Locator("#close-lesson").ClickAsync();

        await page.Locator("#mapping-competency").FillAsync("CP.2.1");
        await page.GetByRole(AriaRole.Option, new() { Name = "CP.2.1 Перший контакт із сім'єю" }).ClickAsync();
        await Assertions.Expect(page.Locator("#mapping-competency")).ToHaveValueAsync("CP.2.1 Перший контакт із сім'єю");
        await page.ChooseAsync("mapping-level", "Обізнаність");
        await page.Locator("#add-mapping").ClickAsync();
        await Assertions.Expect(page.Locator("#course-competencies")).ToContainTextAsync("CP.2.1");
        await page.AssertAccessibleAsync();

        await page.Locator("#publish").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Опублікувати" }).ClickAsync();
        await Assertions.Expect(page.Locator("#course-status")).ToHaveTextAsync("Опубліковано");
    }

    private static async Task EnrolHromadaAsync(IPage page)
    {
        await page.Locator("#enrolments").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Записи на курс");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#enrol").ClickAsync();
        await page.Locator("#enrol-method-Unit").ClickAsync();
        await page.ChooseAsync("enrol-unit", Hromada);
        await page.Locator("#enrol-due-Relative").ClickAsync();
        await page.Locator("#enrol-due-days").FillAsync("30");
        await page.AssertAccessibleAsync();
        await page.Locator("#enrol-submit").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Тетяна Шевчук" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    private static async Task TakeCourseAsync(IPage page)
    {
        await page.OpenAsync("/learning/my");
        var card = page.Locator(".th-learning-card", new() { HasText = Title });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await page.AssertFitsScreenAsync();
        await page.AssertAccessibleAsync();
        await card.GetByRole(AriaRole.Link).Last.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Що взяти з собою");
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("#lesson-content strong")).ToHaveTextAsync("план");
        await page.AssertFitsScreenAsync();
        await page.AssertAccessibleAsync();
        await page.Locator("#mark-done").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Перевірте себе");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#start-quiz").ClickAsync();
        await page.GetByLabel("План візиту").CheckAsync();
        await Assertions.Expect(page.Locator("#quiz-answered")).ToHaveTextAsync("Відповіли: 1 з 1");
        await page.AssertFitsScreenAsync();
        await page.AssertAccessibleAsync();
        await page.Locator("#submit-quiz").ClickAsync();
        await Assertions.Expect(page.Locator("#quiz-result")).ToContainTextAsync("100");
        await Assertions.Expect(page.Locator("#lesson-progress-text")).ToHaveTextAsync("Уроків: 2 з 2 · 100%");
        await page.AssertFitsScreenAsync();
        await page.AssertAccessibleAsync();

        await page.OpenAsync("/learning/my");
        await Assertions.Expect(page.Locator("#my-section-Completed")).ToContainTextAsync(Title);
    }
}
