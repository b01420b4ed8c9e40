using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.SharedKernel.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's DbContext factory. <typeparamref name="TSqlite"/> and <typeparamref name="TPostgreSql"/>
    /// are the module's provider-specific contexts; the configured provider decides which one is made.
    /// Also applies the module's migrations at start-up unless <see cref="DatabaseOptions.MigrateOnStartup"/> is off.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgreSql>(
        this IServiceCollection services, string schema)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgreSql : TContext
    {
        services.AddSingleton<IDbContextFactory<TContext>>(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var loggerFactory = sp.GetRequiredService<ILoggerFactory>();
            var interceptors = sp.GetServices<IModuleContextInterceptor>().ToArray();
            return database.Provider == DatabaseProvider.PostgreSql
                ? new ModuleDbContextFactory<TContext>(
                    ModuleDbContextOptions.Build<TPostgreSql>(database.Provider, database.ConnectionString!, schema, loggerFactory, interceptors),
                    o => Create<TPostgreSql>(o))
                : new ModuleDbContextFactory<TContext>(
                    ModuleDbContextOptions.Build<TSqlite>(database.Provider, database.ConnectionString!, schema, loggerFactory, interceptors),
                    o => Create<TSqlite>(o));
        });
        services.AddSingleton<IModuleInitializer, MigrateModuleDatabase<TContext>>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>($"database:{schema}");
        return services;
    }

    /// <summary>
    /// Watches every module context's saves (the audit trail does). Registered as a singleton; it must not watch
    /// the context it writes to.
    /// </summary>
    public static IServiceCollection AddModuleContextInterceptor<TInterceptor>(this IServiceCollection services)
        where TInterceptor : class, IModuleContextInterceptor =>
        services.AddSingleton<IModuleContextInterceptor, TInterceptor>();

    private static TContext Create<TContext>(DbContextOptions options) =>
        (TContext)Activator.CreateInstance(typeof(TContext), options)!;
}

internal sealed class MigrateModuleDatabase<TContext>(IDbContextFactory<TContext> factory, IOptions<DatabaseOptions> options)
    : IDatabaseMigration
    where TContext : DbContext
{
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>Healthy when the module's database answers.</summary>
internal sealed class DatabaseHealthCheck<TContext>(IDbContextFactory<TContext> factory) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}
