using System.Data.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.SharedKernel.Events;

public static class IntegrationEventServiceCollectionExtensions
{
    internal static IServiceCollection AddIntegrationEvents(this IServiceCollection services)
    {
        services.AddTransient(sp => new IntegrationEventDispatcher(
            sp.GetServices<IOutbox<IntegrationEventRecord>>(), sp.GetServices<IIntegrationEventSubscription>(),
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<IntegrationEventDispatcher>>()));
        services.AddModuleContextInterceptor<IntegrationEventTrigger>();
        return services;
    }

    /// <summary>Lets the dispatcher deliver what a module publishes (see <see cref="IntegrationEventModel.AddIntegrationEventOutbox"/>).</summary>
    public static IServiceCollection AddIntegrationEventOutbox<TContext>(this IServiceCollection services)
        where TContext : DbContext =>
        services.AddSingleton<IOutbox<IntegrationEventRecord>, ModuleOutbox<TContext, IntegrationEventRecord>>();

    /// <summary>
    /// Subscribes a module's handler to an event; what it has processed is kept in the inbox of
    /// <typeparamref name="TInboxContext"/> (see <see cref="IntegrationEventModel.AddIntegrationEventInbox"/>).
    /// </summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler, TInboxContext>(this IServiceCollection services)
        where TEvent : class
        where THandler : class, IIntegrationEventHandler<TEvent>
        where TInboxContext : DbContext
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton<IIntegrationEventSubscription, IntegrationEventSubscription<TEvent, THandler, TInboxContext>>();
        return services;
    }

    /// <summary>Asks for a dispatch right away, so an event saved a moment ago is taken in within seconds rather than at the next round.</summary>
    public static void DispatchEventsSoon(this IBackgroundJobClient jobs) =>
        jobs.Enqueue<IntegrationEventDispatcher>(d => d.DispatchAsync(CancellationToken.None));
}

/// <summary>
/// Asks for a dispatch once a save that published events is committed: after the save, or inside an explicit
/// transaction after its commit, since the dispatcher cannot see the events before.
/// </summary>
internal sealed class IntegrationEventTrigger(IServiceProvider services)
    : IModuleContextInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _awaitingCommit = new();

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !IntegrationEvents.TakePublished(context))
        {
            return;
        }
        if (context.Database.CurrentTransaction is null)
        {
            Dispatch();
        }
        else
        {
            _awaitingCommit.AddOrUpdate(context, this);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _awaitingCommit.Remove(context))
        {
            Dispatch();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _awaitingCommit.Remove(context);
            IntegrationEvents.ForgetPublished(context);
        }
    }

    // The recurring job delivers what is left should the job store be unreachable now.
    private void Dispatch() => services.GetRequiredService<IBackgroundJobClient>().DispatchEventsSoon();
}
