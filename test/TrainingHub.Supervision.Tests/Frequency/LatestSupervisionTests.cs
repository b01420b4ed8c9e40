using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Frequency;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Frequency;

/// <summary>
/// Each supervisee's latest supervision, kept as logs are signed and meetings change, for the learner of the demo
/// supervisor (the demo meetings and logs cleared first).
/// </summary>
public abstract class LatestSupervisionTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string Learner = "learner@traininghub.example";
    private const string Supervisor = "supervisor@traininghub.example";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        await using var db = CreateDb();
        await db.Logs.ExecuteDeleteAsync();
        await db.Sessions.ExecuteDeleteAsync();
        await db.LatestSupervisions.ExecuteDeleteAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private SupervisionDbContext CreateDb() => _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private async Task ActAsync(string email) =>
        _host.User.ActingAs(await PersonAsync(email), new PermissionGrant(SupervisionPermissions.Supervise, null),
            new PermissionGrant(SupervisionPermissions.SessionsView, null));

    /// <summary>A meeting with the learner and its log, signed by the leader and, unless told otherwise, by the learner.</summary>
    private async Task<(Guid SessionId, Guid LogId)> HeldAsync(string leader, SessionKind kind, DateTimeOffset startsAt, bool signedByLearner = true)
    {
        await ActAsync(leader);
        var learner = await PersonAsync(Learner);
        var scheduled = await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = kind, ParticipantIds = [learner], Times = new SessionTimes { StartsAt = startsAt, DurationMinutes = 60 },
        });
        Assert.True(scheduled.Succeeded, scheduled.Error?.ToString());
        var book = _host.Get<LogBook>();
        var log = (await book.OpenAsync(scheduled.Value, learner)).Value;
        Assert.True((await book.SignAsync(log.Id, (await book.WriteAsync(log.Id, LogField.Topics, "Планування роботи з родиною")).Value)).Succeeded);
        if (signedByLearner)
        {
            await SignAsLearnerAsync(scheduled.Value, log.Id);
        }
        return (scheduled.Value, log.Id);
    }

    private async Task SignAsLearnerAsync(Guid sessionId, Guid logId)
    {
        await ActAsync(Learner);
        var book = _host.Get<LogBook>();
        Assert.True((await book.SignAsync(logId, (await book.OpenAsync(sessionId, await PersonAsync(Learner))).Value.Version)).Succeeded);
    }

    private async Task<DateTimeOffset?> LatestAsync()
    {
        var learner = await PersonAsync(Learner);
        await using var db = CreateDb();
        return (await db.LatestSupervisions.AsNoTracking().SingleOrDefaultAsync(l => l.PersonId == learner))?.StartsAt;
    }

    private async Task<Guid> VersionAsync(Guid sessionId)
    {
        await using var db = CreateDb();
        return await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync();
    }

    [Fact]
    public async Task The_latest_supervision_moves_when_a_later_log_is_signed_by_both_and_stays_for_an_unsigned_or_older_one()
    {
        var now = _clock.GetUtcNow();
        Assert.Null(await LatestAsync());

        await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-20));
        Assert.Equal(now.AddDays(-20), await LatestAsync());

        // Signed by the supervisor alone, a later meeting is not yet a supervision held; an older one is older.
        var (later, laterLog) = await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-5), signedByLearner: false);
        Assert.Equal(now.AddDays(-20), await LatestAsync());
        await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-30));
        Assert.Equal(now.AddDays(-20), await LatestAsync());

        await SignAsLearnerAsync(later, laterLog);
        Assert.Equal(now.AddDays(-5), await LatestAsync());
    }

    [Fact]
    public async Task Cancelling_or_moving_the_latest_meeting_moves_the_latest_supervision_with_it()
    {
        var now = _clock.GetUtcNow();
        var (first, _) = await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-20));
        var (second, _) = await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-10));
        Assert.Equal(now.AddDays(-10), await LatestAsync());
        var planner = _host.Get<SessionPlanner>();
        await ActAsync(Supervisor);

        Assert.True((await planner.CancelAsync(second, await VersionAsync(second), "Захворіла")).Succeeded);
        Assert.Equal(now.AddDays(-20), await LatestAsync());

        Assert.True((await planner.RescheduleAsync(first, await VersionAsync(first), new SessionTimes { StartsAt = now.AddDays(-25), DurationMinutes = 60 })).Succeeded);
        Assert.Equal(now.AddDays(-25), await LatestAsync());

        Assert.True((await planner.CancelAsync(first, await VersionAsync(first), "Помилка в записі")).Succeeded);
        Assert.Null(await LatestAsync());
    }

    [Fact]
    public async Task Coverage_on_a_day_before_the_latest_supervision_counts_the_meetings_until_that_day()
    {
        var now = _clock.GetUtcNow();
        await using (var db = CreateDb())
        {
            db.FrequencySettings.Add(new FrequencySetting { Place = FrequencySetting.PlaceOf(null, null), Steps = "*:30d", ChangedAt = now });
            await db.SaveChangesAsync();
        }
        await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-50));
        await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-10));
        var learner = await PersonAsync(Learner);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var coverage = _host.Get<ISupervisionCoverage>();

        // Kept: the meeting 10 days ago. Before it, the one 50 days ago counts: within 30 days of it 25 days ago, not 15.
        Assert.True((await coverage.CoverageAsync([learner], today))[learner]);
        Assert.True((await coverage.CoverageAsync([learner], today.AddDays(-25)))[learner]);
        Assert.False((await coverage.CoverageAsync([learner], today.AddDays(-15)))[learner]);
    }
}

public sealed class LatestSupervisionOnSqlite(SqliteServer server) : LatestSupervisionTests(server), IClassFixture<SqliteServer>;

public sealed class LatestSupervisionOnPostgreSql(PostgreSqlServer server) : LatestSupervisionTests(server), IClassFixture<PostgreSqlServer>;
