using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Sessions;

/// <summary>
/// Meetings planned over the demo assignments (the demo supervisor supervises four learners of Zhytomyr city, the demo
/// mentor mentors two): with whom one may meet, moving and cancelling by the leader alone, and both sides' lists.
/// </summary>
public abstract class SessionPlannerTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private async Task ActAsync(string email) =>
        _host.User.ActingAs(await PersonAsync(email),
            new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null));

    private async Task<Result<Guid>> ScheduleAsync(SessionKind kind, DateTimeOffset start, params string[] emails)
    {
        var ids = new List<Guid>();
        foreach (var email in emails)
        {
            ids.Add(await PersonAsync(email));
        }
        return await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = kind, ParticipantIds = ids, Times = new SessionTimes { StartsAt = start, DurationMinutes = 90, Place = "Кабінет 12" },
        });
    }

    [Fact]
    public async Task A_supervisor_schedules_with_their_supervisees_only_and_both_see_the_meeting()
    {
        await ActAsync("supervisor@traininghub.example");
        var choices = await _host.Get<SessionPlanner>().ChoicesAsync(SessionKind.Individual);
        var scheduled = await ScheduleAsync(SessionKind.Individual, new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(2)), "learner@traininghub.example");
        var notMine = await ScheduleAsync(SessionKind.Individual, _clock.GetUtcNow().AddDays(1), "o.melnyk@traininghub.example");
        var asMentor = await ScheduleAsync(SessionKind.Mentoring, _clock.GetUtcNow().AddDays(1), "learner@traininghub.example");
        var group = await ScheduleAsync(SessionKind.Group, _clock.GetUtcNow().AddDays(2), "learner@traininghub.example", "v.kravchuk@traininghub.example");
        var leaders = (await _host.Get<SessionPlanner>().MineAsync(past: false)).Value;
        await ActAsync("learner@traininghub.example");
        var learners = (await _host.Get<SessionPlanner>().MineAsync(past: false)).Value;
        await ActAsync("h.bondarenko@traininghub.example");
        var someoneElse = (await _host.Get<SessionPlanner>().MineAsync(past: false)).Value;

        Assert.Equal(["Василь Кравчук", "Галина Бондаренко", "Наталія Ткаченко", "Оксана Волонтерка"], choices.Select(c => c.FullName).Order(StringComparer.Ordinal));
        Assert.True(scheduled.Succeeded && group.Succeeded);
        Assert.Equal("Sessions:Error:NotAssigned", notMine.Error!.ErrorFor(nameof(ScheduleInput.ParticipantIds)));
        Assert.Equal("Sessions:Error:NotAssigned", asMentor.Error!.ErrorFor(nameof(ScheduleInput.ParticipantIds)));
        Assert.Equal([SessionKind.Individual, SessionKind.Group], leaders.Select(s => s.Kind));
        Assert.All(leaders, s => Assert.True(s.Leading));
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero), leaders[0].StartsAt);
        Assert.Equal(["Василь Кравчук", "Оксана Волонтерка"], leaders[1].ParticipantNames.Order(StringComparer.Ordinal));
        Assert.Equal(2, learners.Count);
        Assert.All(learners, s => Assert.Equal(("Марія Супервізорка", false), (s.LeaderName, s.Leading)));
        Assert.Empty(someoneElse);
    }

    [Fact]
    public async Task Only_the_leader_moves_or_cancels_a_meeting_each_change_raises_the_sequence_and_a_stale_change_is_refused()
    {
        await ActAsync("supervisor@traininghub.example");
        var id = (await ScheduleAsync(SessionKind.Individual, _clock.GetUtcNow().AddDays(1), "learner@traininghub.example")).Value;
        var row = Assert.Single((await _host.Get<SessionPlanner>().MineAsync(past: false)).Value);
        await ActAsync("learner@traininghub.example");
        var byParticipant = await _host.Get<SessionPlanner>().CancelAsync(id, row.Version, "Не можу");
        await ActAsync("supervisor@traininghub.example");
        var planner = _host.Get<SessionPlanner>();

        var moved = await planner.RescheduleAsync(id, row.Version, new SessionTimes { StartsAt = _clock.GetUtcNow().AddDays(2), DurationMinutes = 60 });
        var stale = await planner.CancelAsync(id, row.Version, "Хвороба");
        var current = Assert.Single((await planner.MineAsync(past: false)).Value);
        var cancelled = await planner.CancelAsync(id, current.Version, "Хвороба");
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        var stored = await db.Sessions.SingleAsync(s => s.Id == id);

        Assert.Equal(ErrorKind.NotFound, byParticipant.Error!.Kind);
        Assert.True(moved.Succeeded && cancelled.Succeeded);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal((SessionStatus.Cancelled, "Хвороба", 2, 60), (stored.Status, stored.CancelReason, stored.Sequence, stored.DurationMinutes));
    }

    [Fact]
    public async Task A_supervision_whose_log_both_signed_sets_the_next_due_date_and_those_without_one_are_overdue_and_listed_first()
    {
        await ActAsync("supervisor@traininghub.example");
        // Supervised for five months (the demo assignment), so fortnightly now; a meeting whose log is unsigned counts for nothing.
        var signed = (await ScheduleAsync(SessionKind.Individual, _clock.GetUtcNow().AddDays(-1), "learner@traininghub.example")).Value;
        var unsigned = (await ScheduleAsync(SessionKind.Individual, _clock.GetUtcNow().AddHours(-2), "v.kravchuk@traininghub.example")).Value;
        var book = _host.Get<LogBook>();
        var log = (await book.OpenAsync(signed, await PersonAsync("learner@traininghub.example"))).Value;
        await book.SignAsync(log.Id, (await book.WriteAsync(log.Id, LogField.Topics, "Планування")).Value);
        var half = (await book.OpenAsync(unsigned, await PersonAsync("v.kravchuk@traininghub.example"))).Value;
        await book.SignAsync(half.Id, (await book.WriteAsync(half.Id, LogField.Topics, "Навантаження")).Value);
        await ActAsync("learner@traininghub.example");
        await book.SignAsync(log.Id, (await book.OpenAsync(signed, await PersonAsync("learner@traininghub.example"))).Value.Version);
        await ActAsync("supervisor@traininghub.example");
        var rows = (await _host.Get<TrainingHub.Supervision.Assignments.AssignmentRegister>().MySuperviseesAsync()).Value;
        var learner = rows.Single(r => r.PersonName == "Оксана Волонтерка").Due!;
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15), false), (learner.LastMeeting, learner.NextDue, learner.Overdue));
        Assert.Equal("Оксана Волонтерка", rows[^1].PersonName);
        Assert.All(rows.SkipLast(1), r => Assert.True(r.Due!.Overdue && r.Due.LastMeeting is null));
    }

    [Fact]
    public async Task A_meeting_moves_from_to_come_to_past_when_it_has_ended()
    {
        await ActAsync("mentor@traininghub.example");
        await ScheduleAsync(SessionKind.Mentoring, _clock.GetUtcNow().AddHours(1), "v.kravchuk@traininghub.example");
        var planner = _host.Get<SessionPlanner>();

        _clock.Advance(TimeSpan.FromHours(2));
        var underWay = ((await planner.MineAsync(past: false)).Value.Count, (await planner.MineAsync(past: true)).Value.Count);
        _clock.Advance(TimeSpan.FromHours(1));
        var ended = ((await planner.MineAsync(past: false)).Value.Count, (await planner.MineAsync(past: true)).Value.Count);

        Assert.Equal((1, 0), underWay);
        Assert.Equal((0, 1), ended);
    }
}

public sealed class SessionPlannerOnSqlite(SqliteServer server) : SessionPlannerTests(server), IClassFixture<SqliteServer>;

public sealed class SessionPlannerOnPostgreSql(PostgreSqlServer server) : SessionPlannerTests(server), IClassFixture<PostgreSqlServer>;
