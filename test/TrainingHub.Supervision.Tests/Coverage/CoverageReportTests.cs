using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Coverage;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Coverage;

/// <summary>
/// Coverage of Zhytomyr city as its coordinator sees it: the demo supervisor's four supervisees start overdue (never
/// supervised), and one supervision signed by both brings one of them within policy.
/// </summary>
public abstract class CoverageReportTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string ZhytomyrCity = "UA18040470000082484";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private async Task<Guid> CityAsync() => (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync(ZhytomyrCity))!.Id;

    private async Task CoordinateAsync(Guid? unit) =>
        _host.User.ActingAs(await PersonAsync("coordinator@traininghub.example"), new PermissionGrant(SupervisionPermissions.AssignmentsManage, unit));

    private async Task SignedSupervisionOfLearnerAsync()
    {
        var learner = await PersonAsync("learner@traininghub.example");
        var grants = new[] { new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null) };
        _host.User.ActingAs(await PersonAsync("supervisor@traininghub.example"), grants);
        var sessionId = (await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Individual, ParticipantIds = [learner],
            Times = new SessionTimes { StartsAt = _clock.GetUtcNow().AddDays(-1), DurationMinutes = 90 },
        })).Value;
        var book = _host.Get<LogBook>();
        var log = (await book.OpenAsync(sessionId, learner)).Value;
        await book.SignAsync(log.Id, (await book.WriteAsync(log.Id, LogField.Topics, "Планування")).Value);
        _host.User.ActingAs(learner, grants);
        await book.SignAsync(log.Id, (await book.OpenAsync(sessionId, learner)).Value.Version);
    }

    [Fact]
    public async Task A_supervision_signed_by_both_moves_a_person_from_overdue_to_within_policy()
    {
        var city = await CityAsync();
        var subtree = (await _host.Get<IOrganisationDirectory>().GetUnitsInAsync(UnitScope.Under([city]))).Select(u => u.Id).ToList();
        var people = (await _host.Get<IPeopleSelection>().FindAsync(new PeopleCriteria(HomeUnitIds: subtree, ActiveOnly: true))).Count;
        await CoordinateAsync(null);
        var before = (await _host.Get<CoverageReports>().GetAsync(city)).Value;
        await SignedSupervisionOfLearnerAsync();
        await CoordinateAsync(null);
        var after = (await _host.Get<CoverageReports>().GetAsync(city)).Value;

        Assert.Equal(new CoverageFigures(people, 4, 0, 4), before.Total);
        Assert.Equal(new CoverageFigures(people, 4, 1, 3), after.Total);
        Assert.Equal((int)Math.Round(100.0 / people, MidpointRounding.AwayFromZero), after.Total.Percent);
        Assert.Equal(after.Total.People, after.Units.Sum(u => u.Figures.People));
        Assert.Equal(3, after.Units.Sum(u => u.Figures.Overdue));
        Assert.Equal(["Василь Кравчук", "Галина Бондаренко", "Наталія Ткаченко"], after.Overdue.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(after.Overdue, p => Assert.Equal(("Марія Супервізорка", null), (p.SupervisorName, p.LastMeeting)));
        Assert.Equal([new CaseLoadLine("Марія Супервізорка", 4, 3)], after.CaseLoad);
    }

    [Fact]
    public async Task A_coordinator_sees_no_coverage_outside_their_area_and_the_export_holds_the_figures()
    {
        var city = await CityAsync();
        await CoordinateAsync(Guid.NewGuid());
        var outside = await _host.Get<CoverageReports>().GetAsync(city);
        var outsideExport = await _host.Get<CoverageExport>().ExportAsync(city, SpreadsheetFormat.Csv);
        await CoordinateAsync(city);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        var csv = (await _host.Get<CoverageExport>().ExportAsync(city, SpreadsheetFormat.Csv)).Value;
        var xlsx = (await _host.Get<CoverageExport>().ExportAsync(city, SpreadsheetFormat.Xlsx)).Value;
        var text = Encoding.UTF8.GetString(csv.Content);

        Assert.Equal(ErrorKind.Forbidden, outside.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, outsideExport.Error!.Kind);
        Assert.Equal("supervision-coverage-UA18040470000082484.csv", csv.FileName);
        Assert.Contains("Підрозділ;Людей;Мають супервізора;Вчасно;Прострочено;Охоплення", text);
        Assert.Contains(";4;0;4;0", text);
        Assert.Equal(("supervision-coverage-UA18040470000082484.xlsx", (byte)'P', (byte)'K'), (xlsx.FileName, xlsx.Content[0], xlsx.Content[1]));
    }
}

public sealed class CoverageReportOnSqlite(SqliteServer server) : CoverageReportTests(server), IClassFixture<SqliteServer>;

public sealed class CoverageReportOnPostgreSql(PostgreSqlServer server) : CoverageReportTests(server), IClassFixture<PostgreSqlServer>;
