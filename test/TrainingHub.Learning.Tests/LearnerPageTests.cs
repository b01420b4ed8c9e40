using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Pages;
using TrainingHub.Learning.Services;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>My learning and the enrol dialog rendered with bUnit over the real services and a real SQLite database, in Ukrainian.</summary>
public sealed class LearnerPageTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private readonly LearningWorld _world = new();
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await LearningHost.StartAsync(_server, _world);
        _host.AsCoordinatorOf(_world.Units.Zhytomyr.Id);
        _pages = new PageRenderer(_host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<(Guid Course, Guid[] Lessons)> PublishedCourseAsync(string title)
    {
        var catalogue = _pages.Get<CourseCatalogue>();
        var outline = _pages.Get<CourseOutline>();
        var id = await catalogue.CreateAsync(title, _world.Units.Zhytomyr.Id);
        var section = await outline.NewSectionAsync(id, "Основи");
        Guid[] lessons = [await outline.NewLessonAsync(section, "Вступ", "Текст"), await outline.NewLessonAsync(section, "Ознаки", "Текст"), await outline.NewLessonAsync(section, "Дії", "Текст")];
        Assert.True((await catalogue.PublishAsync(id, (await catalogue.GetAsync(id)).Value.Version)).Succeeded);
        return (id, lessons);
    }

    [Fact]
    public void Someone_with_no_courses_is_told_what_to_do_next_and_led_to_the_catalogue()
    {
        _host.AsLearner();

        var page = _pages.Render<MyLearningPage>();

        page.WaitForAssertion(() => Assert.Contains("У вас ще немає курсів", page.Find("#my-empty").TextContent));
        Assert.Equal("learning/courses", page.Find("#browse-courses").GetAttribute("href"));
    }

    [Fact]
    public async Task A_course_due_in_five_days_is_shown_as_due_soon_with_its_progress_and_continues_at_the_first_lesson_not_done()
    {
        var (courseId, lessons) = await PublishedCourseAsync("Розпізнавання насильства");
        _world.People.Add("Олена Ковальчук", _world.Units.ZhytomyrCity.Id, id: _host.User.Id);
        var enrolled = await _pages.Get<Enrolments>().EnrolAsync(courseId, new EnrolInput
        {
            Method = EnrolmentMethod.Individual, PersonIds = [_host.User.Id], Due = new DueDateInput { Kind = DueKind.Relative, Days = 5 },
        });
        Assert.Equal(1, enrolled.Value.Enrolled);
        _host.AsLearner();
        Assert.True((await _pages.Get<LessonProgress>().MarkDoneAsync(courseId, lessons[0])).Succeeded);

        var page = _pages.Render<MyLearningPage>();

        page.WaitForAssertion(() => Assert.Contains("Розпізнавання насильства", page.Find("#my-section-DueSoon").TextContent));
        var section = page.Find("#my-section-DueSoon");
        Assert.Contains("Термін спливає за тиждень (1)", section.TextContent);
        Assert.Contains("Уроків: 1 з 3 · 33%", section.TextContent);
        Assert.Contains("Завершити до 7 березня 2026", section.TextContent);
        Assert.Contains("Термін спливає", section.QuerySelector(".th-standing")!.TextContent);
        var continueLink = section.QuerySelector("a[href*='/lessons/']")!;
        Assert.Equal($"learning/courses/{courseId}/lessons/{lessons[1]}", continueLink.GetAttribute("href"));
        Assert.Contains("Продовжити", continueLink.TextContent);
        Assert.Empty(page.FindAll("#my-empty"));
    }

    [Fact]
    public async Task A_coordinator_enrols_a_person_found_by_name_sees_the_counts_and_the_person_in_the_list()
    {
        var (courseId, _) = await PublishedCourseAsync("Перша психологічна допомога");
        _world.People.Add("Андрій Мельник", _world.Units.ZhytomyrCity.Id);
        _world.People.Add("Галина Бойко", _world.Units.Lviv.Id);
        var providers = _pages.RenderProviders();
        var page = _pages.Render<EnrolmentsPage>(p => p.Add(x => x.Id, courseId));
        page.WaitForAssertion(() => Assert.Contains("Із вашого регіону ще нікого не записано", page.Find("#enrolments-empty").TextContent));

        page.Find("#enrol").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#enrol-submit")));
        Assert.Contains("Самостійно записатися на цей курс не можна", providers.Dialogs.Find("#enrol-self-note").TextContent);
        providers.Dialogs.Find("#enrol-submit").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Додайте щонайменше одну людину.", providers.Dialogs.Markup));

        providers.Dialogs.Find("input#enrol-person").Input("мельн");
        providers.Popovers.WaitForAssertion(() => Assert.Contains("Андрій Мельник", providers.Popovers.Markup));
        Assert.DoesNotContain("Галина Бойко", providers.Popovers.Markup);
        providers.Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("Андрій Мельник")).Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Андрій Мельник", providers.Dialogs.Find("#enrol-person-chosen").TextContent));
        providers.Dialogs.Find("#enrol-submit").Click();

        providers.Snackbars.WaitForAssertion(() => Assert.Contains("Записано: 1. Уже були записані: 0.", providers.Snackbars.Markup));
        page.WaitForAssertion(() => Assert.Contains("Андрій Мельник", page.Find("tbody").TextContent));
        Assert.Contains("Триває", page.Find("tbody").TextContent);
    }

    [Fact]
    public async Task A_learner_enrols_in_an_open_course_from_its_page_and_marks_a_lesson_done_to_go_on_to_the_next()
    {
        var (courseId, lessons) = await PublishedCourseAsync("Сімейні форми виховання");
        var catalogue = _pages.Get<CourseCatalogue>();
        var course = (await catalogue.GetAsync(courseId)).Value;
        var input = CourseInput.From(course);
        input.OpenForSelfEnrolment = true;
        Assert.True((await catalogue.UpdateAsync(courseId, input, course.Version)).Succeeded);
        _host.AsLearner();

        var overview = _pages.Render<CourseOverview>(p => p.Add(x => x.Id, courseId));
        overview.WaitForAssertion(() => Assert.NotNull(overview.Find("#self-enrol")));
        overview.Find("#self-enrol").Click();
        overview.WaitForAssertion(() => Assert.Contains("Уроків: 0 з 3 · 0%", overview.Find("#course-progress").TextContent));
        Assert.Equal($"learning/courses/{courseId}/lessons/{lessons[0]}", overview.Find("#continue").GetAttribute("href"));

        var lesson = _pages.Render<LessonPage>(p => p.Add(x => x.Id, courseId).Add(x => x.LessonId, lessons[0]));
        lesson.WaitForAssertion(() => Assert.NotNull(lesson.Find("#mark-done")));
        lesson.Find("#mark-done").Click();

        var navigation = _pages.Context.Services.GetRequiredService<NavigationManager>();
        lesson.WaitForAssertion(() => Assert.EndsWith($"learning/courses/{courseId}/lessons/{lessons[1]}", navigation.Uri));
        Assert.Equal(33, (await _pages.Get<LessonProgress>().GetAsync(courseId)).Value.ProgressPercent);
    }
}
