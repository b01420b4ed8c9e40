using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Learning.Pages;
using TrainingHub.Learning.Services;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>The learning reports page, and the links to it from a course, rendered with bUnit over the real services and a real SQLite database, in Ukrainian.</summary>
public sealed class ReportPageTests : IAsyncLifetime
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

    [Fact]
    public async Task The_oblast_report_shows_the_figures_per_course_and_per_hromada_in_tables_beside_the_chart_with_export_links()
    {
        await ReportTests.SeedAsync(_host, _world);
        _pages.RenderProviders();

        var page = _pages.Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("записано 4, навчаються 2, завершили 1, прострочили 1", page.Find("#report-total").TextContent));
        Assert.Equal(["Перша психологічна допомога", "4", "2", "1", "1", "88%"], page.FindAll("#report-courses tbody tr td").Select(c => c.TextContent.Trim()));
        Assert.Equal(
            ["Житомирська область", "1", "1", "0", "0", "—", "Житомирська міська громада", "3", "1", "1", "1", "88%"],
            page.FindAll("#report-units tbody tr td").Select(c => c.TextContent.Trim()));
        Assert.NotEmpty(page.FindAll(".mud-chart svg"));
        Assert.Equal($"learning/reports/export?unit={_world.Units.Zhytomyr.Id}&course=&format=xlsx", page.Find("#export-xlsx").GetAttribute("href"));
    }

    [Fact]
    public async Task A_report_opened_from_a_course_shows_that_course_only()
    {
        var courseId = await ReportTests.SeedAsync(_host, _world);
        var supervision = await _host.CreatePublishedAsync("Супервізія в соціальній роботі", _world.Units.Zhytomyr.Id);
        var supervisor = _world.People.Add("Ірина Ткаченко", _world.Units.ZhytomyrCity.Id);
        Assert.True((await _host.Get<Enrolments>().EnrolAsync(supervision, new EnrolInput { PersonIds = [supervisor.Id] })).Succeeded);
        _pages.RenderProviders();
        _pages.Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"learning/reports?course={courseId}");

        var page = _pages.Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("записано 4", page.Find("#report-total").TextContent));
        Assert.Equal("Перша психологічна допомога", page.Find("#report-courses tbody tr td").TextContent.Trim());
        Assert.Single(page.FindAll("#report-courses tbody tr"));
        Assert.Equal($"learning/reports/export?unit={_world.Units.Zhytomyr.Id}&course={courseId}&format=csv", page.Find("#export-csv").GetAttribute("href"));
    }

    [Fact]
    public async Task A_supervisor_follows_the_report_link_from_a_course_her_people_take_and_others_see_no_such_link()
    {
        var courseId = await ReportTests.SeedAsync(_host, _world);
        var unattended = await _host.CreatePublishedAsync("Супервізія в соціальній роботі", _world.Units.Zhytomyr.Id);
        _world.People.Add("Олена Ковальчук", _world.Units.ZhytomyrCity.Id, id: _host.User.Id);
        Assert.True((await _host.Get<Enrolments>().EnrolAsync(courseId, new EnrolInput { PersonIds = [_host.User.Id] })).Succeeded);
        _pages.RenderProviders();

        var editor = _pages.Render<CourseEditor>(p => p.Add(x => x.Id, courseId));
        editor.WaitForAssertion(() => Assert.Equal($"learning/reports?course={courseId}", editor.Find("#course-report").GetAttribute("href")));
        Assert.Equal("Звіт", editor.Find("#course-report").TextContent.Trim());

        _host.AsSupervisorOf(_world.Units.ZhytomyrCity.Id);
        var overview = _pages.Render<CourseOverview>(p => p.Add(x => x.Id, courseId));
        overview.WaitForAssertion(() => Assert.Equal($"learning/reports?course={courseId}", overview.Find("#course-report").GetAttribute("href")));

        // A Lviv coordinator sees the Zhytomyr course to enrol people in it, but nobody of Lviv takes it: no report of it is hers.
        _host.AsCoordinatorOf(_world.Units.Lviv.Id);
        var foreign = _pages.Render<CourseOverview>(p => p.Add(x => x.Id, unattended));
        foreign.WaitForAssertion(() => Assert.NotEmpty(foreign.FindAll("#manage-enrolments")));
        Assert.Empty(foreign.FindAll("#course-report"));

        // Olena learns in the course herself, and follows nobody's progress.
        _host.AsLearner();
        var learner = _pages.Render<CourseOverview>(p => p.Add(x => x.Id, courseId));
        learner.WaitForAssertion(() => Assert.NotEmpty(learner.FindAll("#course-progress-panel")));
        Assert.Empty(learner.FindAll("#course-report"));
    }

    [Fact]
    public void A_unit_where_nobody_is_enrolled_says_so_instead_of_showing_empty_tables()
    {
        var page = _pages.Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("ще ніхто з цього підрозділу не записаний", page.Find("#reports-empty").TextContent));
        Assert.Empty(page.FindAll("#report-courses"));
    }
}
