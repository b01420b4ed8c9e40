using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Logs;

/// <summary>
/// Observations recorded from a log: only the leader records one, of a published competency, with what was observed;
/// it is saved with the event that takes it to the competencies module.
/// </summary>
public abstract class LogObservationTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private static readonly Guid Listening = Guid.NewGuid();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddSingleton<ICompetencyDirectory>(new OneCompetency());
            });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<Guid> ActAsync(string email)
    {
        var id = (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;
        _host.User.ActingAs(id, new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null));
        return id;
    }

    [Fact]
    public async Task The_leader_records_an_observation_that_is_saved_with_its_event_and_the_supervisee_reads_it()
    {
        var learner = await ActAsync("learner@traininghub.example");
        await ActAsync("supervisor@traininghub.example");
        var sessionId = (await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Individual, ParticipantIds = [learner], Times = new SessionTimes { StartsAt = _clock.GetUtcNow().AddHours(-1), DurationMinutes = 90 },
        })).Value;
        var logId = (await _host.Get<LogBook>().OpenAsync(sessionId, learner)).Value.Id;
        var observations = _host.Get<LogObservations>();

        var unknown = await observations.RecordAsync(logId, Guid.NewGuid(), "Слухала уважно");
        var empty = await observations.RecordAsync(logId, Listening, " ");
        var recorded = await observations.RecordAsync(logId, Listening, "Уважно вислухала матір і підсумувала її слова.");
        await ActAsync("learner@traininghub.example");
        var bySupervisee = await observations.RecordAsync(logId, Listening, "Я молодець");
        var read = (await observations.ListAsync(logId)).Value;
        await ActAsync("h.bondarenko@traininghub.example");
        var outsider = await observations.ListAsync(logId);

        Assert.Equal("Logs:Error:ChooseCompetency", unknown.Error!.ErrorFor("CompetencyLineageId"));
        Assert.Equal("Logs:Error:ObservationRequired", empty.Error!.ErrorFor("Note"));
        Assert.True(recorded.Succeeded);
        Assert.Equal(ErrorKind.Forbidden, bySupervisee.Error!.Kind);
        Assert.Equal([("L.1 Активне слухання", "Уважно вислухала матір і підсумувала її слова.")], read.Select(o => (o.Competency, o.Note)));
        Assert.Equal(ErrorKind.NotFound, outsider.Error!.Kind);
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        var published = await db.Set<IntegrationEventRecord>().AsNoTracking().ToListAsync();
        Assert.Equal(["Supervision.CompetencyObserved"], published.Select(r => r.EventType));
        Assert.Contains(learner.ToString(), published[0].Payload, StringComparison.Ordinal);
    }

    /// <summary>One published competency, as the competencies module would list it.</summary>
    private sealed class OneCompetency : ICompetencyDirectory
    {
        public Task<IReadOnlyList<PublishedCompetency>> ListPublishedCompetenciesAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PublishedCompetency>>([new PublishedCompetency(Listening, "CP-TEST", "Рамка", "Framework", "L.1", "Активне слухання", "Active listening", [])]);
    }
}

public sealed class LogObservationOnSqlite(SqliteServer server) : LogObservationTests(server), IClassFixture<SqliteServer>;

public sealed class LogObservationOnPostgreSql(PostgreSqlServer server) : LogObservationTests(server), IClassFixture<PostgreSqlServer>;
