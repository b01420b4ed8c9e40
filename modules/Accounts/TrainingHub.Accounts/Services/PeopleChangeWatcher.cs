using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Tells every <see cref="IPeopleObserver"/> about people created or changed in what others keep of them (name, home
/// unit, position, active flag), whichever path saved them: invitations, profile edits, deactivation, demo data.
/// Watching the Accounts context's saves catches them all. Inside an explicit transaction the observers hear only once
/// it commits, so a rolled-back bulk invitation announces nobody.
/// </summary>
internal sealed class PeopleChangeWatcher(IServiceProvider services, ILogger<PeopleChangeWatcher> logger)
    : IModuleContextInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly string[] WatchedFields =
        [nameof(ApplicationUser.FullName), nameof(ApplicationUser.HomeUnitId), nameof(ApplicationUser.PositionTypeId), nameof(ApplicationUser.IsActive)];

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

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
        SavedAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData.Context, cancellationToken);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        FlushAsync(eventData.Context, cancellationToken);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not AccountsDbContext)
        {
            return;
        }
        var pending = _pending.GetOrCreateValue(context);
        // Outside a transaction nothing earlier can still be waiting; what is left came from one never committed.
        if (context.Database.CurrentTransaction is null)
        {
            pending.People.Clear();
        }
        foreach (var entry in context.ChangeTracker.Entries<ApplicationUser>())
        {
            if (entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && WatchedFields.Any(f => entry.Property(f).IsModified && !Equals(entry.Property(f).OriginalValue, entry.Property(f).CurrentValue))))
            {
                pending.People[entry.Entity.Id] = entry.Entity;
            }
        }
    }

    private Task SavedAsync(DbContext? context, CancellationToken cancellationToken) =>
        context is AccountsDbContext && context.Database.CurrentTransaction is null ? FlushAsync(context, cancellationToken) : Task.CompletedTask;

    private async Task FlushAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.People.Count == 0)
        {
            return;
        }
        var people = pending.People.Values.Select(PeopleLookup.Contact).ToList();
        pending.People.Clear();
        foreach (var observer in services.GetServices<IPeopleObserver>())
        {
            // The change is saved already: an observer that fails catches up when it next reconciles.
            try
            {
                await observer.PeopleChangedAsync(people, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "{Observer} could not take in {Count} changed people", observer.GetType().Name, people.Count);
            }
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            pending.People.Clear();
        }
    }

    private sealed class Pending
    {
        public Dictionary<Guid, ApplicationUser> People { get; } = [];
    }
}
