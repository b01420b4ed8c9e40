using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingHub.SharedKernel.Mail;

namespace TrainingHub.SharedKernel.Events;

/// <summary>A module's outbox of integration events, as the dispatcher sees it.</summary>
internal interface IIntegrationEventOutbox
{
    Task<IReadOnlyList<Guid>> DueAsync(DateTime nowUtc, int limit, CancellationToken cancellationToken);

    /// <summary>Takes an event for delivery until <paramref name="leaseUntilUtc"/>; null when another node took it first.</summary>
    Task<IntegrationEventRecord?> ClaimAsync(Guid id, DateTime nowUtc, DateTime leaseUntilUtc, CancellationToken cancellationToken);

    Task SaveAsync(IntegrationEventRecord record, CancellationToken cancellationToken);
}

internal sealed class IntegrationEventOutbox<TContext>(IDbContextFactory<TContext> dbFactory) : IIntegrationEventOutbox
    where TContext : DbContext
{
    public async Task<IReadOnlyList<Guid>> DueAsync(DateTime nowUtc, int limit, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Set<IntegrationEventRecord>()
            .Where(r => r.Status == IntegrationEventStatus.Pending && r.NextAttemptAtUtc <= nowUtc)
            .OrderBy(r => r.CreatedAtUtc)
            .Select(r => r.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    public async Task<IntegrationEventRecord?> ClaimAsync(Guid id, DateTime nowUtc, DateTime leaseUntilUtc, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var record = await db.Set<IntegrationEventRecord>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null || record.Status != IntegrationEventStatus.Pending || record.NextAttemptAtUtc > nowUtc)
        {
            return null;
        }
        record.NextAttemptAtUtc = leaseUntilUtc;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return record;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    public async Task SaveAsync(IntegrationEventRecord record, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        db.Set<IntegrationEventRecord>().Update(record);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>One handler of one event type, with the inbox of the module it belongs to.</summary>
internal interface IIntegrationEventSubscription
{
    string EventType { get; }

    string Handler { get; }

    Task DeliverAsync(IServiceProvider services, Guid eventId, string payload, CancellationToken cancellationToken);
}

internal sealed class IntegrationEventSubscription<TEvent, THandler, TInboxContext> : IIntegrationEventSubscription
    where TEvent : class
    where THandler : IIntegrationEventHandler<TEvent>
    where TInboxContext : DbContext
{
    public string EventType { get; } = IntegrationEventAttribute.NameOf(typeof(TEvent));

    public string Handler { get; } = typeof(THandler).FullName!;

    public async Task DeliverAsync(IServiceProvider services, Guid eventId, string payload, CancellationToken cancellationToken)
    {
        var inbox = services.GetRequiredService<IDbContextFactory<TInboxContext>>();
        if (await ProcessedAsync(inbox, eventId, cancellationToken))
        {
            return;
        }
        var integrationEvent = JsonSerializer.Deserialize<TEvent>(payload, IntegrationEvents.Json)
            ?? throw new JsonException($"Event {eventId} has no {EventType} in it.");
        await services.GetRequiredService<THandler>().HandleAsync(integrationEvent, new IntegrationEventDelivery(eventId, Handler), cancellationToken);
        if (await ProcessedAsync(inbox, eventId, cancellationToken))
        {
            return;
        }
        // The handler's change is idempotent rather than saved with the delivery, so it is recorded here.
        await using var db = inbox.CreateDbContext();
        db.MarkProcessed(new IntegrationEventDelivery(eventId, Handler));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node delivered it at the same moment and recorded it first; anything else fails the delivery.
            if (!await ProcessedAsync(inbox, eventId, cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task<bool> ProcessedAsync(IDbContextFactory<TInboxContext> inbox, Guid eventId, CancellationToken cancellationToken)
    {
        await using var db = inbox.CreateDbContext();
        return await db.Set<ProcessedIntegrationEvent>().AnyAsync(p => p.EventId == eventId && p.Handler == Handler, cancellationToken);
    }
}

/// <summary>
/// Delivers what is due from every module's outbox to the handlers of the modules that take it in. An event is
/// claimed (its version changes) before delivery, so two runs or two nodes never deliver it at once; a handler that
/// fails is tried again with growing delays, and handlers that succeeded are not called again (their inbox says so).
/// </summary>
public sealed class IntegrationEventDispatcher
{
    public const int MaxAttempts = 20;
    public const string RecurringJobId = "integration-events";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly IEnumerable<IIntegrationEventOutbox> _outboxes;
    private readonly ILookup<string, IIntegrationEventSubscription> _subscriptions;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<IntegrationEventDispatcher> _logger;

    internal IntegrationEventDispatcher(
        IEnumerable<IIntegrationEventOutbox> outboxes, IEnumerable<IIntegrationEventSubscription> subscriptions, IServiceScopeFactory scopes,
        TimeProvider clock, ILogger<IntegrationEventDispatcher> logger)
    {
        _outboxes = outboxes;
        _subscriptions = subscriptions.ToLookup(s => s.EventType);
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Delivers what is due; answers how many events it took up (delivered or put off), so a caller can run it until nothing is left.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var taken = 0;
        foreach (var outbox in _outboxes)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            foreach (var id in await outbox.DueAsync(now, limit: 100, cancellationToken))
            {
                var record = await outbox.ClaimAsync(id, now, now + Lease, cancellationToken);
                if (record is null)
                {
                    continue;
                }
                taken++;
                await DeliverAsync(record, cancellationToken);
                await outbox.SaveAsync(record, cancellationToken);
            }
        }
        return taken;
    }

    private async Task DeliverAsync(IntegrationEventRecord record, CancellationToken cancellationToken)
    {
        record.Attempts++;
        var failures = new List<string>();
        foreach (var subscription in _subscriptions[record.EventType])
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                await subscription.DeliverAsync(scope.ServiceProvider, record.Id, record.Payload, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _logger.LogWarning(exception, "{Handler} could not take in {EventType} event {EventId} (attempt {Attempt})",
                    subscription.Handler, record.EventType, record.Id, record.Attempts);
                failures.Add($"{subscription.Handler}: {exception.Message}");
            }
        }
        var now = _clock.GetUtcNow().UtcDateTime;
        if (failures.Count == 0)
        {
            record.Status = IntegrationEventStatus.Delivered;
            record.DeliveredAtUtc = now;
            record.LastError = null;
            return;
        }
        var error = string.Join("; ", failures);
        record.LastError = error.Length > 2000 ? error[..2000] : error;
        record.NextAttemptAtUtc = now + MailDispatcher.RetryDelay(record.Attempts);
        if (record.Attempts >= MaxAttempts)
        {
            _logger.LogError("{EventType} event {EventId} was given up after {Attempts} attempts: {Error}", record.EventType, record.Id, record.Attempts, record.LastError);
            record.Status = IntegrationEventStatus.Failed;
        }
    }
}
