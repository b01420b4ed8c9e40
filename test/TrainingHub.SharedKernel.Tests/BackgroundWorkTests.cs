using Bunit;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.SharedKernel.Tests;

/// <summary>What the modules' outboxes hold that waits or fails, as the administrator's home page reads it, on both databases.</summary>
public abstract class OutboxStandingTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new ParcelPostModule()], replace: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton(new HandlerFaults());
        });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    internal static async Task SeedMailAsync(ModuleTestHost host, DateTime nowUtc)
    {
        await using var db = host.Get<IDbContextFactory<SenderDbContext>>().CreateDbContext();
        // A failed attempt puts the next one off by the back-off, as the dispatcher does.
        OutgoingMail Mail(string to, DateTime createdAtUtc, OutboxStatus status = OutboxStatus.Pending, int attempts = 0, string? error = null, DateTime? failedAtUtc = null) => new()
        {
            MessageType = "Test", ToAddress = to, Culture = "uk", Subject = "Тема", TextBody = "Текст", HtmlBody = "<p>Текст</p>",
            CreatedAtUtc = createdAtUtc, Status = status, Attempts = attempts, LastError = error,
            NextAttemptAtUtc = failedAtUtc is { } failed ? failed + OutboxDispatcher<OutgoingMail>.RetryDelay(attempts) : createdAtUtc,
        };
        db.AddRange(
            Mail("new@example.org", nowUtc.AddMinutes(-2)),
            Mail("waiting@example.org", nowUtc.AddMinutes(-45), attempts: 1, error: "Mailbox unavailable: 450 greylisted", failedAtUtc: nowUtc.AddMinutes(-10)),
            // Given up a day ago after ten attempts: its last back-off of six hours puts its next attempt after the other's.
            Mail("gone@example.org", nowUtc.AddDays(-2), OutboxStatus.Failed, attempts: 10, error: "550 No such user", failedAtUtc: nowUtc.AddDays(-1)),
            Mail("sent@example.org", nowUtc.AddDays(-30), OutboxStatus.Delivered, attempts: 1));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Mail_waiting_retrying_and_given_up_is_counted_with_the_oldest_waiting_and_the_latest_failure_and_delivered_mail_is_not()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await SeedMailAsync(_host, now);

        var mail = await Assert.Single(_host.Get<IEnumerable<IOutbox<OutgoingMail>>>()).StandingAsync(CancellationToken.None);
        var events = await Assert.Single(_host.Get<IEnumerable<IOutbox<IntegrationEventRecord>>>()).StandingAsync(CancellationToken.None);

        Assert.Equal((2, 1, 1, 2), (mail.Waiting, mail.Retrying, mail.GivenUp, mail.Failing));
        Assert.Equal(now.AddMinutes(-45), mail.OldestWaitingUtc);
        Assert.Equal(new OutboxFailure("Mailbox unavailable: 450 greylisted", now.AddMinutes(-10)), mail.LatestFailure);
        Assert.Equal(OutboxStanding.None, events);
    }

    [Fact]
    public void Standings_of_several_outboxes_add_up_keeping_the_oldest_waiting_and_the_latest_failure()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var one = new OutboxStanding(2, 1, 0, now.AddHours(-1), new OutboxFailure("450 greylisted", now.AddMinutes(-30)));
        var other = new OutboxStanding(1, 0, 3, now.AddHours(-5), new OutboxFailure("550 No such user", now.AddMinutes(-5)));

        var both = one.Plus(other).Plus(OutboxStanding.None);

        Assert.Equal(new OutboxStanding(3, 1, 3, now.AddHours(-5), new OutboxFailure("550 No such user", now.AddMinutes(-5))), both);
        Assert.Equal(4, both.Failing);
    }
}

public sealed class OutboxStandingOnSqlite(SqliteServer server) : OutboxStandingTests(server), IClassFixture<SqliteServer>;

