using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Frequency;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Frequency;

/// <summary>
/// Policies set everywhere, per position and per unit, as the demo supervisor then sees the learner's next due date:
/// the nearest unit wins, a position wins at the same place, and removing a policy brings back the one above.
/// </summary>
public abstract class FrequencySettingsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string ZhytomyrOblast = "UA18000000000045390";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private FrequencySettings Settings => _host.Get<FrequencySettings>();

    private async Task<SelectedPerson> PersonAsync(string email)
    {
        var id = (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;
        return (await _host.Get<IPeopleSelection>().FindAsync(new PeopleCriteria(PersonIds: [id]))).Single();
    }

    private async Task<Guid> UnitAsync(string katottg) => (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync(katottg))!.Id;

    private static FrequencyInput Every(int count, IntervalUnit unit, Guid? unitId = null, Guid? positionTypeId = null) =>
        new() { UnitId = unitId, PositionTypeId = positionTypeId, Steps = [new() { Every = count, Unit = unit }] };

    /// <summary>The learner's row on the demo supervisor's list of supervisees.</summary>
    private async Task<SuperviseeRow> LearnerAsSupervisorSeesAsync()
    {
        var (supervisor, learner) = (await PersonAsync("supervisor@traininghub.example"), await PersonAsync("learner@traininghub.example"));
        _host.User.ActingAs(supervisor.Id, new PermissionGrant(SupervisionPermissions.Supervise, null));
        return (await _host.Get<AssignmentRegister>().MySuperviseesAsync()).Value.Single(r => r.PersonId == learner.Id && r.Role == AssignmentRole.Supervisor);
    }

    private void Administer() => _host.User.Holding(new PermissionGrant(SupervisionPermissions.FrequencyManage, null));

    [Fact]
    public async Task The_nearest_policy_decides_when_the_learner_is_due_and_removing_it_brings_back_the_one_above()
    {
        var learner = await PersonAsync("learner@traininghub.example");
        var since = (await LearnerAsSupervisorSeesAsync()).StartsOn;
        Administer();
        var everywhere = (await Settings.AddAsync(Every(3, IntervalUnit.Days))).Value;
        var afterEverywhere = (await LearnerAsSupervisorSeesAsync()).Due!.NextDue;
        Administer();
        await Settings.AddAsync(Every(10, IntervalUnit.Days, positionTypeId: learner.PositionTypeId));
        var afterPosition = (await LearnerAsSupervisorSeesAsync()).Due!.NextDue;
        Administer();
        var oblast = (await Settings.AddAsync(Every(2, IntervalUnit.Months, await UnitAsync(ZhytomyrOblast)))).Value;
        var home = (await Settings.AddAsync(Every(3, IntervalUnit.Weeks, learner.HomeUnitId, learner.PositionTypeId))).Value;
        var otherPosition = (await _host.Get<IPositionTypes>().ListAsync()).First(p => p.Id != learner.PositionTypeId).Id;
        await Settings.AddAsync(Every(1, IntervalUnit.Days, learner.HomeUnitId, otherPosition));
        var afterHome = (await LearnerAsSupervisorSeesAsync()).Due!.NextDue;
        Administer();
        var homeRow = (await Settings.ListAsync()).Value.Single(r => r.Id == home);
        await Settings.RemoveAsync(home, homeRow.Version);
        var afterRemoval = (await LearnerAsSupervisorSeesAsync()).Due!.NextDue;

        Assert.NotEqual(Guid.Empty, everywhere);
        Assert.NotEqual(Guid.Empty, oblast);
        Assert.Equal(since.AddDays(3), afterEverywhere);
        Assert.Equal(since.AddDays(10), afterPosition);
        Assert.Equal(since.AddDays(21), afterHome);
        Assert.Equal(since.AddMonths(2), afterRemoval);
    }

    [Fact]
    public async Task A_coordinator_sets_policies_for_units_of_their_area_only_and_one_per_place()
    {
        var oblast = await UnitAsync(ZhytomyrOblast);
        var lviv = await UnitAsync("UA46000000000026241");
        _host.User.Holding(new PermissionGrant(SupervisionPermissions.FrequencyManage, oblast));

        var everywhere = await Settings.AddAsync(Every(1, IntervalUnit.Weeks));
        var outside = await Settings.AddAsync(Every(1, IntervalUnit.Weeks, lviv));
        var invalid = await Settings.AddAsync(new FrequencyInput
        {
            UnitId = oblast, Steps = [new() { UntilWeeks = 6, Every = 1 }, new() { UntilWeeks = 4, Every = 2 }, new() { Every = 0 }],
        });
        var added = await Settings.AddAsync(Every(1, IntervalUnit.Weeks, oblast));
        var again = await Settings.AddAsync(Every(2, IntervalUnit.Weeks, oblast));
        var rows = (await Settings.ListAsync()).Value;

        Assert.Equal("Frequency:Error:UnitRequired", everywhere.Error!.Fields.Single().Key);
        Assert.Equal("Frequency:Error:UnitOutOfScope", outside.Error!.Fields.Single().Key);
        Assert.Equal(["Steps[1] Frequency:Error:UntilOrder", "Steps[2] Frequency:Error:Interval"], invalid.Error!.Fields.Select(f => $"{f.Field} {f.Key}"));
        Assert.True(added.Succeeded);
        Assert.Equal("Frequency:Error:AlreadySet", again.Error!.Fields.Single().Key);
        Assert.Equal([(added.Value, "*:7d")], rows.Select(r => (r.Id, r.Policy.Format())));
    }

    [Fact]
    public async Task Changing_a_policy_someone_else_changed_since_it_was_read_is_refused_and_nobody_without_the_permission_sees_them()
    {
        Administer();
        var id = (await Settings.AddAsync(Every(1, IntervalUnit.Weeks))).Value;
        var read = (await Settings.ListAsync()).Value.Single();
        var first = await Settings.ChangeAsync(id, read.Version, [new() { Every = 2, Unit = IntervalUnit.Weeks }]);
        var second = await Settings.ChangeAsync(id, read.Version, [new() { Every = 3, Unit = IntervalUnit.Weeks }]);
        var kept = (await Settings.ListAsync()).Value.Single();
        _host.User.Holding(new PermissionGrant(SupervisionPermissions.AssignmentsManage, null));
        var stranger = await Settings.ListAsync();
        var strangerRemoves = await Settings.RemoveAsync(id, kept.Version);

        Assert.True(first.Succeeded);
        Assert.Equal(ErrorKind.Conflict, second.Error!.Kind);
        Assert.Equal("*:14d", kept.Policy.Format());
        Assert.Equal(ErrorKind.Forbidden, stranger.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, strangerRemoves.Error!.Kind);
    }
}

public sealed class FrequencySettingsOnSqlite(SqliteServer server) : FrequencySettingsTests(server), IClassFixture<SqliteServer>;

public sealed class FrequencySettingsOnPostgreSql(PostgreSqlServer server) : FrequencySettingsTests(server), IClassFixture<PostgreSqlServer>;
