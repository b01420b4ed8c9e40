using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.SharedKernel.Outbox;

public enum OutboxStatus
{
    Pending = 0,
    Delivered = 1,
    /// <summary>Given up after the dispatcher's attempts.</summary>
    Failed = 2,
}

/// <summary>
/// Something a module hands on later (an e-mail, an integration event), saved in its outbox in the same transaction as
/// the change that caused it, with how its delivery stands.
/// </summary>
public abstract class OutboxRecord : IHasVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public DateTime CreatedAtUtc { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the dispatcher may next try; also a lease while one node is delivering it.</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    public string? LastError { get; set; }

    public Guid Version { get; set; }
}

public static class OutboxModel
{
    public const int MaxErrorLength = 2000;

    /// <summary>
    /// Maps an outbox table: in the module's schema on PostgreSQL, with the module's name in front on SQLite, where all
    /// modules share one file; left out of the audit trail, since the change that filled it is recorded instead.
    /// </summary>
    public static EntityTypeBuilder<TRecord> ToOutboxTable<TRecord>(this EntityTypeBuilder<TRecord> record, DatabaseFacade database, string schema, string table)
        where TRecord : OutboxRecord
    {
        record.ToTable(database.IsNpgsql() ? table : $"{schema}_{table}");
        record.NotAudited();
        // The claim depends on it, whether or not the module's conventions ran before this.
        record.Property(r => r.Version).IsConcurrencyToken();
        record.Property(r => r.LastError).HasMaxLength(MaxErrorLength);
        record.HasIndex(r => new { r.Status, r.NextAttemptAtUtc });
        return record;
    }
}