public sealed class OutboxStandingOnPostgreSql(PostgreSqlServer server) : OutboxStandingTests(server), IClassFixture<PostgreSqlServer>;

/// <summary>A job the tests let fail; it is not tried again, so it stays failed.</summary>
public static class ReminderJob
{
    [AutomaticRetry(Attempts = 0)]
    public static void Send()
    {
    }
}

/// <summary>The platform's permissions are granted everywhere or nowhere, so no unit tree is needed to check them.</summary>
internal sealed class NoUnits : IUnitHierarchy
{
    public Task<IReadOnlyList<Guid>> GetAncestryAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Guid>>([]);
}

/// <summary>The administrator's part on background work, rendered with bUnit over a job store of its own and real outboxes in SQLite, in English.</summary>
public sealed class BackgroundWorkPartTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStorage _jobs = new();
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(_server, [new ParcelPostModule()], replace: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton(new HandlerFaults());
            services.AddSingleton<JobStorage>(_jobs);
            services.AddSingleton<IUnitHierarchy, NoUnits>();
        });
        _host.User.Holding(new PermissionGrant(PlatformPermissions.JobsDashboard, null));
        _pages = new PageRenderer(_host) { Culture = Cultures.English };
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        _jobs.Dispose();
    }

    private string FailJob(string reason) =>
        new BackgroundJobClient(_jobs).Create(Job.FromExpression(() => ReminderJob.Send()), new FailedState(new InvalidOperationException(reason)));

    [Fact]
    public async Task Failed_jobs_lead_to_their_page_on_the_dashboard_and_mail_shows_what_waits_and_why_it_fails()
    {
        var id = FailJob("The reminder's person no longer exists");
        await OutboxStandingTests.SeedMailAsync(_host, _clock.GetUtcNow().UtcDateTime);

        var part = _pages.Render<BackgroundWorkPart>();

        part.WaitForAssertion(() => Assert.Single(part.FindAll(".th-failed-job")));
        // One failed job, one message retrying and one given up.
        Assert.Equal("3", part.Find("#home-jobs .mud-chip").TextContent.Trim());
        Assert.Equal("Failed jobs: 1", part.Find("#home-jobs-failed h4").TextContent.Trim());
        var job = part.Find(".th-failed-job");
        Assert.Equal("ReminderJob.Send", job.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal($"jobs/jobs/details/{id}", job.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("The reminder's person no longer exists", job.TextContent);
        Assert.Equal("Waiting: 2 · failing: 2 · the oldest saved 45 min ago", part.Find("#home-jobs-mail .th-outbox-figures").TextContent.Trim());
        Assert.Equal("Latest failure 10 min ago: Mailbox unavailable: 450 greylisted", part.Find("#home-jobs-mail .th-outbox-failure").TextContent.Trim());
        Assert.Equal("Waiting: 0 · failing: 0", part.Find("#home-jobs-events .th-outbox-figures").TextContent.Trim());
        Assert.Equal("jobs/jobs/failed", part.Find("#home-jobs-all").GetAttribute("href"));
    }

    [Fact]
    public void With_nothing_failed_or_waiting_the_part_says_so()
    {
        var part = _pages.Render<BackgroundWorkPart>();

        part.WaitForAssertion(() => Assert.Contains("No background job has failed.", part.Find("#home-jobs-failed").TextContent));
        Assert.Equal("0", part.Find("#home-jobs .mud-chip").TextContent.Trim());
        Assert.Equal("Waiting: 0 · failing: 0", part.Find("#home-jobs-mail .th-outbox-figures").TextContent.Trim());
        Assert.Empty(part.FindAll(".th-outbox-failure"));
    }

    [Fact]
    public void Someone_without_the_jobs_dashboard_gets_no_part()
    {
        FailJob("The reminder's person no longer exists");
        _host.User.Holding(new PermissionGrant("Learning.Courses.View", null));

        Assert.Empty(_pages.Render<BackgroundWorkPart>().Markup.Trim());
    }
}
