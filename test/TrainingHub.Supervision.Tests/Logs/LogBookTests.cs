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

namespace TrainingHub.Supervision.Tests.Logs;

/// <summary>
/// Session logs over the demo assignments (the demo supervisor supervises the demo learner): each party writes their own
/// parts, both sign what they read, the log locks, corrections become addenda, and only the two and coordinators of
/// the area (without the private note) read it.
/// </summary>
public abstract class LogBookTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string Supervisor = "supervisor@traininghub.example";
    private const string Learner = "learner@traininghub.example";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private LogBook Book => _host.Get<LogBook>();

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private async Task ActAsync(string email, params PermissionGrant[] more) =>
        _host.User.ActingAs(await PersonAsync(email),
            [new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null), .. more]);

    /// <summary>An individual supervision of the demo learner that began an hour ago.</summary>
    private async Task<(Guid SessionId, Guid PersonId)> HeldSessionAsync(TimeSpan? startsIn = null)
    {
        await ActAsync(Supervisor);
        var learner = await PersonAsync(Learner);
        var id = (await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Individual, ParticipantIds = [learner],
            Times = new SessionTimes { StartsAt = _clock.GetUtcNow() + (startsIn ?? TimeSpan.FromHours(-1)), DurationMinutes = 90 },
        })).Value;
        return (id, learner);
    }

    [Fact]
    public async Task Each_party_writes_their_own_parts_both_sign_what_they_read_and_the_signed_log_is_locked()
    {
        var (sessionId, learner) = await HeldSessionAsync();
        var log = (await Book.OpenAsync(sessionId, learner)).Value;
        await Book.CoverAsync(log.Id, SupervisionFunctions.Educational | SupervisionFunctions.Supportive);
        await Book.WriteAsync(log.Id, LogField.Topics, "  Перший місяць на посаді  ");
        await Book.WriteAsync(log.Id, LogField.Cases, "Сім'я з дитиною з інвалідністю");
        var supervisorsVersion = (await Book.WriteAsync(log.Id, LogField.PrivateNote, "Втома після переїзду")).Value;
        var supervisorWritesReflection = await Book.WriteAsync(log.Id, LogField.Reflection, "Не моє");

        await ActAsync(Learner);
        var learnerWritesTopics = await Book.WriteAsync(log.Id, LogField.Topics, "Інше");
        var learnersVersion = (await Book.WriteAsync(log.Id, LogField.Reflection, "Зрозуміла, як планувати візити")).Value;
        var learnerSigns = await Book.SignAsync(log.Id, learnersVersion);

        await ActAsync(Supervisor);
        var staleSignature = await Book.SignAsync(log.Id, supervisorsVersion);
        var reread = (await Book.OpenAsync(sessionId, learner)).Value;
        var signature = await Book.SignAsync(log.Id, reread.Version);
        var editAfterLock = await Book.WriteAsync(log.Id, LogField.Topics, "Виправлення");
        var addendum = await Book.AddAddendumAsync(log.Id, "Уточнення: візит перенесено на квітень.");
        var locked = (await Book.OpenAsync(sessionId, learner)).Value;

        Assert.Equal(ErrorKind.Forbidden, supervisorWritesReflection.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, learnerWritesTopics.Error!.Kind);
        Assert.True(learnerSigns.Succeeded);
        Assert.Equal("Logs:Error:ChangedSinceRead", staleSignature.Error!.Key);
        Assert.True(signature.Succeeded && addendum.Succeeded);
        Assert.Equal("Logs:Error:Locked", editAfterLock.Error!.Key);
        Assert.True(locked.Locked);
        Assert.Equal(("Перший місяць на посаді", "Зрозуміла, як планувати візити", "Втома після переїзду"), (locked.Topics, locked.Reflection, locked.PrivateNote));
        Assert.Equal(SupervisionFunctions.Educational | SupervisionFunctions.Supportive, locked.Functions);
        Assert.Equal(("Марія Супервізорка", "Уточнення: візит перенесено на квітень."), (locked.Addenda.Single().AuthorName, locked.Addenda.Single().Text));
    }

    [Fact]
    public async Task The_leaders_change_takes_both_signatures_away_the_reflection_leaves_the_leaders_and_an_addendum_waits_for_the_lock()
    {
        var (sessionId, learner) = await HeldSessionAsync();
        var log = (await Book.OpenAsync(sessionId, learner)).Value;
        var unsignedTopics = await Book.SignAsync(log.Id, log.Version);
        var version = (await Book.WriteAsync(log.Id, LogField.Topics, "Навантаження")).Value;
        Assert.True((await Book.SignAsync(log.Id, version)).Succeeded);
        var early = await Book.AddAddendumAsync(log.Id, "Рано");

        await ActAsync(Learner);
        await Book.WriteAsync(log.Id, LogField.Reflection, "Домовились про графік");
        var afterReflection = (await Book.OpenAsync(sessionId, learner)).Value;
        await ActAsync(Supervisor);
        await Book.WriteAsync(log.Id, LogField.Topics, "Навантаження і графік");
        await ActAsync(Learner);
        await Book.SignAsync(log.Id, (await Book.OpenAsync(sessionId, learner)).Value.Version);
        await ActAsync(Supervisor);
        await Book.WriteAsync(log.Id, LogField.Topics, "Навантаження, графік і відпустка");
        var afterLeadersChange = (await Book.OpenAsync(sessionId, learner)).Value;

        Assert.Equal("Logs:Error:TopicsRequired", unsignedTopics.Error!.ErrorFor(nameof(SessionLog.Topics)));
        Assert.Equal("Logs:Error:NotLocked", early.Error!.Key);
        Assert.Equal((true, false), (afterReflection.LeaderSignedAt is not null, afterReflection.Locked));
        Assert.Equal((null, null), (afterLeadersChange.LeaderSignedAt, afterLeadersChange.PersonSignedAt));
        Assert.True(afterLeadersChange.AwaitsMySignature);
    }

    [Fact]
    public async Task A_log_opens_when_the_meeting_begins_and_a_cancelled_meeting_has_none()
    {
        var (later, learner) = await HeldSessionAsync(TimeSpan.FromHours(2));
        var before = await Book.OpenAsync(later, learner);
        var planner = _host.Get<SessionPlanner>();
        var version = (await planner.MineAsync(past: false)).Value.Single(s => s.Id == later).Version;
        await planner.CancelAsync(later, version, "Хвороба");
        _clock.Advance(TimeSpan.FromHours(3));
        var cancelled = await Book.OpenAsync(later, learner);

        Assert.Equal("Logs:Error:NotYet", before.Error!.Key);
        Assert.Equal("Logs:Error:Cancelled", cancelled.Error!.Key);
    }

    [Fact]
    public async Task Coordinators_of_the_area_read_without_the_private_note_and_nobody_else_reads_at_all()
    {
        var (sessionId, learner) = await HeldSessionAsync();
        var log = (await Book.OpenAsync(sessionId, learner)).Value;
        await Book.WriteAsync(log.Id, LogField.Topics, "Планування");
        await Book.WriteAsync(log.Id, LogField.PrivateNote, "Лише для нас");
        await using (var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext())
        {
            var unit = (await db.Sessions.SingleAsync(s => s.Id == sessionId)).UnitId;
            await ActAsync("coordinator@traininghub.example", new PermissionGrant(SupervisionPermissions.LogsRead, unit));
        }
        var coordinator = (await Book.OpenAsync(sessionId, learner)).Value;
        var coordinatorWrites = await Book.WriteAsync(log.Id, LogField.Topics, "Ні");
        await ActAsync("coordinator@traininghub.example", new PermissionGrant(SupervisionPermissions.LogsRead, Guid.NewGuid()));
        var elsewhere = await Book.OpenAsync(sessionId, learner);
        await ActAsync("h.bondarenko@traininghub.example");
        var anotherSupervisee = await Book.OpenAsync(sessionId, learner);

        Assert.Equal((LogReader.Coordinator, "Планування", null, false), (coordinator.Reader, coordinator.Topics, coordinator.PrivateNote, coordinator.Editable));
        Assert.Equal(ErrorKind.NotFound, coordinatorWrites.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, elsewhere.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, anotherSupervisee.Error!.Kind);
    }

    [Fact]
    public async Task Agreed_actions_stay_open_until_done_also_after_the_lock_and_wait_on_both_home_lists()
    {
        var (sessionId, learner) = await HeldSessionAsync();
        var log = (await Book.OpenAsync(sessionId, learner)).Value;
        var agreed = await Book.AgreeAsync(log.Id, new ActionInput { Text = "Скласти план візитів", OwnerId = learner, DueOn = new DateOnly(2026, 3, 9) });
        var outsider = await Book.AgreeAsync(log.Id, new ActionInput { Text = "Чуже", OwnerId = Guid.NewGuid() });
        var empty = await Book.AgreeAsync(log.Id, new ActionInput { Text = " ", OwnerId = learner });
        var version = (await Book.WriteAsync(log.Id, LogField.Topics, "План")).Value;
        await Book.SignAsync(log.Id, version);
        var supervisorsActions = await Book.OpenActionsAsync();

        await ActAsync(Learner);
        var toSign = await Book.ToSignAsync();
        var mine = Assert.Single(await Book.OpenActionsAsync());
        var reread = (await Book.OpenAsync(sessionId, learner)).Value;
        await Book.SignAsync(log.Id, reread.Version);
        var done = await Book.CompleteActionAsync(mine.Id);
        var afterwards = await Book.OpenActionsAsync();
        var stored = (await Book.OpenAsync(sessionId, learner)).Value.Actions.Single();

        Assert.True(agreed.Succeeded);
        Assert.Equal("Logs:Error:ActionOwner", outsider.Error!.ErrorFor("OwnerId"));
        Assert.Equal("Logs:Error:ActionRequired", empty.Error!.ErrorFor("Text"));
        Assert.Equal(("Скласти план візитів", "Оксана Волонтерка", false), (supervisorsActions.Single().Text, supervisorsActions.Single().OwnerName, supervisorsActions.Single().Mine));
        Assert.Equal(("Марія Супервізорка", SessionKind.Individual), (toSign.Single().OtherName, toSign.Single().Kind));
        Assert.True(mine.Mine && done.Succeeded);
        Assert.Empty(afterwards);
        Assert.NotNull(stored.DoneAt);
    }

    [Fact]
    public async Task A_meeting_that_began_waits_for_its_leader_to_write_the_log_and_one_to_come_does_not()
    {
        var (held, learner) = await HeldSessionAsync();
        await HeldSessionAsync(TimeSpan.FromDays(2));
        var before = await Book.ToSignAsync();
        await ActAsync(Learner);
        var learnerBefore = await Book.ToSignAsync();
        await Book.OpenAsync(held, learner);
        var learnerAfter = await Book.ToSignAsync();

        Assert.Equal([(held, learner, "Оксана Волонтерка")], before.Select(l => (l.SessionId, l.PersonId, l.OtherName)));
        Assert.Empty(learnerBefore);
        Assert.Equal([(held, "Марія Супервізорка")], learnerAfter.Select(l => (l.SessionId, l.OtherName)));
    }
}

public sealed class LogBookOnSqlite(SqliteServer server) : LogBookTests(server), IClassFixture<SqliteServer>;

public sealed class LogBookOnPostgreSql(PostgreSqlServer server) : LogBookTests(server), IClassFixture<PostgreSqlServer>;
