using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Frequency;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Coverage;

/// <summary>
/// Supervision coverage as the planning overview reads it, for the demo supervisor's four supervisees (supervised for
/// 3 to 12 months) under a policy of supervision every 30 days everywhere. The demo meetings and logs are cleared
/// first, so only the meetings each test holds and signs count.
/// </summary>
public abstract class PlanningCoverageTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string Learner = "learner@traininghub.example";
    private const string Bondarenko = "h.bondarenko@traininghub.example";
    private const string Kravchuk = "v.kravchuk@traininghub.example";
    private const string Tkachenko = "n.tkachenko@traininghub.example";
    private const string Supervisor = "supervisor@traininghub.example";
    private const string Mentor = "mentor@traininghub.example";

    // A Friday in Kyiv.
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
        // Deleted past saving, so the latest supervisions kept from the demo logs go with them.
        await db.LatestSupervisions.ExecuteDeleteAsync();
        db.FrequencySettings.Add(Policy(null, "*:30d"));
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private ISupervisionCoverage Coverage => _host.Get<ISupervisionCoverage>();

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    private SupervisionDbContext CreateDb() => _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();

    private FrequencySetting Policy(Guid? positionTypeId, string steps) => new()
    {
        PositionTypeId = positionTypeId, Place = FrequencySetting.PlaceOf(null, positionTypeId), Steps = steps, ChangedAt = _clock.GetUtcNow(),
    };

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private async Task<Guid> ActAsync(string email)
    {
        var id = await PersonAsync(email);
        _host.User.ActingAs(id, new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null));
        return id;
    }

    /// <summary>
    /// A meeting the leader holds with the people at a moment, each one's log signed by the leader and, unless
    /// <paramref name="signedByPerson"/> is false, by the person.
    /// </summary>
    private async Task HeldAsync(string leader, SessionKind kind, DateTimeOffset startsAt, string[] people, bool signedByPerson = true)
    {
        await ActAsync(leader);
        var ids = new List<Guid>();
        foreach (var email in people)
        {
            ids.Add(await PersonAsync(email));
        }
        var scheduled = await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = kind, ParticipantIds = ids, Times = new SessionTimes { StartsAt = startsAt, DurationMinutes = 60 },
        });
        Assert.True(scheduled.Succeeded, scheduled.Error?.ToString());
        foreach (var email in people)
        {
            await ActAsync(leader);
            var book = _host.Get<LogBook>();
            var personId = await PersonAsync(email);
            var log = (await book.OpenAsync(scheduled.Value, personId)).Value;
            Assert.True((await book.SignAsync(log.Id, (await book.WriteAsync(log.Id, LogField.Topics, "Планування роботи з родиною")).Value)).Succeeded);
            if (signedByPerson)
            {
                await ActAsync(email);
                Assert.True((await book.SignAsync(log.Id, (await book.OpenAsync(scheduled.Value, personId)).Value.Version)).Succeeded);
            }
        }
    }

    [Fact]
    public async Task Supervisees_met_at_a_signed_supervision_within_their_frequency_are_covered_and_the_rest_are_not()
    {
        var now = _clock.GetUtcNow();
        await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-10), [Learner]);
        await HeldAsync(Supervisor, SessionKind.Group, now.AddDays(-40), [Bondarenko, Learner]);
        await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-2), [Kravchuk], signedByPerson: false);
        await HeldAsync(Mentor, SessionKind.Mentoring, now.AddDays(-1), [Kravchuk]);
        var (learner, bondarenko, kravchuk, tkachenko) = (await PersonAsync(Learner), await PersonAsync(Bondarenko), await PersonAsync(Kravchuk), await PersonAsync(Tkachenko));
        var (supervisor, mentor) = (await PersonAsync(Supervisor), await PersonAsync(Mentor));

        var coverage = await Coverage.CoverageAsync([learner, bondarenko, kravchuk, tkachenko, supervisor, mentor, Guid.NewGuid()], Today);

        // The learner met 10 days ago; Bondarenko 40 days ago, over the 30 days; Kravchuk only at a log she has not
        // signed and at mentoring; Tkachenko never. The supervisor, the mentor and someone unknown have no supervisor.
        Assert.Equal(new Dictionary<Guid, bool> { [learner] = true, [bondarenko] = false, [kravchuk] = false, [tkachenko] = false }, coverage);
        Assert.Empty(await Coverage.CoverageAsync([], Today));
        Assert.Empty(await Coverage.CoverageAsync([supervisor, mentor], Today));
    }

    [Fact]
    public async Task Coverage_counts_the_meetings_up_to_the_day_asked_about_by_the_policy_for_each_persons_position()
    {
        var now = _clock.GetUtcNow();
        await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-10), [Learner]);
        await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-40), [Bondarenko]);
        var (learner, bondarenko) = (await PersonAsync(Learner), await PersonAsync(Bondarenko));
        var assistant = (await _host.Get<IPeopleLookup>().FindAsync(bondarenko))!.PositionTypeId;
        await using (var db = CreateDb())
        {
            db.FrequencySettings.Add(Policy(assistant, "*:60d"));
            await db.SaveChangesAsync();
        }
        var ids = new[] { learner, bondarenko };

        var beforeMeeting = await Coverage.CoverageAsync(ids, Today.AddDays(-11));
        var onMeetingDay = await Coverage.CoverageAsync(ids, Today.AddDays(-10));
        var today = await Coverage.CoverageAsync(ids, Today);
        var lastDayDue = await Coverage.CoverageAsync(ids, Today.AddDays(20));
        var dayAfter = await Coverage.CoverageAsync(ids, Today.AddDays(21));

        // Bondarenko, a social assistant, is to be supervised every 60 days, so 40 days since her meeting are within it;
        // both are next due 30 and 60 days after their meetings, 20 days from now.
        Assert.Equal(new Dictionary<Guid, bool> { [learner] = false, [bondarenko] = true }, beforeMeeting);
        Assert.Equal(new Dictionary<Guid, bool> { [learner] = true, [bondarenko] = true }, onMeetingDay);
        Assert.Equal(new Dictionary<Guid, bool> { [learner] = true, [bondarenko] = true }, today);
        Assert.Equal(new Dictionary<Guid, bool> { [learner] = true, [bondarenko] = true }, lastDayDue);
        Assert.Equal(new Dictionary<Guid, bool> { [learner] = false, [bondarenko] = false }, dayAfter);
    }

    [Fact]
    public async Task Only_people_with_a_supervisor_on_the_day_asked_about_are_counted()
    {
        var (learner, kravchuk) = (await PersonAsync(Learner), await PersonAsync(Kravchuk));
        await using (var db = CreateDb())
        {
            var assignment = await db.Assignments.SingleAsync(a => a.PersonId == kravchuk && a.Role == AssignmentRole.Supervisor);
            Assert.True(assignment.End(Today.AddDays(-5)).Succeeded);
            await db.SaveChangesAsync();
        }
        DateOnly started;
        await using (var db = CreateDb())
        {
            started = await db.Assignments.Where(a => a.PersonId == learner && a.Role == AssignmentRole.Supervisor).Select(a => a.StartsOn).SingleAsync();
        }

        Assert.Equal([learner], (await Coverage.CoverageAsync([learner, kravchuk], Today)).Keys);
        Assert.Equal(new[] { learner, kravchuk }.Order(), (await Coverage.CoverageAsync([learner, kravchuk], Today.AddDays(-5))).Keys.Order());
        Assert.DoesNotContain(learner, (await Coverage.CoverageAsync([learner], started.AddDays(-1))).Keys);
    }

    [Fact]
    public async Task Thousands_of_people_are_answered_at_once()
    {
        var leader = await PersonAsync(Supervisor);
        var learner = await PersonAsync(Learner);
        var unit = Guid.NewGuid();
        var supervisees = Enumerable.Range(0, 5_000).Select(_ => Guid.NewGuid()).ToList();
        var now = _clock.GetUtcNow();
        await using (var db = CreateDb())
        {
            foreach (var (personId, i) in supervisees.Select((p, i) => (p, i)))
            {
                db.Assignments.Add(new Assignment
                {
                    PersonId = personId, AssigneeId = leader, Role = AssignmentRole.Supervisor, UnitId = unit, StartsOn = Today.AddYears(-1), CreatedAt = now,
                });
                if (i % 2 == 0)
                {
                    var session = new SupervisionSession
                    {
                        Kind = SessionKind.Individual, LeaderId = leader, UnitId = unit, StartsAt = now.AddDays(-10), DurationMinutes = 60,
                        Status = SessionStatus.Scheduled, CreatedAt = now,
                    };
                    db.Sessions.Add(session);
                    db.Logs.Add(new SessionLog
                    {
                        SessionId = session.Id, PersonId = personId, LeaderId = leader, UnitId = unit, LeaderSignedAt = now, PersonSignedAt = now, UpdatedAt = now,
                    });
                }
            }
            await db.SaveChangesAsync();
        }
        var asked = supervisees.Concat(Enumerable.Range(0, 5_000).Select(_ => Guid.NewGuid())).Append(learner).ToList();

        var coverage = await Coverage.CoverageAsync(asked, Today);

        Assert.Equal(5_001, coverage.Count);
        Assert.Equal(2_500, coverage.Count(c => c.Value));
        Assert.All(supervisees.Where((_, i) => i % 2 == 0), p => Assert.True(coverage[p]));
        Assert.False(coverage[learner]);
    }
}

public sealed class PlanningCoverageOnSqlite(SqliteServer server) : PlanningCoverageTests(server), IClassFixture<SqliteServer>;

public sealed class PlanningCoverageOnPostgreSql(PostgreSqlServer server) : PlanningCoverageTests(server), IClassFixture<PostgreSqlServer>;
