using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
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
/// The hourly reminder run over the demo supervisor's four supervisees: each of them and the supervisor are reminded
/// about the due date, a run with nothing new plans nothing, a signed supervision moves the reminders to the next due
/// date, and an ended assignment takes them away.
/// </summary>
public sealed class DueReminderTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingReminders _reminders = new();
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock).AddSingleton<IReminders>(_reminders));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private Task<int> RunAsync() => _host.Get<DueReminders>().PlanAsync(CancellationToken.None);

    private async Task SignSupervisionAsync(Guid learner, Guid supervisor)
    {
        var grants = new[] { new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null) };
        _host.User.ActingAs(supervisor, grants);
        var sessionId = (await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Individual, ParticipantIds = [learner],
            Times = new SessionTimes { StartsAt = _clock.GetUtcNow().AddDays(-1), DurationMinutes = 60 },
        })).Value;
        var book = _host.Get<LogBook>();
        var log = (await book.OpenAsync(sessionId, learner)).Value;
        await book.SignAsync(log.Id, (await book.WriteAsync(log.Id, LogField.Topics, "Планування тижня")).Value);
        _host.User.ActingAs(learner, grants);
        await book.SignAsync(log.Id, (await book.OpenAsync(sessionId, learner)).Value.Version);
    }

    [Fact]
    public async Task Supervisees_and_their_supervisor_are_reminded_of_the_due_date_and_only_changes_are_planned_again()
    {
        var (learner, supervisor) = (await PersonAsync("learner@traininghub.example"), await PersonAsync("supervisor@traininghub.example"));

        var first = await RunAsync();
        var firstPlans = _reminders.Plans.ToList();
        var quiet = await RunAsync();
        var quietPlans = _reminders.Plans.Count - firstPlans.Count;
        await SignSupervisionAsync(learner, supervisor);
        var afterMeeting = await RunAsync();
        var moved = _reminders.Plans.Skip(firstPlans.Count).ToList();

        Assert.Equal(4, first);
        Assert.Equal(8, firstPlans.Count);
        var learnerPlan = firstPlans.Single(p => p.PersonId == learner);
        var supervisorPlan = firstPlans.Single(p => p.PersonId == supervisor && p.Thing == DueReminders.Thing(learner));
        Assert.Equal(DueReminders.Category, learnerPlan.Category);
        Assert.Equal("/supervision/sessions", learnerPlan.Link);
        Assert.Equal(DueReminders.SuperviseeOffsets, learnerPlan.Offsets);
        Assert.Equal(TimeSpan.FromHours(9), KyivTime.ToKyiv(learnerPlan.DueAt).TimeOfDay);
        var dueDay = DateOnly.FromDateTime(KyivTime.ToKyiv(learnerPlan.DueAt)).ToString("yyyy-MM-dd");
        Assert.Equal(new NotificationText("Notification:SupervisionDue", dueDay).Arguments, learnerPlan.Text.Arguments);
        Assert.Equal(["Оксана Волонтерка", dueDay], supervisorPlan.Text.Arguments);
        Assert.Equal(DueReminders.SupervisorOffsets, supervisorPlan.Offsets);
        Assert.Equal((0, 0), (quiet, quietPlans));
        Assert.Equal(1, afterMeeting);
        Assert.Equal([learner, supervisor], moved.Select(p => p.PersonId));
        // Five months under supervision, so fortnightly: the next supervision is due two weeks after yesterday's meeting.
        Assert.Equal(new DateOnly(2026, 3, 15), DateOnly.FromDateTime(KyivTime.ToKyiv(moved[0].DueAt)));
    }

    [Fact]
    public async Task When_a_supervision_assignment_ends_the_unsent_reminders_about_that_person_are_cancelled()
    {
        var learner = await PersonAsync("learner@traininghub.example");
        await RunAsync();
        await using (var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext())
        {
            await db.Assignments.Where(a => a.PersonId == learner).ExecuteUpdateAsync(a => a.SetProperty(x => x.EndsOn, new DateOnly(2026, 3, 1)));
        }

        var ended = await RunAsync();
        var again = await RunAsync();

        Assert.Equal(1, ended);
        Assert.Equal(0, again);
        Assert.Equal([(DueReminders.Thing(learner), (Guid?)null)], _reminders.Cancelled);
    }
}
