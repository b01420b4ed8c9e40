using Bunit;
using TrainingHub.Learning.Pages;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>The learning reports page rendered with bUnit over the real services and a real SQLite database, in Ukrainian.</summary>
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
    public void A_unit_where_nobody_is_enrolled_says_so_instead_of_showing_empty_tables()
    {
        var page = _pages.Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("ще ніхто з цього підрозділу не записаний", page.Find("#reports-empty").TextContent));
        Assert.Empty(page.FindAll("#report-courses"));
    }
}
