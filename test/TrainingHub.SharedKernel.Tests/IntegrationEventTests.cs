using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.TestKit;

namespace TrainingHub.SharedKernel.Tests;

/// <summary>
/// An event saved with a change reaches the other module's handler once: after failures, across a restart, and
/// however often it is delivered; a change that is rolled back publishes nothing. On both databases.
/// </summary>
public abstract class IntegrationEventTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.Zero));
    private readonly HandlerFaults _faults = new();
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new ParcelPostModule()], replace: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton(_faults);
        });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<Guid> SendAsync(string label)
    {
        await using var db = _host.Get<IDbContextFactory<SenderDbContext>>().CreateDbContext();
        var parcel = new Parcel { Label = label };
        db.Parcels.Add(parcel);
        db.Publish(new ParcelSent(parcel.Id, label), _clock.GetUtcNow());
        await db.SaveChangesAsync();
        return parcel.Id;
    }

    private static async Task<List<Receipt>> ReceiptsAsync(ModuleTestHost host)
    {
        await using var db = host.Get<IDbContextFactory<ReceiverDbContext>>().CreateDbContext();
        return await db.Receipts.ToListAsync();
    }

    private async Task<IntegrationEventRecord> OutboxRowAsync()
    {
        await using var db = _host.Get<IDbContextFactory<SenderDbContext>>().CreateDbContext();
        return await db.Set<IntegrationEventRecord>().SingleAsync();
    }

    [Fact]
    public async Task A_handler_that_fails_then_succeeds_takes_the_event_in_once_after_the_back_off()
    {
        _faults.FailuresLeft = 2;
        var parcelId = await SendAsync("Посилка до Житомира");

        await _host.DeliverEventsAsync();
        var afterFirstFailure = await OutboxRowAsync();
        _clock.Advance(TimeSpan.FromSeconds(59));
        var tooEarly = await _host.DeliverEventsAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _host.DeliverEventsAsync();
        var afterSecondFailure = await OutboxRowAsync();
        _clock.Advance(IntegrationEventDispatcher.RetryDelay(2));
        await _host.DeliverEventsAsync();
        _clock.Advance(TimeSpan.FromHours(7));
        var afterDelivery = await _host.DeliverEventsAsync();

        Assert.Equal((OutboxStatus.Pending, 1), (afterFirstFailure.Status, afterFirstFailure.Attempts));
        Assert.Contains("not reachable", afterFirstFailure.LastError);
        Assert.Equal(0, tooEarly);
        Assert.Equal((OutboxStatus.Pending, 2), (afterSecondFailure.Status, afterSecondFailure.Attempts));
        var receipt = Assert.Single(await ReceiptsAsync(_host));
        Assert.Equal((parcelId, "Посилка до Житомира"), (receipt.ParcelId, receipt.Label));
        Assert.Equal(OutboxStatus.Delivered, (await OutboxRowAsync()).Status);
        Assert.Equal(0, afterDelivery);
        Assert.Equal(3, _faults.Calls);
    }

    [Fact]
    public async Task In_a_slow_batch_another_node_does_not_deliver_again_what_is_being_delivered()
    {
        string[] labels = ["Перша посилка", "Друга посилка", "Третя посилка"];
        foreach (var label in labels)
        {
            await SendAsync(label);
        }
        var secondNodeTook = -1;
        // Each event takes the handler three minutes; while the first node handles the third, a second node looks for due events.
        _faults.WhileHandling = async () =>
        {
            _clock.Advance(TimeSpan.FromMinutes(3));
            if (_faults.Calls == labels.Length && secondNodeTook < 0)
            {
                secondNodeTook = 0;
                secondNodeTook = await _host.Get<IntegrationEventDispatcher>().DispatchAsync(CancellationToken.None);
            }
        };

        await _host.Get<IntegrationEventDispatcher>().DispatchAsync(CancellationToken.None);

        Assert.Equal(0, secondNodeTook);
        Assert.Equal(labels.Order(), (await ReceiptsAsync(_host)).Select(r => r.Label).Order());
    }

    [Fact]
    public async Task An_event_saved_before_a_restart_is_delivered_after_it()
    {
        var parcelId = await SendAsync("Відправлено перед зупинкою");
        await _host.DisposeAsync();

        _host = await _host.RestartAsync();
        var receiptsBefore = await ReceiptsAsync(_host);
        await _host.DeliverEventsAsync();

        Assert.Empty(receiptsBefore);
        Assert.Equal(parcelId, Assert.Single(await ReceiptsAsync(_host)).ParcelId);
    }

    [Fact]
    public async Task Delivering_the_same_event_again_does_nothing_again()
    {
        await SendAsync("Один раз");
        await _host.DeliverEventsAsync();
        // A node that stopped after the handler's save but before marking the event delivered leaves it pending, due
        // again once its lease has run out.
        await using (var db = _host.Get<IDbContextFactory<SenderDbContext>>().CreateDbContext())
        {
            var row = await db.Set<IntegrationEventRecord>().SingleAsync();
            row.Status = OutboxStatus.Pending;
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromMinutes(6));

        var taken = await _host.DeliverEventsAsync();

        Assert.Equal(1, taken);
        Assert.Single(await ReceiptsAsync(_host));
        Assert.Equal(1, _faults.Calls);
        Assert.Equal(OutboxStatus.Delivered, (await OutboxRowAsync()).Status);
    }

    [Fact]
    public async Task A_change_rolled_back_publishes_nothing_and_a_saved_one_asks_for_a_dispatch_at_once()
    {
        var jobs = _host.Get<RecordingJobClient>();
        await using (var db = _host.Get<IDbContextFactory<SenderDbContext>>().CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var parcel = new Parcel { Label = "Скасовано" };
            db.Parcels.Add(parcel);
            db.Publish(new ParcelSent(parcel.Id, parcel.Label), _clock.GetUtcNow());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        var dispatchesAfterRollback = jobs.Jobs.Count(j => j.Type == typeof(IntegrationEventDispatcher));
        var deliveredAfterRollback = await _host.DeliverEventsAsync();

        await SendAsync("Надіслано");

        Assert.Equal(0, dispatchesAfterRollback);
        Assert.Equal(0, deliveredAfterRollback);
        Assert.Equal(1, jobs.Jobs.Count(j => j.Type == typeof(IntegrationEventDispatcher)));
        await using var check = _host.Get<IDbContextFactory<SenderDbContext>>().CreateDbContext();
        Assert.Equal(["Надіслано"], await check.Parcels.Select(p => p.Label).ToListAsync());
        Assert.Equal(1, await check.Set<IntegrationEventRecord>().CountAsync());
    }

    [Fact]
    public async Task Two_dispatchers_at_once_deliver_each_event_once()
    {
        for (var i = 0; i < 20; i++)
        {
            await SendAsync($"Посилка {i}");
        }

        await Task.WhenAll(_host.DeliverEventsAsync(), _host.DeliverEventsAsync());

        Assert.Equal(20, (await ReceiptsAsync(_host)).Select(r => r.ParcelId).Distinct().Count());
        Assert.Equal(20, _faults.Calls);
    }
}

public sealed class IntegrationEventsOnSqlite(SqliteServer server) : IntegrationEventTests(server), IClassFixture<SqliteServer>;

public sealed class IntegrationEventsOnPostgreSql(PostgreSqlServer server) : IntegrationEventTests(server), IClassFixture<PostgreSqlServer>;
