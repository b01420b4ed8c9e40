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
using TrainingHub.Supervision.Hours;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Mentoring;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Record;

/// <summary>
/// The demo learner's supervision record as pathways read it, built the way people build it: hours logged and reviewed,
/// meetings held and their logs signed, a mentoring pair ended and reviewed. The demo hours, meetings and logs are
/// cleared first, so only what each test does counts.
/// </summary>
public abstract class SupervisionRecordTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string Learner = "learner@traininghub.example";
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
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        await db.HoursEntries.ExecuteDeleteAsync();
        await db.Logs.ExecuteDeleteAsync();
        await db.Sessions.ExecuteDeleteAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private ISupervisionRecord Records => _host.Get<ISupervisionRecord>();

    private static DateOnly March(int day) => new(2026, 3, day);

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private async Task<Guid> ActAsync(string email)
    {
        var id = await PersonAsync(email);
        _host.User.ActingAs(id,
            new PermissionGrant(SupervisionPermissions.HoursLog, null), new PermissionGrant(SupervisionPermissions.HoursReview, null),
            new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null));
        return id;
    }

    private async Task<Guid> VersionOfEntryAsync(Guid entryId)
    {
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        return await db.HoursEntries.Where(e => e.Id == entryId).Select(e => e.Version).SingleAsync();
    }

    /// <summary>The learner logs and submits hours; answers the entry.</summary>
    private async Task<Guid> LoggedAsync(decimal hours, DateOnly date, Guid type)
    {
        await ActAsync(Learner);
        var id = (await _host.Get<HoursLog>().LogAsync(new HoursInput { Date = date, Hours = hours, ActivityTypeId = type })).Value;
        Assert.Equal(1, (await _host.Get<HoursLog>().SubmitAsync([id])).Value);
        return id;
    }

    /// <summary>The learner's supervisor approves the entry.</summary>
    private async Task ApproveAsync(Guid entryId)
    {
        await ActAsync(Supervisor);
        Assert.True((await _host.Get<HoursReview>().ApproveAsync(entryId, await VersionOfEntryAsync(entryId))).Succeeded);
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

    /// <summary>The demo mentor's pair with the learner, its last day set as a coordinator would end it.</summary>
    private async Task<Assignment> PairEndingOnAsync(DateOnly lastDay)
    {
        var (mentor, learner) = (await PersonAsync(Mentor), await PersonAsync(Learner));
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        var pair = await db.Assignments.SingleAsync(a => a.AssigneeId == mentor && a.PersonId == learner && a.Role == AssignmentRole.Mentor);
        pair.EndsOn = lastDay;
        await db.SaveChangesAsync();
        return pair;
    }

    private async Task ReviewAsync(string email, Guid pairId)
    {
        await ActAsync(email);
        var reviewed = await _host.Get<MentoringPairs>().ReviewAsync(pairId, new ReviewInput { WentWell = "Регулярні зустрічі", Next = "Самостійні візити", GoalsMet = 4 });
        Assert.True(reviewed.Succeeded, reviewed.Error?.ToString());
    }

    [Fact]
    public async Task Planning_figures_add_up_each_persons_approved_hours_in_the_period_and_leave_out_people_without_any()
    {
        var early = await LoggedAsync(4, new DateOnly(2026, 2, 20), ActivityType.DirectWork);
        var visit = await LoggedAsync(3, March(2), ActivityType.DirectWork);
        var course = await LoggedAsync(2.5m, March(3), ActivityType.Training);
        await LoggedAsync(6, March(4), ActivityType.DirectWork);
        foreach (var entry in new[] { early, visit, course })
        {
            await ApproveAsync(entry);
        }
        var (learner, supervisor) = (await PersonAsync(Learner), await PersonAsync(Supervisor));

        var hours = await _host.Get<ISupervisionFigures>().ApprovedHoursAsync([learner, supervisor], March(1), March(31));

        Assert.Equal(5.5m, Assert.Single(hours, h => h.Key == learner).Value);
        Assert.DoesNotContain(supervisor, hours.Keys);
    }

    [Fact]
    public async Task Approved_hours_are_grouped_by_activity_type_and_unapproved_or_withdrawn_ones_and_those_outside_the_dates_are_left_out()
    {
        var early = await LoggedAsync(4, new DateOnly(2026, 2, 20), ActivityType.DirectWork);
        var visit = await LoggedAsync(3, March(2), ActivityType.DirectWork);
        var secondVisit = await LoggedAsync(1.5m, March(3), ActivityType.DirectWork);
        var course = await LoggedAsync(2.5m, March(3), ActivityType.Training);
        await LoggedAsync(5, March(4), ActivityType.IndirectWork);
        var withdrawn = await LoggedAsync(6, March(5), ActivityType.Training);
        foreach (var entry in new[] { early, visit, secondVisit, course, withdrawn })
        {
            await ApproveAsync(entry);
        }
        Assert.True((await _host.Get<HoursReview>().WithdrawAsync(withdrawn, await VersionOfEntryAsync(withdrawn), "Подвійний запис")).Succeeded);
        var learner = await PersonAsync(Learner);

        var ever = await Records.ForAsync(learner);
        var fromMarch = await Records.ForAsync(learner, March(2));
        var fromLater = await Records.ForAsync(learner, March(4));
        var february = await Records.ForAsync(learner, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28));
        var untilSecond = await Records.ForAsync(learner, until: March(2));

        Assert.Equal([new ApprovedHours(ActivityType.DirectWork, 4m)], february.Hours);
        Assert.Equal([new ApprovedHours(ActivityType.DirectWork, 7m)], untilSecond.Hours);
        Assert.Equal([new ApprovedHours(ActivityType.DirectWork, 8.5m), new ApprovedHours(ActivityType.Training, 2.5m)], ever.Hours);
        Assert.Equal(11m, ever.TotalHours);
        Assert.Equal([new ApprovedHours(ActivityType.DirectWork, 4.5m), new ApprovedHours(ActivityType.Training, 2.5m)], fromMarch.Hours);
        Assert.Empty(fromLater.Hours);
        Assert.Equal(0m, fromLater.TotalHours);
    }

    [Fact]
    public async Task Only_individual_or_group_supervisions_whose_log_both_signed_count_between_the_dates()
    {
        var now = _clock.GetUtcNow();
        await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-40), [Learner]);
        await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-10), [Learner]);
        await HeldAsync(Supervisor, SessionKind.Group, now.AddDays(-3), [Learner, "h.bondarenko@traininghub.example"]);
        await HeldAsync(Supervisor, SessionKind.Individual, now.AddDays(-2), [Learner], signedByPerson: false);
        await HeldAsync(Mentor, SessionKind.Mentoring, now.AddDays(-1), [Learner]);
        var learner = await PersonAsync(Learner);

        var ever = await Records.ForAsync(learner);
        var sinceTenDaysAgo = await Records.ForAsync(learner, DateOnly.FromDateTime(now.AddDays(-10).UtcDateTime));
        var sinceYesterday = await Records.ForAsync(learner, DateOnly.FromDateTime(now.AddDays(-1).UtcDateTime));
        var untilFiveDaysAgo = await Records.ForAsync(learner, until: DateOnly.FromDateTime(now.AddDays(-5).UtcDateTime));

        Assert.Equal(2, untilFiveDaysAgo.SignedSupervisions);
        Assert.Equal(3, ever.SignedSupervisions);
        Assert.Equal(2, sinceTenDaysAgo.SignedSupervisions);
        Assert.Equal(0, sinceYesterday.SignedSupervisions);
        Assert.Equal(1, (await Records.ForAsync(await PersonAsync("h.bondarenko@traininghub.example"))).SignedSupervisions);
    }

    [Fact]
    public async Task Mentoring_is_completed_on_the_last_day_of_a_pair_that_has_ended_once_the_mentor_wrote_the_end_review()
    {
        var learner = await PersonAsync(Learner);
        var pair = await PairEndingOnAsync(March(10));
        await ReviewAsync(Learner, pair.Id);
        var menteeReviewOnly = await Records.ForAsync(learner);
        await ReviewAsync(Mentor, pair.Id);
        var notEndedYet = await Records.ForAsync(learner);
        _clock.Advance(TimeSpan.FromDays(4));

        var ended = await Records.ForAsync(learner);
        var sinceBefore = await Records.ForAsync(learner, March(10));
        var sinceAfter = await Records.ForAsync(learner, March(11));

        Assert.Null(menteeReviewOnly.MentoringCompletedOn);
        Assert.Null(notEndedYet.MentoringCompletedOn);
        Assert.Equal(March(10), ended.MentoringCompletedOn);
        Assert.Equal(March(10), sinceBefore.MentoringCompletedOn);
        Assert.Null(sinceAfter.MentoringCompletedOn);
        Assert.Null((await Records.ForAsync(await PersonAsync(Mentor))).MentoringCompletedOn);
    }

    [Fact]
    public async Task Activity_types_are_the_built_in_ones_in_their_order_then_those_added()
    {
        _host.User.Holding(new PermissionGrant(SupervisionPermissions.ActivityTypesManage, null));
        var added = (await _host.Get<ActivityTypeCatalogue>().AddAsync(new ActivityTypeInput { NameUk = "Медіація", NameEn = "Mediation" })).Value;

        var types = await Records.ActivityTypesAsync();

        Assert.Equal([.. ActivityType.BuiltIn.Select(t => t.Id), added], types.Select(t => t.Id));
        Assert.Equal(("Медіація", "Mediation"), (types[^1].Name(false), types[^1].Name(true)));
    }
}

public sealed class SupervisionRecordOnSqlite(SqliteServer server) : SupervisionRecordTests(server), IClassFixture<SqliteServer>;

public sealed class SupervisionRecordOnPostgreSql(PostgreSqlServer server) : SupervisionRecordTests(server), IClassFixture<PostgreSqlServer>;
