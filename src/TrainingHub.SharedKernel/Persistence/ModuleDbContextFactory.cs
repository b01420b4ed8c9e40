using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TrainingHub.SharedKernel.Persistence;

/// <summary>
/// Creates a module's DbContext for one operation. Each provider has its own derived context type so
/// that SQLite and PostgreSQL keep separate migrations in the same module assembly.
/// </summary>
internal sealed class ModuleDbContextFactory<TContext>(DbContextOptions options, Func<DbContextOptions, TContext> create)
    : IDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext() => create(options);
}

public static class ModuleDbContextOptions
{
    /// <summary>Options for a module's provider-specific context: its own migrations history, its own schema on PostgreSQL.</summary>
    public static DbContextOptions<TContext> Build<TContext>(
        DatabaseProvider provider, string connectionString, string schema, ILoggerFactory? loggerFactory = null,
        IReadOnlyCollection<IModuleContextInterceptor>? interceptors = null)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        var migrationsAssembly = typeof(TContext).Assembly.GetName().Name;
        // A list in a query (the people of an oblast, say) goes as one array parameter, not one parameter per item: SQLite
        // refuses more than 32,766 parameters, and tens of thousands of them made a whole-oblast report take seconds.
        if (provider == DatabaseProvider.PostgreSql)
        {
            builder.UseNpgsql(connectionString, o => o
                .MigrationsAssembly(migrationsAssembly)
                .MigrationsHistoryTable("__EFMigrationsHistory", schema)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        }
        else
        {
            builder.UseSqlite(connectionString, o => o
                .MigrationsAssembly(migrationsAssembly)
                .MigrationsHistoryTable($"__EFMigrationsHistory_{schema}")
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        }
        builder.AddInterceptors(VersionStampInterceptor.Instance);
        if (interceptors is { Count: > 0 })
        {
            builder.AddInterceptors(interceptors);
        }
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }
        return builder.Options;
    }
}

/// <summary>An interceptor every module context gets (see <see cref="PersistenceServiceCollectionExtensions.AddModuleContextInterceptor{T}"/>).</summary>
public interface IModuleContextInterceptor : IInterceptor;

/// <summary>Gives every added or changed <see cref="IHasVersion"/> entity a new version as it is saved.</summary>
internal sealed class VersionStampInterceptor : SaveChangesInterceptor
{
    public static VersionStampInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries<IHasVersion>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}

/// <summary>
/// Lets <c>dotnet ef</c> create a module's provider-specific context without starting the app.
/// A module derives one small class per provider.
/// </summary>
public abstract class DesignTimeDbContextFactory<TContext>(DatabaseProvider provider, string schema)
    : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var connectionString = provider == DatabaseProvider.Sqlite ? "Data Source=design.db" : "Host=localhost";
        return (TContext)Activator.CreateInstance(typeof(TContext), ModuleDbContextOptions.Build<TContext>(provider, connectionString, schema))!;
    }
}
