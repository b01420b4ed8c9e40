using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.SharedKernel.Events;

/// <summary>One handler of one event type, with the inbox of the module it belongs to.</summary>
internal interface IIntegrationEventSubscription
{
    string EventType { get; }

    string Handler { get; }

    /// <summary>The event is declared sensitive or anonymous data: once every handler has it, the outbox keeps none of it.</summary>
    bool IsPrivate { get; }

    Task DeliverAsync(IServiceProvider services, Guid eventId, string payload, CancellationToken cancellationToken);
}

internal sealed class IntegrationEventSubscription<TEvent, THandler, TInboxContext> : IIntegrationEventSubscription
    where TEvent : class
    where THandler : IIntegrationEventHandler<TEvent>
    where TInboxContext : DbContext
{
    public string EventType { get; } = IntegrationEventAttribute.NameOf(typeof(TEvent));

    public string Handler { get; } = typeof(THandler).FullName!;

    public bool IsPrivate { get; } = DataClasses.Of(typeof(TEvent)) is DataClass.Sensitive or DataClass.Anonymous;

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
/// Delivers what is due from every module's event outbox (see <see cref="OutboxDispatcher{TRecord}"/>) to the handlers of
/// the modules that take it in; handlers that succeeded are not called again when a failed one is retried (their inbox
/// says so).
/// </summary>
public sealed class IntegrationEventDispatcher : OutboxDispatcher<IntegrationEventRecord>
{
    public const int MaxAttempts = 20;
    public const string RecurringJobId = "integration-events";

    private readonly ILookup<string, IIntegrationEventSubscription> _subscriptions;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<IntegrationEventDispatcher> _logger;

    internal IntegrationEventDispatcher(
        IEnumerable<IOutbox<IntegrationEventRecord>> outboxes, IEnumerable<IIntegrationEventSubscription> subscriptions, IServiceScopeFactory scopes,
        TimeProvider clock, ILogger<IntegrationEventDispatcher> logger)
        : base(outboxes, MaxAttempts, clock, logger)
    {
        _subscriptions = subscriptions.ToLookup(s => s.EventType);
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>Delivers what is due; answers how many events it took up (delivered or put off), so a caller can run it until nothing is left.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken) => (await RunAsync(cancellationToken)).Taken;

    protected override async Task<string?> DeliverAsync(IntegrationEventRecord record, CancellationToken cancellationToken)
    {
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
        if (failures.Count > 0)
        {
            return string.Join("; ", failures);
        }
        record.DeliveredAtUtc = Clock.GetUtcNow().UtcDateTime;
        if (_subscriptions[record.EventType].Any(s => s.IsPrivate))
        {
            // A person's private data stays only where its module keeps (and deletes) it, not in a delivered event.
            record.Payload = "{}";
        }
        return null;
    }
}
