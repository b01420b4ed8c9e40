using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Home;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>Learning's parts of the home page rendered with bUnit over the real services and a real SQLite database, in Ukrainian.</summary>
public sealed class HomePartTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private readonly LearningWorld _world = new();
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    private Units Units => _world.Units;

    public async ValueTask InitializeAsync()
    {
        _host = await LearningHost.StartAsync(_server, _world);
        _host.AsCoordinatorOf(Units.Zhytomyr.Id);
        _pages = new PageRenderer(_host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>The report's learners (one of them overdue in Zhytomyr City), and a learner of Lviv three days overdue in the same course.</summary>
    private async Task SeedWithOverdueInLvivAsync()
    {
        var courseId = await ReportTests.SeedAsync(_host, _world);
        var lviv = _world.People.Add("Тарас Левицький", Units.Lviv.Id);
        await using var db = _host.Get<IDbContextFactory<LearningDbContext>>().CreateDbContext();
        var now = _world.Clock.GetUtcNow();
        db.Enrolments.Add(new Enrolment
        {
            PersonId = lviv.Id, CourseId = courseId, EnrolledBy = lviv.Id, EnrolledAt = now.AddDays(-20), DueAt = now.AddDays(-3),
            Status = EnrolmentStatus.Active, Method = EnrolmentMethod.Self,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_supervisor_sees_the_overdue_learners_of_their_hromada_with_the_course_and_days_each_leading_to_the_overdue_list()
    {
        await SeedWithOverdueInLvivAsync();
        _host.AsSupervisorOf(Units.ZhytomyrCity.Id);

        var part = _pages.Render<OverdueLearnersPart>();

        part.WaitForAssertion(() => Assert.Single(part.FindAll(".th-overdue-learner")));
        var learner = part.Find(".th-overdue-learner");
        Assert.Contains("Богдана Савчук", learner.TextContent);
        Assert.Equal("Перша психологічна допомога · днів прострочено: 5", learner.QuerySelector(".mud-text-secondary")!.TextContent.Trim());
        Assert.DoesNotContain("Тарас Левицький", part.Markup);
        Assert.Equal("1", part.Find("#home-learning-overdue .mud-chip").TextContent.Trim());
        Assert.Equal($"learning/overdue?search={Uri.EscapeDataString("Богдана Савчук")}", learner.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("learning/overdue", part.Find("#home-learning-overdue-all").GetAttribute("href"));
    }

    [Fact]
    public void With_nobody_overdue_the_part_says_so()
    {
        _host.AsSupervisorOf(Units.ZhytomyrCity.Id);

        var part = _pages.Render<OverdueLearnersPart>();

        part.WaitForAssertion(() => Assert.Equal("Ніхто у ваших підрозділах не прострочив курс.", part.Find("#home-learning-overdue-none").TextContent.Trim()));
        Assert.Equal("0", part.Find("#home-learning-overdue .mud-chip").TextContent.Trim());
    }

    [Fact]
    public async Task Completion_counts_the_hromada_for_its_supervisor_and_the_whole_oblast_for_its_coordinator_as_the_report_does()
    {
        await SeedWithOverdueInLvivAsync();
        _host.AsSupervisorOf(Units.ZhytomyrCity.Id);

        var hromada = _pages.Render<CourseCompletionPart>();

        hromada.WaitForAssertion(() => Assert.Equal("Завершено 33%", hromada.Find("#home-learning-completion-rate").TextContent.Trim()));
        Assert.Equal("1 з 3 записів на курси: Житомирська міська громада", hromada.Find("#home-learning-completion-area").TextContent.Trim());
        Assert.Equal("Навчаються: 1 · прострочили: 1", hromada.Find("#home-learning-completion-figures").TextContent.Trim());
        Assert.Equal("learning/reports", hromada.Find("#home-learning-completion-all").GetAttribute("href"));

        _host.AsCoordinatorOf(Units.Zhytomyr.Id);
        var oblast = _pages.Render<CourseCompletionPart>();

        // The oblast's learner in progress counts too; Lviv's overdue learner does not.
        oblast.WaitForAssertion(() => Assert.Equal("Завершено 25%", oblast.Find("#home-learning-completion-rate").TextContent.Trim()));
        Assert.Equal("1 з 4 записів на курси: Житомирська область", oblast.Find("#home-learning-completion-area").TextContent.Trim());
    }

    [Fact]
    public void With_nobody_enrolled_the_completion_part_says_how_people_are_enrolled()
    {
        _host.AsCoordinatorOf(Units.Zhytomyr.Id);

        var part = _pages.Render<CourseCompletionPart>();

        part.WaitForAssertion(() => Assert.Contains("ще ніхто не записаний на курс", part.Find("#home-learning-completion-none").TextContent));
        Assert.Empty(part.FindAll("#home-learning-completion-rate"));
    }

    [Fact]
    public void A_learner_without_the_permission_gets_neither_part()
    {
        _host.AsLearner();

        Assert.Empty(_pages.Render<OverdueLearnersPart>().Markup.Trim());
        Assert.Empty(_pages.Render<CourseCompletionPart>().Markup.Trim());
    }
}
