using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace TrainingHub.SharedKernel.Events;

/// <summary>
/// Names an integration event type for the outbox. The name is stored with each event, so it must not change once
/// events of the type have been saved; renaming or moving the record is safe.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>The stored name of an event type; a type without the attribute cannot be published.</summary>
    public static string NameOf(Type eventType) =>
        eventType.GetCustomAttribute<IntegrationEventAttribute>()?.Name
        ?? throw new InvalidOperationException($"{eventType.FullName} needs [IntegrationEvent(\"Module.Name\")] to be published.");
}

/// <summary>One delivery of an event to one handler, which it may record as processed in its own save.</summary>
public sealed record IntegrationEventDelivery(Guid EventId, string Handler);

/// <summary>
/// Takes in an event another module published. It may be called more than once for the same event (a node stopped
/// after the handler's save), so it either records the delivery with <see cref="IntegrationEvents.MarkProcessed"/> in
/// the same save as its change, or its change is harmless to repeat. Throwing makes the dispatcher try again later.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
{
    Task HandleAsync(TEvent integrationEvent, IntegrationEventDelivery delivery, CancellationToken cancellationToken);
}

public static class IntegrationEvents
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Contexts holding events not yet announced to the dispatcher; see IntegrationEventTrigger.
    private static readonly ConditionalWeakTable<DbContext, object> Published = new();

    private static readonly object Marker = new();

    /// <summary>
    /// Adds the event to the module's outbox, to be saved with the change that caused it: a rolled-back change publishes
    /// nothing, and a saved one is delivered even if the app stops right after.
    /// </summary>
    public static void Publish<TEvent>(this DbContext db, TEvent integrationEvent, DateTimeOffset now)
        where TEvent : class
    {
        db.Set<IntegrationEventRecord>().Add(new IntegrationEventRecord
        {
            EventType = IntegrationEventAttribute.NameOf(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(integrationEvent, Json),
            CreatedAtUtc = now.UtcDateTime,
            NextAttemptAtUtc = now.UtcDateTime,
        });
        Published.AddOrUpdate(db, Marker);
    }

    /// <summary>Records the delivery in the handler's own context, so it is saved (or rolled back) with the handler's change.</summary>
    public static void MarkProcessed(this DbContext db, IntegrationEventDelivery delivery) =>
        db.Set<ProcessedIntegrationEvent>().Add(new ProcessedIntegrationEvent { EventId = delivery.EventId, Handler = delivery.Handler });

    internal static bool TakePublished(DbContext db) => Published.Remove(db);

    internal static void ForgetPublished(DbContext db) => Published.Remove(db);
}
