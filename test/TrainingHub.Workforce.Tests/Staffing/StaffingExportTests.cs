using System.Text;
using MiniExcelLibs;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Workforce.ActionPlans;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Services;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Tests.Staffing;

/// <summary>The staffing table as a file holds the rows the page shows, and only for an area one may see.</summary>
public sealed class StaffingExportTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    [Fact]
    public async Task An_oblasts_workbook_has_its_hromadas_positions_and_settlements_and_its_csv_the_same_lines()
    {
        await _scenario.HireAsync(4, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);
        var export = _scenario.Get<StaffingExport>();

        var xlsx = (await export.ExportAsync(_scenario.Zhytomyr.Id, SpreadsheetFormat.Xlsx)).Value;
        var csv = (await export.ExportAsync(_scenario.Zhytomyr.Id, SpreadsheetFormat.Csv)).Value;

        using var stream = new MemoryStream(xlsx.Content);
        Assert.Equal(["Units in this area", "Positions", "Urban and rural hromadas", "Basic social services"], stream.GetSheetNames());
        var lines = stream.Query(useHeaderRow: true, sheetName: "Units in this area").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Zhytomyr Oblast", "Berdychiv City Hromada", "Korosten City Hromada", "Ovruch City Hromada", "Zhytomyr City Hromada"],
            lines.Select(l => l["Unit"]));
        var city = lines.Single(l => (string)l["Unit"] == "Zhytomyr City Hromada");
        Assert.Equal((263_507d, 4d, 65_876.8), (Convert.ToDouble(city["Residents"]), Convert.ToDouble(city["Social workers"]), Convert.ToDouble(city["Residents per social worker"])));
        var text = Encoding.UTF8.GetString(csv.Content);
        Assert.Equal(6, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Zhytomyr City Hromada;;263507;47900;4;4;0;0;65876.8", text);
        Assert.StartsWith("staffing-UA18000000000045390-", csv.FileName);
    }

    [Fact]
    public async Task A_hromadas_workbook_has_its_services_checklist_and_its_action_plan_as_the_page_shows_them()
    {
        await _scenario.HireAsync(4, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        _scenario.AsCoordinatorAt(_scenario.Zhytomyr.Id);
        var services = (await _scenario.Get<BasicServices>().ListAsync()).Value;
        Assert.True((await _scenario.Get<CommunityProfiles>().SaveAsync(_scenario.ZhytomyrCity.Id,
            new CommunityInput { Services = [services[0].Id, services[8].Id] })).Succeeded);
        var due = DailyRuns.DayOf(DateTimeOffset.UtcNow).AddMonths(6);
        var plans = _scenario.Get<WorkforcePlans>();
        Assert.True((await plans.AddAsync(_scenario.ZhytomyrCity.Id,
            new PlanInput { Measure = PlanMeasure.SocialWorkers, Target = 6, DueOn = due, Note = "Дві посади з бюджету громади" })).Succeeded);
        Assert.True((await plans.AddAsync(_scenario.ZhytomyrCity.Id,
            new PlanInput { Measure = PlanMeasure.ResidentsPerSocialWorker, Target = 50_000, DueOn = due })).Succeeded);

        var xlsx = (await _scenario.Get<StaffingExport>().ExportAsync(_scenario.ZhytomyrCity.Id, SpreadsheetFormat.Xlsx)).Value;

        using var stream = new MemoryStream(xlsx.Content);
        Assert.Equal(["Units in this area", "Positions", "Urban and rural hromadas", "Basic social services", "Workforce action plan"],
            stream.GetSheetNames());
        var checklist = stream.Query(useHeaderRow: true, sheetName: "Basic social services").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(services.Count, checklist.Count);
        Assert.Equal([services[0].NameEn, services[8].NameEn],
            checklist.Where(c => (string)c["Provided with trained staff"] == "provided").Select(c => c["Service"]));
        var plan = stream.Query(useHeaderRow: true, sheetName: "Workforce action plan").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(
            [
                ("Social workers", "at least 6", 4d, "Not yet", "Дві посади з бюджету громади"),
                ("Residents per social worker", "at most 50,000", 65_876.8, "Not yet", null),
            ],
            plan.Select(t => ((string)t["What is measured"], (string)t["Target"], Convert.ToDouble(t["Now"]), (string)t["State"], t["How it will be reached"] as string))
                .OrderBy(t => t.Item1 == "Social workers" ? 0 : 1));
        Assert.Equal(due.ToDateTime(TimeOnly.MinValue), Convert.ToDateTime(plan[0]["By"]));
    }

    [Fact]
    public async Task An_oblast_coordinator_cannot_download_the_country_or_another_oblast()
    {
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);
        var export = _scenario.Get<StaffingExport>();

        Assert.Equal(ErrorKind.Forbidden, (await export.ExportAsync(null, SpreadsheetFormat.Csv)).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await export.ExportAsync(_scenario.Lviv.Id, SpreadsheetFormat.Xlsx)).Error!.Kind);
    }
}
