using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Hours;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Home;

/// <summary>
/// The demo learner's own supervision steps on the home page (the demo supervisor supervises her, the demo mentor mentors
/// her, and her position of volunteer asks for practice hours): her next meetings, the logs waiting for her signature,
/// and hours to submit or correct; never anyone else's. The demo hours are cleared first. It is Friday 6 March 2026.
/// </summary>
public abstract class SupervisionStepsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string Supervisor = "supervisor@traininghub.example";
    private const string Mentor = "mentor@traininghub.example";
    private const string Learner = "learner@traininghub.example";
    private const string Colleague = "h.bondarenko@traininghub.example";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        await db.HoursEntries.ExecuteDeleteAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static DateOnly March(int day) => new(2026, 3, day);

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private async Task<Guid> ActAsync(string email)
    {
        var id = await PersonAsync(email);
        _host.User.ActingAs(id, new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null),
            new PermissionGrant(SupervisionPermissions.HoursLog, null), new PermissionGrant(SupervisionPermissions.HoursReview, null));
        return id;
    }

    /// <summary>The steps of one person, in Ukrainian, as the home page asks for them.</summary>
    private async Task<IReadOnlyList<NextStep>> StepsAsync(string email)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        var steps = _host.Get<IEnumerable<INextSteps>>().Single();
        return NextSteps.InOrder(await steps.ForAsync(await PersonAsync(email), _clock.GetUtcNow(), CancellationToken.None));
    }

    private async Task<Guid> ScheduledAsync(string leader, SessionKind kind, string participant, TimeSpan startsIn)
    {
        var person = await PersonAsync(participant);
        await ActAsync(leader);
        return (await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = kind, ParticipantIds = [person],
            Times = new SessionTimes { StartsAt = _clock.GetUtcNow() + startsIn, DurationMinutes = 60 },
        })).Value;
    }

    [Fact]
    public async Task The_next_supervision_and_the_next_mentoring_meeting_say_with_whom_and_the_one_within_two_days_is_due_soon()
    {
        var tomorrow = await ScheduledAsync(Supervisor, SessionKind.Individual, Learner, TimeSpan.FromDays(1));
        var later = await ScheduledAsync(Supervisor, SessionKind.Individual, Learner, TimeSpan.FromDays(8));
        var colleagues = await ScheduledAsync(Supervisor, SessionKind.Individual, Colleague, TimeSpan.FromHours(3));
        var mentoring = await ScheduledAsync(Mentor, SessionKind.Mentoring, Learner, TimeSpan.FromDays(5));
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        var learner = await PersonAsync(Learner);
        var pair = await db.Assignments.Where(a => a.Role == AssignmentRole.Mentor && a.PersonId == learner).Select(a => a.Id).SingleAsync();

        var steps = (await StepsAsync(Learner)).Where(s => s.Key.StartsWith("supervision:session:", StringComparison.Ordinal)).ToList();

        Assert.Equal([$"supervision:session:{tomorrow}", $"supervision:session:{mentoring}"], steps.Select(s => s.Key));
        Assert.Equal(("Індивідуальна супервізія · проводить Марія Супервізорка", NextStepUrgency.DueSoon, $"supervision/sessions#session-{tomorrow}"),
            (steps[0].Title, steps[0].Urgency, steps[0].Href));
        Assert.Equal(("Зустріч із наставником · проводить Андрій Наставник", NextStepUrgency.Upcoming, $"supervision/mentoring/{pair}"),
            (steps[1].Title, steps[1].Urgency, steps[1].Href));
        Assert.DoesNotContain(steps, s => s.Key.Contains(later.ToString(), StringComparison.Ordinal) || s.Key.Contains(colleagues.ToString(), StringComparison.Ordinal));
        // The meetings a supervisor leads are not steps of her own.
        Assert.DoesNotContain(await StepsAsync(Supervisor), s => s.Key.StartsWith("supervision:session:", StringComparison.Ordinal));
        Assert.Equal($"supervision:session:{colleagues}", Assert.Single(await StepsAsync(Colleague), s => s.Key.StartsWith("supervision:session:", StringComparison.Ordinal)).Key);
    }

    [Fact]
    public async Task A_log_waits_for_the_supervisees_signature_until_she_signs_it_and_is_never_a_step_of_someone_else()
    {
        var session = await ScheduledAsync(Supervisor, SessionKind.Individual, Learner, TimeSpan.FromHours(-2));
        var learner = await PersonAsync(Learner);
        var book = _host.Get<LogBook>();
        var log = (await book.OpenAsync(session, learner)).Value;
        var version = (await book.WriteAsync(log.Id, LogField.Topics, "Навантаження")).Value;
        await book.SignAsync(log.Id, version);

        var waiting = Assert.Single(await StepsAsync(Learner), s => s.Key.StartsWith("supervision:log:", StringComparison.Ordinal));
        var othersBefore = (await StepsAsync(Supervisor)).Concat(await StepsAsync(Colleague)).ToList();
        await ActAsync(Learner);
        Assert.True((await book.SignAsync(log.Id, (await book.OpenAsync(session, learner)).Value.Version)).Succeeded);
        var after = await StepsAsync(Learner);

        Assert.Equal(("Підпишіть журнал: Індивідуальна супервізія · Марія Супервізорка", NextStepUrgency.Open, $"supervision/sessions/{session}/log/{learner}"),
            (waiting.Title, waiting.Urgency, waiting.Href));
        Assert.Equal("зустріч 06.03.2026", waiting.Detail);
        Assert.DoesNotContain(othersBefore, s => s.Key.StartsWith("supervision:log:", StringComparison.Ordinal));
        Assert.DoesNotContain(after, s => s.Key.StartsWith("supervision:log:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task This_weeks_hours_are_a_step_until_submitted_earlier_drafts_are_overdue_and_returned_hours_wait_for_correction()
    {
        await ActAsync(Learner);
        var log = _host.Get<HoursLog>();
        Task<Guid> LogAsync(DateOnly day) => log.LogAsync(new HoursInput { Date = day, Hours = 2, ActivityTypeId = ActivityType.DirectWork }).ContinueWith(t => t.Result.Value);
        var nothingLogged = await StepsAsync(Learner);
        var thisWeek = await LogAsync(March(4));
        var draftOnly = await StepsAsync(Learner);
        await ActAsync(Learner);
        await log.SubmitAsync([thisWeek]);
        var earlier = await LogAsync(March(2).AddDays(-3));
        var submitted = await StepsAsync(Learner);

        await ActAsync(Colleague);
        var colleaguesEntry = await LogAsync(March(5));
        await log.SubmitAsync([colleaguesEntry]);
        await ActAsync(Supervisor);
        await using (var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext())
        {
            var version = await db.HoursEntries.Where(e => e.Id == colleaguesEntry).Select(e => e.Version).SingleAsync();
            Assert.True((await _host.Get<HoursReview>().RejectAsync(colleaguesEntry, version, "Уточніть місце")).Succeeded);
            version = await db.HoursEntries.Where(e => e.Id == thisWeek).Select(e => e.Version).SingleAsync();
            Assert.True((await _host.Get<HoursReview>().RejectAsync(thisWeek, version, "Уточніть вид роботи")).Succeeded);
        }
        var returned = await StepsAsync(Learner);

        var week = Assert.Single(nothingLogged);
        Assert.Equal(("Запишіть і подайте години практики цього тижня", NextStepUrgency.Open, "supervision/hours", "тиждень з 02.03.2026"),
            (week.Title, week.Urgency, week.Href, week.Detail));
        Assert.Equal([week.Key], draftOnly.Select(s => s.Key));
        var overdue = Assert.Single(submitted);
        Assert.Equal(("Не подані години практики попередніх тижнів: 1", NextStepUrgency.Overdue), (overdue.Title, overdue.Urgency));
        // Her returned entry is hers to correct, and this week has nothing submitted again; the colleague's entry is not hers.
        Assert.Equal(["Не подані години практики попередніх тижнів: 1", "Години практики, повернені на виправлення: 1", "Запишіть і подайте години практики цього тижня"],
            returned.Select(s => s.Title));
        Assert.Equal(["Години практики, повернені на виправлення: 1", "Запишіть і подайте години практики цього тижня"], (await StepsAsync(Colleague)).Select(s => s.Title));
    }

    [Fact]
    public async Task A_position_that_asks_for_no_hours_gives_no_weekly_step()
    {
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        await db.HoursRequirements.ExecuteDeleteAsync();

        Assert.Empty(await StepsAsync(Learner));
    }
}

public sealed class SupervisionStepsOnSqlite(SqliteServer server) : SupervisionStepsTests(server), IClassFixture<SqliteServer>;

public sealed class SupervisionStepsOnPostgreSql(PostgreSqlServer server) : SupervisionStepsTests(server), IClassFixture<PostgreSqlServer>;
