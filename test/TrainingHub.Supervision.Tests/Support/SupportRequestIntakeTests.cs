using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Support;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;

namespace TrainingHub.Supervision.Tests.Support;

/// <summary>
/// A request for a supportive conversation reaches the person's current supervisor once, with scores only when the person
/// shared them, and the supervisor is told without a name or a score; without a supervisor nobody receives it and the
/// person is told. On both databases.
/// </summary>
public abstract class SupportRequestIntakeTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private SupportScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await SupportScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private async Task<List<SupportRequest>> RequestsAsync()
    {
        await using var db = _scenario.Host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        return await db.SupportRequests.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task A_request_reaches_the_current_supervisor_with_the_shared_scores_and_the_notification_names_nobody_and_no_score()
    {
        var asked = await _scenario.AskAsync("learner@traininghub.example", SupportScenario.HighPersonalScore, "Зручно в четвер");

        await _scenario.Host.DeliverEventsAsync();

        var request = Assert.Single(await RequestsAsync());
        var supervisor = await _scenario.PersonAsync("supervisor@traininghub.example");
        Assert.Equal((asked.RequestId, asked.PersonId, supervisor, "Зручно в четвер"), (request.Id, request.PersonId, request.SupervisorId, request.Note));
        Assert.Equal(asked.RequestedAt, request.RequestedAt);
        Assert.Equal(SupportScenario.HighPersonalScore, request.ReadScores());
        Assert.True(request.IsOpen);
        var told = Assert.Single(_scenario.Notifier.Sent);
        Assert.Equal((supervisor, SupportRequestIntake.Category, "Notification:ConversationRequested", "/supervision/support-requests"),
            (told.PersonId, told.Category, told.Text.Key, told.Link));
        Assert.Empty(told.Text.Arguments);
    }

    [Fact]
    public async Task Scores_are_absent_unless_the_person_shared_them()
    {
        await _scenario.AskAsync("learner@traininghub.example");

        await _scenario.Host.DeliverEventsAsync();

        var request = Assert.Single(await RequestsAsync());
        Assert.Null(request.Scores);
        Assert.Null(request.ReadScores());
        Assert.Null(request.Note);
    }

    [Fact]
    public async Task Scores_the_person_withdraws_by_deleting_their_answers_leave_the_request_and_its_note_stays()
    {
        var requested = await _scenario.AskAsync("learner@traininghub.example", SupportScenario.HighPersonalScore, "Hard weeks lately");
        await _scenario.Host.DeliverEventsAsync();
        await using (var db = _scenario.Host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext())
        {
            db.Publish(new SharedScoresWithdrawn(requested.RequestId), _scenario.Clock.GetUtcNow());
            db.Publish(new SharedScoresWithdrawn(requested.RequestId), _scenario.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await _scenario.Host.DeliverEventsAsync();

        var request = Assert.Single(await RequestsAsync());
        Assert.Null(request.ReadScores());
        Assert.Equal("Hard weeks lately", request.Note);
    }

    [Fact]
    public async Task Once_delivered_the_request_with_its_shared_scores_and_note_is_no_longer_kept_in_the_outbox()
    {
        await _scenario.AskAsync("learner@traininghub.example", SupportScenario.HighPersonalScore, "Hard weeks lately");
        await using var db = _scenario.Host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        var waiting = (await db.Set<IntegrationEventRecord>().AsNoTracking().SingleAsync()).Payload;

        await _scenario.Host.DeliverEventsAsync();

        var delivered = await db.Set<IntegrationEventRecord>().AsNoTracking().SingleAsync();
        Assert.Contains("Hard weeks", waiting);
        Assert.Equal((OutboxStatus.Delivered, "{}"), (delivered.Status, delivered.Payload));
        Assert.Contains("Hard weeks", Assert.Single(await RequestsAsync()).Note);
    }

    [Fact]
    public async Task Delivered_twice_the_request_is_taken_in_once()
    {
        await _scenario.AskAsync("learner@traininghub.example", SupportScenario.HighPersonalScore);
        await _scenario.Host.DeliverEventsAsync();
        // A node that stopped after the handler's save but before marking the event delivered leaves it pending, due again
        // once its lease has run out.
        await using (var db = _scenario.Host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext())
        {
            (await db.Set<IntegrationEventRecord>().SingleAsync()).Status = OutboxStatus.Pending;
            await db.SaveChangesAsync();
        }
        _scenario.Clock.Advance(TimeSpan.FromMinutes(6));

        var taken = await _scenario.Host.DeliverEventsAsync();

        Assert.Equal(1, taken);
        Assert.Single(await RequestsAsync());
        Assert.Single(_scenario.Notifier.Sent);
    }

    [Fact]
    public async Task Without_a_supervisor_nothing_is_created_for_anyone_and_the_person_is_pointed_to_the_support_resources()
    {
        var learner = await _scenario.PersonAsync("learner@traininghub.example");
        await using (var db = _scenario.Host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext())
        {
            await db.Assignments.Where(a => a.PersonId == learner && a.Role == AssignmentRole.Supervisor)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.EndsOn, new DateOnly(2026, 3, 1)));
        }
        await _scenario.AskAsync("learner@traininghub.example", SupportScenario.HighPersonalScore, "Зручно в четвер");

        await _scenario.Host.DeliverEventsAsync();

        Assert.Empty(await RequestsAsync());
        var told = Assert.Single(_scenario.Notifier.Sent);
        Assert.Equal((learner, SupportRequestIntake.Category, "Notification:NoSupervisorForConversation", "/wellbeing/check-ins"),
            (told.PersonId, told.Category, told.Text.Key, told.Link));
    }
}

public sealed class SupportRequestIntakeOnSqlite(SqliteServer server) : SupportRequestIntakeTests(server), IClassFixture<SqliteServer>;

public sealed class SupportRequestIntakeOnPostgreSql(PostgreSqlServer server) : SupportRequestIntakeTests(server), IClassFixture<PostgreSqlServer>;
