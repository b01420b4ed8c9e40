using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Reports;
using TrainingHub.Wellbeing.Rounds;
using TrainingHub.Wellbeing.Tests.Reports;

namespace TrainingHub.Wellbeing.Tests.Rounds;

/// <summary>The demo check-in history: what the demo learner and the demo coordinator find when they first look.</summary>
public abstract class RoundsDemoDataTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true", ["DemoData:CheckInHistory"] = "true" });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_learner_has_two_answered_rounds_and_one_open_and_the_city_figures_show_everyone_there()
    {
        var learner = (await _host.Get<IPeopleLookup>().FindByEmailAsync("learner@traininghub.example"))!.Id;
        _host.User.ActingAs(learner, new PermissionGrant(WellbeingPermissions.CheckIn, null));
        var mine = (await _host.Get<MyCheckIns>().MineAsync()).Value;
        var city = await ReportData.UnitAsync(_host, RoundsDemoData.CityKatottg);
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.ReportsView, await ReportData.UnitAsync(_host, "UA18000000000045390")));
        var report = (await _host.Get<WellbeingReports>().GetAsync(city)).Value;

        Assert.Equal([InvitationState.Invited, InvitationState.Answered, InvitationState.Answered], mine.Rounds.Select(r => r.State));
        Assert.True(mine.Rounds[0].IsOpen);
        Assert.Equal(3, mine.Rounds[1].Scores.Count);
        Assert.Equal((6, 6), (report.Total!.Invited, report.Total.Respondents!.Value));
        Assert.Equal(2, report.Trend.Count(p => p.Figures.Respondents == 6));
        // The supervisor's position does not work with clients: five people answered that part, still enough to show.
        Assert.NotNull(report.Total.Scales.Single(s => s.Scale == "client").Mean);
        // Running the demo data again adds nothing.
        await _host.Get<IEnumerable<TrainingHub.SharedKernel.Modules.IModuleInitializer>>().OfType<RoundsDemoData>().Single().InitialiseAsync(CancellationToken.None);
        Assert.Equal(3, (await _host.Get<WellbeingReports>().GetAsync(city)).Value.Rounds.Count);
    }
}

public sealed class RoundsDemoDataOnSqlite(SqliteServer server) : RoundsDemoDataTests(server), IClassFixture<SqliteServer>;

public sealed class RoundsDemoDataOnPostgreSql(PostgreSqlServer server) : RoundsDemoDataTests(server), IClassFixture<PostgreSqlServer>;
