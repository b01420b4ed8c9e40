using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing.Tests.Rounds;

/// <summary>
/// Schedules for Zhytomyr Oblast and, of its own, Korosten: the hourly job opens one round each on the day, with the
/// oblast's people less Korosten's, invites each at once and reminds after 3 and 5 days, and a second run opens nothing.
/// </summary>
public abstract class RoundRunTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string ZhytomyrOblast = "UA18000000000045390";
    private const string Korosten = "UA18060170000025398";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
    private readonly RecordingReminders _reminders = new();
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock).AddSingleton<IReminders>(_reminders));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Schedules Schedules => _host.Get<Schedules>();

    private async Task<Guid> UnitAsync(string katottg) => (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync(katottg))!.Id;

    private async Task<HashSet<Guid>> PeopleUnderAsync(Guid unit)
    {
        var subtree = (await _host.Get<IOrganisationDirectory>().GetUnitsInAsync(UnitScope.Under([unit]))).Select(u => u.Id).ToList();
        return [.. (await _host.Get<IPeopleSelection>().FindAsync(new PeopleCriteria(HomeUnitIds: subtree, ActiveOnly: true))).Select(p => p.Id)];
    }

    private Task<int> RunAsync() => _host.Get<RoundRun>().RunAsync(CancellationToken.None);

    private async Task<List<(CheckInRound Round, HashSet<Guid> Invited)>> RoundsAsync()
    {
        await using var db = _host.Get<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();
        var rounds = await db.Rounds.AsNoTracking().ToListAsync();
        var invitations = await db.Invitations.AsNoTracking().ToListAsync();
        return [.. rounds.Select(r => (r, invitations.Where(i => i.RoundId == r.Id).Select(i => i.PersonId).ToHashSet()))];
    }

    [Fact]
    public async Task Each_schedule_opens_one_round_on_its_day_for_its_own_people_and_invites_and_reminds_them()
    {
        var (oblast, korosten) = (await UnitAsync(ZhytomyrOblast), await UnitAsync(Korosten));
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.SchedulesManage, oblast));
        var today = Schedules.Today;
        Assert.True((await Schedules.SetAsync(new ScheduleInput { UnitId = oblast, NextOpensOn = today }, null)).Succeeded);
        Assert.True((await Schedules.SetAsync(new ScheduleInput { UnitId = korosten, Cadence = Cadence.Quarterly, NextOpensOn = today.AddDays(1) }, null)).Succeeded);

        var first = await RunAsync();
        var plansAfterFirst = _reminders.Plans.Count;
        var again = await RunAsync();
        var rounds = await RoundsAsync();
        var list = (await Schedules.ListAsync()).Value;

        var expected = (await PeopleUnderAsync(oblast)).Except(await PeopleUnderAsync(korosten)).ToHashSet();
        Assert.Equal((1, 0), (first, again));
        var (round, invited) = Assert.Single(rounds);
        Assert.Equal(oblast, round.UnitId);
        Assert.True(expected.SetEquals(invited));
        Assert.NotEmpty(await PeopleUnderAsync(korosten));
        Assert.Equal((invited.Count, invited.Count), (plansAfterFirst, _reminders.Plans.Count));
        var plan = _reminders.Plans.First();
        Assert.Equal((RoundRun.Thing(round.Id), RoundRun.Category, $"/wellbeing/check-ins/{round.Id}"), (plan.Thing, plan.Category, plan.Link));
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromDays(3), TimeSpan.FromDays(5)], plan.Offsets);
        Assert.Equal(round.OpensAt + CheckInRound.OpenFor, round.ClosesAt);
        Assert.Equal(["2026-03-09"], plan.Text.Arguments);
        Assert.Equal((today.AddMonths(1), 1), list.Where(s => s.UnitId == oblast).Select(s => (s.NextOpensOn, s.Rounds)).Single());
        Assert.Equal((today.AddDays(1), 0), list.Where(s => s.UnitId == korosten).Select(s => (s.NextOpensOn, s.Rounds)).Single());

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RunAsync());
        var korostenRound = (await RoundsAsync()).Single(r => r.Round.UnitId == korosten);
        Assert.True((await PeopleUnderAsync(korosten)).SetEquals(korostenRound.Invited));
    }

    [Fact]
    public async Task A_paused_schedule_opens_nothing_and_keeps_its_people_out_of_the_round_above()
    {
        var (oblast, korosten) = (await UnitAsync(ZhytomyrOblast), await UnitAsync(Korosten));
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.SchedulesManage, null));
        var today = Schedules.Today;
        await Schedules.SetAsync(new ScheduleInput { UnitId = oblast, NextOpensOn = today }, null);
        await Schedules.SetAsync(new ScheduleInput { UnitId = korosten, NextOpensOn = today }, null);
        var row = (await Schedules.ListAsync()).Value.Single(s => s.UnitId == korosten);
        Assert.True((await Schedules.PauseAsync(row.Id, row.Version, paused: true)).Succeeded);

        Assert.Equal(1, await RunAsync());
        var (round, invited) = Assert.Single(await RoundsAsync());

        Assert.Equal(oblast, round.UnitId);
        Assert.Empty(invited.Intersect(await PeopleUnderAsync(korosten)));
    }

    [Fact]
    public async Task Coordinators_set_schedules_in_their_area_only_from_today_one_per_unit_and_a_stale_change_is_refused()
    {
        var (oblast, lviv) = (await UnitAsync(ZhytomyrOblast), await UnitAsync("UA46000000000026241"));
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.SchedulesManage, oblast));
        var today = Schedules.Today;

        var outside = await Schedules.SetAsync(new ScheduleInput { UnitId = lviv, NextOpensOn = today }, null);
        var past = await Schedules.SetAsync(new ScheduleInput { UnitId = oblast, NextOpensOn = today.AddDays(-1) }, null);
        await Schedules.SetAsync(new ScheduleInput { UnitId = oblast, NextOpensOn = today }, null);
        var twice = await Schedules.SetAsync(new ScheduleInput { UnitId = oblast, NextOpensOn = today }, null);
        var read = (await Schedules.ListAsync()).Value.Single();
        var changed = await Schedules.SetAsync(new ScheduleInput { UnitId = oblast, Cadence = Cadence.Fortnightly, NextOpensOn = today.AddDays(2) }, read.Version);
        var stale = await Schedules.SetAsync(new ScheduleInput { UnitId = oblast, Cadence = Cadence.Quarterly, NextOpensOn = today }, read.Version);
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.CheckIn, null));
        var learner = await Schedules.ListAsync();

        Assert.Equal("Schedules:Error:UnitOutOfScope", outside.Error!.Fields.Single().Key);
        Assert.Equal("Schedules:Error:OpensInPast", past.Error!.Fields.Single().Key);
        Assert.Equal("Schedules:Error:AlreadySet", twice.Error!.Fields.Single().Key);
        Assert.True(changed.Succeeded);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, learner.Error!.Kind);
    }
}

public sealed class RoundRunOnSqlite(SqliteServer server) : RoundRunTests(server), IClassFixture<SqliteServer>;

public sealed class RoundRunOnPostgreSql(PostgreSqlServer server) : RoundRunTests(server), IClassFixture<PostgreSqlServer>;
