using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Sessions;

/// <summary>A person's private calendar address: it serves their meetings, and a new one or stopping it revokes the old.</summary>
public abstract class CalendarFeedTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string SecretOf(Uri address) => address.Segments[^1].Replace(".ics", "", StringComparison.Ordinal);

    [Fact]
    public async Task The_private_address_serves_ones_meetings_until_replaced_or_stopped()
    {
        var people = _host.Get<IPeopleLookup>();
        var learner = (await people.FindByEmailAsync("learner@traininghub.example"))!.Id;
        _host.User.ActingAs((await people.FindByEmailAsync("supervisor@traininghub.example"))!.Id,
            new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null));
        var sessionId = (await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Individual, ParticipantIds = [learner],
            Times = new SessionTimes { StartsAt = _clock.GetUtcNow().AddDays(2), DurationMinutes = 90, Place = "Кабінет 12" },
        })).Value;
        _host.User.ActingAs(learner, new PermissionGrant(SupervisionPermissions.SessionsView, null));
        var feeds = _host.Get<CalendarFeeds>();

        var first = (await feeds.CreateAsync())!;
        var calendar = Calendar.Load((await feeds.FeedAsync(SecretOf(first)))!)!;
        var second = (await feeds.CreateAsync())!;
        var oldAfterReplace = await feeds.FeedAsync(SecretOf(first));
        var newAfterReplace = await feeds.FeedAsync(SecretOf(second));
        await feeds.RevokeAsync();

        Assert.Equal("/supervision/calendar/" + SecretOf(first) + ".ics", first.AbsolutePath);
        Assert.Equal("PUBLISH", calendar.Method);
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal(($"{sessionId:N}@traininghub", "Індивідуальна супервізія", "Кабінет 12"), (meeting.Uid, meeting.Summary, meeting.Location));
        Assert.Null(oldAfterReplace);
        Assert.NotNull(newAfterReplace);
        Assert.Null(await feeds.FeedAsync(SecretOf(second)));
        Assert.False(await feeds.HasFeedAsync());
        Assert.Null(await feeds.FeedAsync("not-a-secret"));
    }
}

public sealed class CalendarFeedOnSqlite(SqliteServer server) : CalendarFeedTests(server), IClassFixture<SqliteServer>;

public sealed class CalendarFeedOnPostgreSql(PostgreSqlServer server) : CalendarFeedTests(server), IClassFixture<PostgreSqlServer>;
