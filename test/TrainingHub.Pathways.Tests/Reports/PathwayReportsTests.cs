using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Reports;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Reports;

/// <summary>
/// The certification progress report on both databases, over the demo people on the demo pathway: the learner a
/// volunteer, Vasyl a trained volunteer, Halyna a social assistant with her certificate, all of Zhytomyr city.
/// </summary>
public abstract class PathwayReportsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private PathwayScenario _scenario = null!;

    private ModuleTestHost Host => _scenario.Host;

    private PathwayReports Reports => Host.Get<PathwayReports>();

    private DateOnly Today => Host.Get<PlacementRegister>().Today;

    public async ValueTask InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        _scenario = await PathwayScenario.StartAsync(server);
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private async Task<Guid> ReportOnAsync(string katottg)
    {
        var unit = await _scenario.UnitAsync(katottg);
        Host.User.ActingAs(_scenario.Coordinator, new PermissionGrant(PathwaysPermissions.ReportsView, unit)).InRoles(BuiltInRoles.Coordinator);
        return unit;
    }

    private async Task<PathwayReport> ReportAsync(string katottg) => (await Reports.GetAsync(await ReportOnAsync(katottg))).Value;

    private static (int People, int? Ready)[] PeopleAndReady(UnitFigures figures) => [.. figures.Stages.Select(s => (s.People, s.Ready))];

    private PathwaysDbContext Db() => Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();

    [Fact]
    public async Task The_city_report_counts_one_person_at_each_of_the_first_three_stages_and_Vasyl_ready_once_signed_off()
    {
        var before = await ReportAsync(PathwayScenario.ZhytomyrCity);
        await _scenario.SignOffAsync();
        var after = await ReportAsync(PathwayScenario.ZhytomyrCity);

        Assert.Equal(PathwayScenario.Pathway, before.Pathway!.Code);
        Assert.Equal(["Волонтер", "Навчений волонтер", "Соціальний помічник"], before.Total.Stages.Take(3).Select(s => s.Name));
        Assert.Equal([(1, 0), (1, 0), (1, 0), (0, 0), (0, null)], PeopleAndReady(before.Total));
        Assert.Equal([(1, 0), (1, 1), (1, 0), (0, 0), (0, null)], PeopleAndReady(after.Total));
        Assert.Equal((3, 1), (after.Total.People, after.Total.Ready));
        // All three work in the city hromada itself, not in an organisation under it.
        var itself = Assert.Single(after.Units, u => u.IsUnitItself);
        Assert.Equal((3, 1), (itself.People, itself.Ready));
        Assert.All(after.Units.Where(u => !u.IsUnitItself), u => Assert.Equal(0, u.People));
    }

    [Fact]
    public async Task The_oblast_report_has_a_line_per_hromada_to_drill_into()
    {
        await _scenario.AsCoordinatorOfAsync("UA18000000000045390");
        var melnyk = await _scenario.PersonAsync("o.melnyk@traininghub.example");
        Assert.True((await Host.Get<PlacementRegister>().PlaceAsync(new PlaceInput { PersonId = melnyk, TemplateCode = PathwayScenario.Pathway, Stage = 1 })).Succeeded);
        var korosten = await _scenario.UnitAsync("UA18060170000025398");

        var oblast = await ReportAsync("UA18000000000045390");
        var drilled = await Reports.GetAsync(korosten);

        Assert.Equal((4, 0), (oblast.Total.People, oblast.Total.Ready));
        Assert.DoesNotContain(oblast.Units, u => u.IsUnitItself);
        var city = Assert.Single(oblast.Units, u => u.Name == "Житомирська міська громада");
        Assert.Equal([(1, 0), (1, 0), (1, 0), (0, 0), (0, null)], PeopleAndReady(city));
        Assert.Equal([(1, 0), (0, 0), (0, 0), (0, 0), (0, null)], PeopleAndReady(oblast.Units.Single(u => u.UnitId == korosten)));
        Assert.Equal(4, oblast.Units.Sum(u => u.People));
        Assert.Equal(("Коростенська міська громада", 1), (drilled.Value.Unit.Name, drilled.Value.Total.People));
    }

    [Fact]
    public async Task Time_in_a_stage_runs_from_reaching_it_to_reaching_the_next_with_its_average_and_median()
    {
        await _scenario.ApproveAsync();
        var vasyl = await PlacementOfAsync(_scenario.Vasyl);
        var tkachenko = await _scenario.PersonAsync("n.tkachenko@traininghub.example");
        await _scenario.AsCoordinatorOfAsync(PathwayScenario.ZhytomyrCity);
        Assert.True((await Host.Get<PlacementRegister>().PlaceAsync(
            new PlaceInput { PersonId = tkachenko, TemplateCode = PathwayScenario.Pathway, Stage = 3, Since = Today.AddDays(-20) })).Succeeded);
        var halyna = await PlacementOfAsync(await _scenario.PersonAsync("h.bondarenko@traininghub.example"));
        var halynaReached = halyna.Reached.Single().ReachedOn;
        await using (var db = Db())
        {
            // Vasyl reached stage 2 a hundred days before his approval today; Halyna and Nataliia were placed at 3 after 61 and 10 days at 2.
            await db.ReachedStages.Where(r => r.PlacementId == vasyl.Id && r.Stage == 2).ExecuteUpdateAsync(r => r.SetProperty(x => x.ReachedOn, Today.AddDays(-100)));
            db.ReachedStages.Add(new ReachedStage { PlacementId = halyna.Id, Stage = 2, ReachedOn = halynaReached.AddDays(-61), ApprovedById = _scenario.Coordinator });
            var nataliia = await PlacementOfAsync(tkachenko);
            db.ReachedStages.Add(new ReachedStage { PlacementId = nataliia.Id, Stage = 2, ReachedOn = Today.AddDays(-30), ApprovedById = _scenario.Coordinator });
            await db.SaveChangesAsync();
        }

        var report = await ReportAsync(PathwayScenario.ZhytomyrCity);

        var second = report.Total.Stages.Single(s => s.Position == 2);
        Assert.Equal((0, 3, 57.0, 61.0), (second.People, second.Left, second.AverageDays!.Value, second.MedianDays!.Value));
        Assert.Equal((3, 0), (report.Total.Stages.Single(s => s.Position == 3).People, report.Total.Stages.Single(s => s.Position == 3).Left));
        Assert.Null(report.Total.Stages.Single(s => s.Position == 1).AverageDays);
    }

    [Fact]
    public async Task A_certificate_valid_for_60_days_more_is_listed_as_expiring_and_expired_and_revoked_ones_are_counted()
    {
        await _scenario.ApproveAsync();
        var untouched = await ReportAsync(PathwayScenario.ZhytomyrCity);
        await using (var db = Db())
        {
            await db.Certificates.Where(c => c.PersonId == _scenario.Vasyl).ExecuteUpdateAsync(c => c.SetProperty(x => x.ValidUntil, Today.AddDays(60)));
            await db.Certificates.Where(c => c.PersonId != _scenario.Vasyl).ExecuteUpdateAsync(c => c.SetProperty(x => x.ValidUntil, Today.AddDays(-1)));
        }
        var soon = await ReportAsync(PathwayScenario.ZhytomyrCity);
        await using (var db = Db())
        {
            await db.Certificates.Where(c => c.PersonId == _scenario.Vasyl).ExecuteUpdateAsync(c => c.SetProperty(x => x.RevokedAt, DateTimeOffset.UtcNow));
        }
        var revoked = await ReportAsync(PathwayScenario.ZhytomyrCity);

        Assert.Equal(new CertificateCounts(0, 0, 0), untouched.Total.Certificates);
        Assert.Empty(untouched.Expiring);
        var listed = Assert.Single(soon.Expiring);
        Assert.Equal(("Василь Кравчук", "Соціальний помічник", "Житомирська міська громада", Today.AddDays(60)),
            (listed.PersonName, listed.StageName, listed.UnitName, listed.ValidUntil));
        Assert.Equal(new CertificateCounts(1, 1, 0), soon.Total.Certificates);
        Assert.Equal(new CertificateCounts(1, 1, 0), soon.Units.Single(u => u.IsUnitItself).Certificates);
        Assert.Empty(revoked.Expiring);
        Assert.Equal(new CertificateCounts(0, 1, 1), revoked.Total.Certificates);
    }

    [Fact]
    public async Task A_coordinator_of_Lviv_oblast_is_refused_the_Zhytomyr_report_and_its_export()
    {
        var lviv = await ReportOnAsync(PathwayScenario.LvivOblast);
        var city = await _scenario.UnitAsync(PathwayScenario.ZhytomyrCity);

        var report = await Reports.GetAsync(city);
        var export = await Host.Get<PathwayReportExport>().ExportAsync(city, null, SpreadsheetFormat.Csv);

        Assert.Equal(ErrorKind.Forbidden, report.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, export.Error!.Kind);
        Assert.Equal(lviv, await Reports.DefaultUnitAsync());
        Assert.Equal(0, (await Reports.GetAsync(lviv)).Value.Total.People);
    }

    [Fact]
    public async Task The_csv_export_has_a_header_of_every_stage_and_a_line_for_the_unit_and_each_under_it()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.English);
        var oblast = await ReportOnAsync("UA18000000000045390");

        var csv = (await Host.Get<PathwayReportExport>().ExportAsync(oblast, PathwayScenario.Pathway, SpreadsheetFormat.Csv)).Value;
        var xlsx = await Host.Get<PathwayReportExport>().ExportAsync(oblast, PathwayScenario.Pathway, SpreadsheetFormat.Xlsx);
        var lines = Encoding.UTF8.GetString(csv.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal($"pathways-UA18000000000045390-{PathwayScenario.Pathway}-{Today:yyyy-MM-dd}.csv", csv.FileName);
        Assert.StartsWith("\uFEFFUnit;1. Volunteer: people;1. Volunteer: ready for the next;1. Volunteer: average days;1. Volunteer: median days;2. Trained volunteer: people;", lines[0]);
        Assert.EndsWith(
            $";Certificates expiring within 60 days;Expired certificates;Revoked certificates;Development hours {Today.Year}: people asked;Development hours {Today.Year}: people who met them",
            lines[0]);
        Assert.Equal("Zhytomyr Oblast;1;0;;;1;0;;;1;0;;;0;0;;;0;;;;0;0;0;3;0", lines[1]);
        Assert.Contains("Zhytomyr City Hromada;1;0;;;1;0;;;1;0;;;0;0;;;0;;;;0;0;0;3;0", lines);
        Assert.True(lines.Length > 3);
        Assert.True(xlsx.Succeeded);
    }

    [Fact]
    public async Task Professional_development_counts_those_whose_position_asks_for_hours_and_who_have_counted_them_this_year()
    {
        var before = await ReportAsync(PathwayScenario.ZhytomyrCity);
        var halyna = await _scenario.PersonAsync("h.bondarenko@traininghub.example");
        var thisYear = new DateTimeOffset(Today.Year, 1, 20, 10, 0, 0, TimeSpan.Zero);
        // Twenty hours, what a social assistant's post asks, six of them at least in recognising abuse and neglect, as it
        // asks too; Vasyl, a volunteer asked for ten, has nine.
        _scenario.Others.Completions[halyna] =
            [new(Guid.NewGuid(), null, "Насильство і нехтування", 1200, thisYear) { CompetencyLineageIds = [_scenario.Others.Area("CP.4.1")] }];
        _scenario.Others.Completions[_scenario.Vasyl] = [new(Guid.NewGuid(), null, "Перша психологічна допомога", 540, thisYear)];

        var after = await ReportAsync(PathwayScenario.ZhytomyrCity);

        Assert.Equal(new DevelopmentCounts(3, 0), before.Total.Development);
        Assert.Equal(new DevelopmentCounts(3, 1), after.Total.Development);
        Assert.Equal(33, after.Total.Development.Percent);
        Assert.Equal(new DevelopmentCounts(3, 1), Assert.Single(after.Units, u => u.IsUnitItself).Development);
        Assert.All(after.Units.Where(u => !u.IsUnitItself), u => Assert.Equal((new DevelopmentCounts(0, 0), null), (u.Development, u.Development.Percent)));
    }

    private async Task<Placement> PlacementOfAsync(Guid personId)
    {
        await using var db = Db();
        return await db.Placements.AsNoTracking().Include(p => p.Reached).SingleAsync(p => p.PersonId == personId);
    }
}

public sealed class PathwayReportsOnSqlite(SqliteServer server) : PathwayReportsTests(server), IClassFixture<SqliteServer>;

public sealed class PathwayReportsOnPostgreSql(PostgreSqlServer server) : PathwayReportsTests(server), IClassFixture<PostgreSqlServer>;
