using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Data.Common;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Audit.Services;

/// <summary>
/// Records every create, change and delete that any module context saves. What is about to be saved is noted before
/// the save (original values are gone afterwards) and written once the save has succeeded; inside an explicit
/// transaction, once that transaction commits, so a rolled-back import leaves no trace of rows that never existed.
/// </summary>
internal sealed class EntityChangeRecorder(IServiceProvider services, ILogger<EntityChangeRecorder> logger)
    : IModuleContextInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private const int MaxValueLength = 1000;

    private readonly ConditionalWeakTable<DbContext, PendingChanges> _pending = new();

    // The trail's own context is made by a factory that gets this interceptor, so the trail is looked up when first needed.
    private IAuditTrail Trail => services.GetRequiredService<IAuditTrail>();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData.Context, cancellationToken);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, saved: false);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saved: false);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushCommittedAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        FlushCommittedAsync(eventData.Context, cancellationToken);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, saved: true);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saved: true);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var pending = _pending.GetOrCreateValue(context);
        pending.Saving.Clear();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Metadata.IsAudited())
            {
                pending.Saving.Add(new NotedEntry(entry, entry.State, ChangesOf(entry)));
            }
        }
    }

    private async ValueTask SavedAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Saving.Count == 0)
        {
            return;
        }
        var module = ModuleOf(context);
        var events = pending.Saving.Select(n => ToEvent(n, module)).ToList();
        pending.Saving.Clear();
        if (context.Database.CurrentTransaction is not null)
        {
            pending.AwaitingCommit.AddRange(events);
            return;
        }
        await WriteAsync(events, cancellationToken);
    }

    private async Task FlushCommittedAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.AwaitingCommit.Count == 0)
        {
            return;
        }
        var events = pending.AwaitingCommit.ToList();
        pending.AwaitingCommit.Clear();
        await WriteAsync(events, cancellationToken);
    }

    private void Forget(DbContext? context, bool saved)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            pending.Saving.Clear();
            if (saved)
            {
                pending.AwaitingCommit.Clear();
            }
        }
    }

    /// <summary>
    /// The change is already saved when the trail is written, so a failure here is logged loudly rather than shown to
    /// the person as if their change had failed.
    /// </summary>
    private async Task WriteAsync(IReadOnlyCollection<AuditEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await Trail.RecordAsync(events, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "{Count} changes were saved but could not be recorded in the audit trail", events.Count);
        }
    }

    private static AuditEvent ToEvent(NotedEntry noted, string module)
    {
        var entry = noted.Entry;
        var key = entry.Metadata.FindPrimaryKey()?.Properties
            .Select(p => Format(entry.Property(p.Name).CurrentValue));
        return new AuditEvent(noted.State switch
        {
            EntityState.Added => AuditActions.Created,
            EntityState.Deleted => AuditActions.Deleted,
            _ => AuditActions.Changed,
        })
        {
            Module = module,
            EntityType = entry.Metadata.ClrType.Name.Split('`')[0],
            EntityId = key is null ? null : string.Join(",", key),
            UnitId = (entry.Entity as IAuditedInUnit)?.AuditUnitId,
            Changes = noted.Changes,
        };
    }

    private static List<AuditFieldChange> ChangesOf(EntityEntry entry)
    {
        var changes = new List<AuditFieldChange>();
        foreach (var property in entry.Properties)
        {
            var how = property.Metadata.HowAudited();
            if (how == AuditedField.Omitted || property.Metadata.IsPrimaryKey())
            {
                continue;
            }
            var (from, to) = entry.State switch
            {
                EntityState.Added => (null, property.CurrentValue),
                EntityState.Deleted => (property.OriginalValue, null),
                _ => (property.OriginalValue, property.CurrentValue),
            };
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(from, to)))
            {
                continue;
            }
            if (entry.State != EntityState.Modified && from is null && to is null)
            {
                continue;
            }
            changes.Add(how == AuditedField.Redacted
                ? new AuditFieldChange(property.Metadata.Name, null, null, Redacted: true)
                : new AuditFieldChange(property.Metadata.Name, Format(from), Format(to)));
        }
        return changes;
    }

    private static string? Format(object? value)
    {
        var text = value switch
        {
            null => null,
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return text is { Length: > MaxValueLength } ? text[..(MaxValueLength - 1)] + "…" : text;
    }

    /// <summary>"TrainingHub.Organisations.Data" names the Organisations module.</summary>
    private static string ModuleOf(DbContext context) =>
        context.GetType().Namespace?.Split('.') is [_, var module, ..] ? module : context.GetType().Name;

    private sealed record NotedEntry(EntityEntry Entry, EntityState State, IReadOnlyList<AuditFieldChange> Changes);

    private sealed class PendingChanges
    {
        public List<NotedEntry> Saving { get; } = [];

        public List<AuditEvent> AwaitingCommit { get; } = [];
    }
}
