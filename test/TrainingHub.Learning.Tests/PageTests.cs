using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Pages;
using TrainingHub.Learning.Services;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>The course editor and the lesson view rendered with bUnit over the real services and a real SQLite database, in Ukrainian.</summary>
public sealed class PageTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private readonly Units _units = new();
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;
    private CourseCatalogue _catalogue = null!;
    private CourseOutline _outline = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await LearningHost.StartAsync(_server, _units);
        _host.AsAuthorOf(_units.Zhytomyr.Id);
        _pages = new PageRenderer(_host);
        _catalogue = _pages.Get<CourseCatalogue>();
        _outline = _pages.Get<CourseOutline>();
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : IComponent => _pages.Render(parameters);

    /// <summary>The lesson as "Preview as a learner" opens it; only authors of the course get the preview.</summary>
    private IRenderedComponent<LessonPage> RenderPreviewOfLesson(Guid courseId, Guid lessonId)
    {
        _pages.Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"learning/courses/{courseId}/lessons/{lessonId}?preview=true");
        return Render<LessonPage>(p => p.Add(x => x.Id, courseId).Add(x => x.LessonId, lessonId));
    }

    private async Task<(Guid Course, Guid Lesson)> CourseWithLessonAsync(LessonInput lesson, bool publish = true, bool open = false)
    {
        var courseId = (await _catalogue.CreateAsync(new CourseInput
        {
            Title = "Перша психологічна допомога", OwningUnitId = _units.ZhytomyrCity.Id, OpenForSelfEnrolment = open,
        })).Value;
        var sectionId = await _outline.NewSectionAsync(courseId, "Основи");
        await _outline.NewLessonAsync(sectionId, "Вступ", "Кілька слів про курс.");
        var lessonId = (await _outline.AddLessonAsync(sectionId, lesson)).Value;
        if (publish)
        {
            Assert.True((await _catalogue.PublishAsync(courseId, (await _catalogue.GetAsync(courseId)).Value.Version)).Succeeded);
        }
        return (courseId, lessonId);
    }

    [Fact]
    public async Task A_lesson_saved_the_moment_its_text_is_typed_keeps_all_of_it()
    {
        var courseId = await _catalogue.CreateAsync("Розпізнавання насильства", _units.ZhytomyrCity.Id);
        await _outline.NewSectionAsync(courseId, "Ознаки");
        _pages.RenderProviders();
        var page = Render<CourseEditor>(p => p.Add(x => x.Id, courseId));
        page.WaitForAssertion(() => Assert.Contains("1. Ознаки", page.Markup));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Додати урок").Click();
        page.Find("#lesson-title").Change("Фізичні ознаки");
        page.Find("#lesson-body").Input("Зверніть увагу на синці різної давності.");
        page.Find("#lesson-editor form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Фізичні ознаки", page.Find(".th-lesson-list").TextContent));
        var lessonId = (await _catalogue.GetAsync(courseId)).Value.LessonsInOrder.Single().Id;
        Assert.Equal("Зверніть увагу на синці різної давності.", (await _outline.GetLessonAsync(lessonId)).Value.Body);
    }

    [Fact]
    public async Task A_learner_reads_a_lesson_with_its_formatting_but_nothing_from_the_pasted_script_and_no_lock_marker()
    {
        var (courseId, lessonId) = await CourseWithLessonAsync(new LessonInput
        {
            Title = "Як говорити з дитиною",
            Body = "Говоріть **спокійно**.\n\n<script>alert('xss')</script>\n\n<img src=x onerror=alert(1)>\n\n[Лист](javascript:alert(1))",
            RequiresPrevious = true,
        }, open: true);
        _host.AsLearner();
        Assert.True((await _host.Get<Enrolments>().EnrolSelfAsync(courseId)).Succeeded);
        Assert.True((await _host.Get<LessonProgress>().MarkDoneAsync(courseId, (await _catalogue.GetAsync(courseId)).Value.LessonsInOrder.First().Id)).Succeeded);

        var page = RenderPreviewOfLesson(courseId, lessonId);

        page.WaitForAssertion(() => Assert.Contains("Як говорити з дитиною", page.Find("h1").TextContent));
        var content = page.Find("#lesson-content");
        Assert.Contains("<strong>спокійно</strong>", content.InnerHtml);
        Assert.Empty(content.QuerySelectorAll("script"));
        Assert.DoesNotContain("onerror", content.InnerHtml);
        Assert.DoesNotContain("javascript:", content.InnerHtml);
        Assert.Equal("Урок 2 з 2 · Основи", page.Find("#lesson-position").TextContent);
        Assert.NotNull(page.Find("#previous-lesson"));
        Assert.Empty(page.FindAll("#locked-marker"));
        Assert.Empty(page.FindAll("#preview-banner"));
    }

    [Fact]
    public async Task A_YouTube_lesson_plays_from_the_no_cookie_domain_and_the_author_previewing_sees_the_lock()
    {
        var (courseId, lessonId) = await CourseWithLessonAsync(new LessonInput
        {
            Title = "Відео: стабілізація", Kind = LessonKind.ExternalVideo, VideoUrl = "https://www.youtube.com/watch?v=dQw4w9WgXcQ", RequiresPrevious = true,
        }, publish: false);

        var page = RenderPreviewOfLesson(courseId, lessonId);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#video-player")));
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", page.Find("#video-player").GetAttribute("src"));
        Assert.Equal("Відео: стабілізація", page.Find("#video-player").GetAttribute("title"));
        Assert.Contains("після того, як вони завершать попередній", page.Find("#locked-marker").TextContent);
        Assert.NotNull(page.Find("#preview-banner"));
        Assert.NotNull(page.Find("#finish"));
    }

    [Fact]
    public async Task An_author_adds_a_lesson_sees_its_preview_and_publishes_the_course_after_confirming()
    {
        var courseId = await _catalogue.CreateAsync("Розпізнавання насильства", _units.ZhytomyrCity.Id);
        await _outline.NewSectionAsync(courseId, "Ознаки");
        var dialogs = _pages.RenderProviders().Dialogs;
        var page = Render<CourseEditor>(p => p.Add(x => x.Id, courseId));
        page.WaitForAssertion(() => Assert.Contains("1. Ознаки", page.Markup));

        page.Find("#publish").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Опублікувати «Розпізнавання насильства»?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Опублікувати").Click();
        page.WaitForAssertion(() => Assert.Contains("Курс без уроків не можна опублікувати", page.Find("#course-error").TextContent));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Додати урок").Click();
        page.Find("#lesson-title").Change("Фізичні ознаки");
        page.Find("#lesson-body").Input("Зверніть увагу на **синці** різної давності.<script>alert(1)</script>");
        page.WaitForAssertion(() => Assert.Contains("<strong>синці</strong>", page.Find("#lesson-preview").InnerHtml));
        Assert.DoesNotContain("<script", page.Find("#lesson-preview").InnerHtml);
        page.Find("#lesson-editor form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Фізичні ознаки", page.Find(".th-lesson-list").TextContent));
        Assert.Equal("Фізичні ознаки", (await _catalogue.GetAsync(courseId)).Value.LessonsInOrder.Single().Title);

        page.Find("#publish").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Опублікувати «Розпізнавання насильства»?", dialogs.Markup));
        Assert.Equal(CourseStatus.Draft, (await _catalogue.GetAsync(courseId)).Value.Status);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Опублікувати").Click();

        page.WaitForAssertion(() => Assert.Equal("Опубліковано", page.Find("#course-status").TextContent.Trim()));
        Assert.Equal(CourseStatus.Published, (await _catalogue.GetAsync(courseId)).Value.Status);
        Assert.NotNull(page.Find("#unpublish"));
    }

    [Fact]
    public async Task A_coordinator_of_another_oblast_cannot_open_the_editor_of_a_course_they_can_only_read()
    {
        var (courseId, _) = await CourseWithLessonAsync(new LessonInput { Title = "Урок" }, open: true);
        _host.AsAuthorOf(_units.Lviv.Id);

        var page = Render<CourseEditor>(p => p.Add(x => x.Id, courseId));

        page.WaitForAssertion(() => Assert.Contains("У вас немає дозволу", page.Find("#load-error").TextContent));
        Assert.Empty(page.FindAll("#course-title"));
    }
}
