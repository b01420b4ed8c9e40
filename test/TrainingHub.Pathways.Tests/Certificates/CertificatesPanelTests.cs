using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Data;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Certificates;

/// <summary>
/// Vasyl's certificates panel as his social assistant's certificate nears its expiry: what renewal asks, what he has
/// and where to go for what he lacks; once he has it, he renews from the panel and finds the new certificate listed.
/// </summary>
public sealed class CertificatesPanelTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private static readonly CourseReference Refresher = new(Guid.NewGuid(), "Child protection refresher", null, null, false);

    private PathwayScenario _scenario = null!;
    private DateOnly _today;

    private ModuleTestHost Host => _scenario.Host;

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server);
        await _scenario.ApproveAsync();
        _scenario.Others.Courses.Add(Refresher);
        _today = DailyRuns.DayOf(DateTimeOffset.UtcNow);
        await using var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        await db.Certificates.ExecuteUpdateAsync(c => c.SetProperty(x => x.ValidUntil, _today.AddDays(30)));
        var template = await db.Templates.SingleAsync(t => t.Code == PathwayScenario.Pathway);
        await db.Stages.Where(s => s.TemplateId == template.Id && s.Position == 3)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RenewalCpdHours, 20m).SetProperty(x => x.RenewalCourseId, Refresher.Id));
        _scenario.Others.YearRecords[(_scenario.Vasyl, _today.Year)] = new SupervisionRecord([new ApprovedHours(BuiltInActivityTypes.Training, 5m)], 0, null);
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    [Fact]
    public async Task He_sees_what_renewal_lacks_with_where_to_go_and_once_the_course_is_done_he_renews_it_from_the_panel()
    {
        _scenario.AsVasyl();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };
        var providers = pages.RenderProviders();

        var lacking = pages.Render<CertificatesPanel>(p => p.Add(x => x.PersonId, _scenario.Vasyl));
        lacking.WaitForAssertion(() => Assert.NotNull(lacking.Find(".th-renewal")));
        var renewal = lacking.Find(".th-renewal");
        Assert.Contains("Renewal asks one of these; either suffices:", renewal.TextContent);
        var hours = renewal.QuerySelector("[data-need='CpdHours']")!;
        Assert.Contains($"5 hours of professional development recorded in {_today.Year}, of the 20 asked: 15 to go", hours.TextContent);
        Assert.Equal("/pathways/development", hours.QuerySelector("a")!.GetAttribute("href"));
        var course = renewal.QuerySelector("[data-need='Course']")!;
        Assert.Contains("Complete the refresher course “Child protection refresher”", course.TextContent);
        Assert.Equal($"/learning/courses/{Refresher.Id}", course.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(lacking.FindAll("button[id^='renew-']"));

        var completedAt = DateTimeOffset.UtcNow;
        _scenario.Others.Completions[_scenario.Vasyl] = [new CourseCompletion(Refresher.Id, null, Refresher.Title, null, completedAt)];
        var met = pages.Render<CertificatesPanel>(p => p.Add(x => x.PersonId, _scenario.Vasyl));
        met.WaitForAssertion(() => Assert.NotNull(met.Find("button[id^='renew-']")));
        Assert.Equal("NotYet", met.Find("[data-need='CpdHours']").GetAttribute("data-outcome"));
        Assert.Contains("Refresher course “Child protection refresher” completed on", met.Find("[data-need='Course']").TextContent);
        Assert.Null(met.Find("[data-need='Course']").QuerySelector("a"));
        await met.InvokeAsync(() => met.Find("button[id^='renew-']").Click());
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("This one keeps its own dates.", providers.Dialogs.Markup));
        await providers.Dialogs.InvokeAsync(() => providers.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Renew").Click());

        providers.Snackbars.WaitForAssertion(() => Assert.Contains("Renewed: the new certificate is listed first.", providers.Snackbars.Markup));
        met.WaitForAssertion(() => Assert.Equal(2, met.FindAll(".th-certificate").Count));
        var (renewed, old) = (met.FindAll(".th-certificate")[0], met.FindAll(".th-certificate")[1]);
        Assert.Contains($"valid until {_today.AddDays(31).AddMonths(36).ToString("d", System.Globalization.CultureInfo.CurrentCulture)}", renewed.TextContent);
        Assert.NotNull(old.QuerySelector(".th-certificate-renewed"));
        Assert.Empty(met.FindAll(".th-renewal"));
    }
}
