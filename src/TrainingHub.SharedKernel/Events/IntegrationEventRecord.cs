using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outbox;

namespace TrainingHub.SharedKernel.Events;

/// <summary>An event in the outbox of the module that published it, saved in the same transaction as the change.</summary>
public sealed class IntegrationEventRecord : OutboxRecord
{
    /// <summary>The event's stored name (see <see cref="IntegrationEventAttribute"/>).</summary>
    public required string EventType { get; set; }

    /// <summary>The event as JSON.</summary>
    public required string Payload { get; set; }

    public DateTime? DeliveredAtUtc { get; set; }
}

/// <summary>An event a handler of the receiving module has taken in, so a second delivery does nothing.</summary>
public sealed class ProcessedIntegrationEvent
{
    public Guid EventId { get; set; }

    /// <summary>The handler's name (see <see cref="IntegrationEventDelivery.Handler"/>).</summary>
    public required string Handler { get; set; }
}

public static class IntegrationEventModel
{
    /// <summary>The outbox of a module that publishes events: in its schema on PostgreSQL, with its name in front on SQLite.</summary>
    public static ModelBuilder AddIntegrationEventOutbox(this ModelBuilder modelBuilder, DatabaseFacade database, string schema)
    {
        modelBuilder.Entity<IntegrationEventRecord>(record =>
        {
            record.ToOutboxTable(database, schema, "IntegrationEvents");
            record.Property(r => r.EventType).HasMaxLength(200);
        });
        return modelBuilder;
    }

    /// <summary>The inbox of a module that handles events: which handler has processed which event.</summary>
    public static ModelBuilder AddIntegrationEventInbox(this ModelBuilder modelBuilder, DatabaseFacade database, string schema)
    {
        modelBuilder.Entity<ProcessedIntegrationEvent>(processed =>
        {
            processed.ToTable(database.IsNpgsql() ? "ProcessedIntegrationEvents" : $"{schema}_ProcessedIntegrationEvents");
            processed.NotAudited();
            processed.HasKey(p => new { p.EventId, p.Handler });
            processed.Property(p => p.Handler).HasMaxLength(300);
        });
        return modelBuilder;
    }
}
