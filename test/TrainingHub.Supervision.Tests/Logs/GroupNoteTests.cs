using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Logs;

/// <summary>
/// A group supervision of two demo supervisees: the leader writes the shared part, both read it beside their own logs,
/// and it is locked once both logs are.
/// </summary>
public abstract class GroupNoteTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<Guid> ActAsync(string email)
    {
        var id = (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;
        _host.User.ActingAs(id, new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null));
        return id;
    }

    private async Task SignBothAsync(Guid sessionId, Guid personId, string email)
    {
        var book = _host.Get<LogBook>();
        await ActAsync("supervisor@traininghub.example");
        var log = (await book.OpenAsync(sessionId, personId)).Value;
        await book.SignAsync(log.Id, (await book.WriteAsync(log.Id, LogField.Topics, "Групова робота")).Value);
        await ActAsync(email);
        await book.SignAsync(log.Id, (await book.OpenAsync(sessionId, personId)).Value.Version);
    }

    [Fact]
    public async Task The_leader_writes_the_shared_part_the_group_reads_it_and_it_locks_with_the_last_log()
    {
        var learner = await ActAsync("learner@traininghub.example");
        var vasyl = await ActAsync("v.kravchuk@traininghub.example");
        await ActAsync("supervisor@traininghub.example");
        var sessionId = (await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Group, ParticipantIds = [learner, vasyl], Times = new SessionTimes { StartsAt = _clock.GetUtcNow().AddHours(-2), DurationMinutes = 90 },
        })).Value;
        var notes = _host.Get<GroupNotes>();
        var written = await notes.WriteAsync(sessionId, "Розбір випадку: підготовка до першого візиту");
        await ActAsync("v.kravchuk@traininghub.example");
        var participantReads = (await notes.ReadAsync(sessionId)).Value;
        var participantWrites = await notes.WriteAsync(sessionId, "Ні");
        await ActAsync("n.tkachenko@traininghub.example");
        var outsider = await notes.ReadAsync(sessionId);
        await SignBothAsync(sessionId, learner, "learner@traininghub.example");
        await ActAsync("supervisor@traininghub.example");
        var halfLocked = (await notes.ReadAsync(sessionId)).Value;
        await SignBothAsync(sessionId, vasyl, "v.kravchuk@traininghub.example");
        await ActAsync("supervisor@traininghub.example");
        var locked = (await notes.ReadAsync(sessionId)).Value;
        var afterLock = await notes.WriteAsync(sessionId, "Виправлення");

        Assert.True(written.Succeeded);
        Assert.Equal(("Розбір випадку: підготовка до першого візиту", false), (participantReads.Text, participantReads.Editable));
        Assert.Equal(ErrorKind.Forbidden, participantWrites.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, outsider.Error!.Kind);
        Assert.True(halfLocked.Editable);
        Assert.Equal(("Розбір випадку: підготовка до першого візиту", false), (locked.Text, locked.Editable));
        Assert.Equal("Logs:Error:Locked", afterLock.Error!.Key);
    }
}

public sealed class GroupNoteOnSqlite(SqliteServer server) : GroupNoteTests(server), IClassFixture<SqliteServer>;

public sealed class GroupNoteOnPostgreSql(PostgreSqlServer server) : GroupNoteTests(server), IClassFixture<PostgreSqlServer>;
