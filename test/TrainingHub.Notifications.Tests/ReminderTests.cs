using Microsoft.EntityFrameworkCore;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Notifications.Reminders;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.TestKit;

namespace TrainingHub.Notifications.Tests;

/// <summary>
/// Reminders planned by another module: each offset fires at its time, once; planning again replaces; finishing the
/// thing cancels; two job runs at the same moment never send a reminder twice.
/// </summary>
public abstract class ReminderTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private static readonly TimeSpan[] WeekBeforeOnTheDayAndThreeDaysLate = [TimeSpan.FromDays(-7), TimeSpan.Zero, TimeSpan.FromDays(3)];
    private NotificationsHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await NotificationsHost.StartAsync(server);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private Task PlanAsync(Guid personId, RemindedThing thing, DateTimeOffset due, params TimeSpan[] offsets) =>
        _host.Get<IReminders>().ScheduleAsync(new ReminderPlan(
            personId, thing, due, offsets, NotificationsModule.GeneralCategory,
            new NotificationText("Notification:Welcome", "Оксана"), $"/supervision/sessions/{thing.Id}"));

    private Task<int> RunAsync() => _host.Get<ReminderRun>().SendDueAsync(CancellationToken.None);

    [Fact]
    public async Task Each_offset_fires_once_at_its_time_from_the_due_time()
    {
        var learner = _host.People.Add("Оксана Волонтерка");
        var session = new RemindedThing("Supervision.Session", Guid.NewGuid());
        var due = NotificationsHost.Morning.AddDays(10);
        await PlanAsync(learner.Id, session, due, WeekBeforeOnTheDayAndThreeDaysLate);

        Assert.Equal(0, await RunAsync());
        _host.Clock.SetUtcNow(due.AddDays(-7).AddMinutes(-1));
        Assert.Equal(0, await RunAsync());
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());
        _host.Clock.SetUtcNow(due.AddSeconds(30));
        Assert.Equal(1, await RunAsync());
        _host.Clock.SetUtcNow(due.AddDays(3).AddMinutes(-1));
        Assert.Equal(0, await RunAsync());
        _host.Clock.SetUtcNow(due.AddDays(3));
        Assert.Equal(1, await RunAsync());
        _host.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await RunAsync());

        var received = await _host.NotificationsOfAsync(learner);
        Assert.Equal([due.AddDays(-7).UtcDateTime, due.AddSeconds(30).UtcDateTime, due.AddDays(3).UtcDateTime],
            received.Select(n => DateTime.SpecifyKind(n.CreatedAtUtc, DateTimeKind.Utc)));
        Assert.All(received, n => Assert.Equal($"/supervision/sessions/{session.Id}", n.Link));
    }

    [Fact]
    public async Task Planning_again_replaces_the_unsent_reminders_and_skips_times_already_past()
    {
        var learner = _host.People.Add("Оксана Волонтерка");
        var session = new RemindedThing("Supervision.Session", Guid.NewGuid());
        await PlanAsync(learner.Id, session, NotificationsHost.Morning.AddDays(10), WeekBeforeOnTheDayAndThreeDaysLate);

        var movedDue = NotificationsHost.Morning.AddDays(2);
        await PlanAsync(learner.Id, session, movedDue, WeekBeforeOnTheDayAndThreeDaysLate);

        await using var db = _host.Db();
        var planned = await db.Reminders.AsNoTracking().OrderBy(r => r.SendAtUtc).Select(r => r.SendAtUtc).ToListAsync();
        Assert.Equal([movedDue.UtcDateTime, movedDue.AddDays(3).UtcDateTime], planned.Select(d => DateTime.SpecifyKind(d, DateTimeKind.Utc)));
        _host.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal(2, await RunAsync());
    }

    [Fact]
    public async Task A_thing_that_is_done_cancels_its_reminders_but_not_reminders_about_other_things()
    {
        var learner = _host.People.Add("Оксана Волонтерка");
        var done = new RemindedThing("Supervision.Session", Guid.NewGuid());
        var open = new RemindedThing("Supervision.Session", Guid.NewGuid());
        var due = NotificationsHost.Morning.AddDays(10);
        await PlanAsync(learner.Id, done, due, WeekBeforeOnTheDayAndThreeDaysLate);
        await PlanAsync(learner.Id, open, due, TimeSpan.Zero);
        _host.Clock.SetUtcNow(due.AddDays(-7));
        Assert.Equal(1, await RunAsync());

        await _host.Get<IReminders>().CancelAsync(done);
        _host.Clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(1, await RunAsync());
        Assert.Equal(["/supervision/sessions/" + done.Id, "/supervision/sessions/" + open.Id],
            (await _host.NotificationsOfAsync(learner)).Select(n => n.Link));
    }

    [Fact]
    public async Task Two_runs_at_the_same_moment_send_each_reminder_exactly_once()
    {
        var people = Enumerable.Range(1, 12).Select(i => _host.People.Add($"Людина {i}")).ToList();
        var due = NotificationsHost.Morning.AddHours(1);
        foreach (var person in people)
        {
            await PlanAsync(person.Id, new RemindedThing("Courses.Assignment", Guid.NewGuid()), due, TimeSpan.FromMinutes(-30), TimeSpan.Zero);
        }
        _host.Clock.SetUtcNow(due);

        var first = Task.Run(RunAsync);
        var second = Task.Run(RunAsync);
        var sent = await first + await second;
        Assert.Equal(0, await RunAsync());

        Assert.Equal(24, sent);
        foreach (var person in people)
        {
            Assert.Equal(2, (await _host.NotificationsOfAsync(person)).Count);
        }
        var mail = await _host.OutboxAsync();
        Assert.Equal(24, mail.Count);
        Assert.Equal(12, mail.Select(m => m.ToAddress).Distinct().Count());
    }

    [Fact]
    public async Task A_reminder_due_during_quiet_hours_appears_at_once_and_its_email_waits_until_morning()
    {
        var learner = _host.People.Add("Оксана Волонтерка");
        // 23:00 in Kyiv (UTC+2 in November).
        var lateEvening = new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);
        await PlanAsync(learner.Id, new RemindedThing("Supervision.Session", Guid.NewGuid()), lateEvening, TimeSpan.Zero);
        _host.Clock.SetUtcNow(lateEvening);

        Assert.Equal(1, await RunAsync());

        Assert.Single(await _host.NotificationsOfAsync(learner));
        var waiting = Assert.Single(await _host.OutboxAsync());
        Assert.Equal(new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc), DateTime.SpecifyKind(waiting.NextAttemptAtUtc, DateTimeKind.Utc));
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
    }
}

public sealed class ReminderTestsOnSqlite(SqliteServer server) : ReminderTests(server), IClassFixture<SqliteServer>;

public sealed class ReminderTestsOnPostgreSql(PostgreSqlServer server) : ReminderTests(server), IClassFixture<PostgreSqlServer>;
