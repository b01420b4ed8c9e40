namespace TrainingHub.SharedKernel.Modules;

/// <summary>
/// Work a module does once at start-up before the app serves requests: applying its migrations and,
/// when enabled, loading demo data. Every module's migrations run first, then the other initialisers in the order the
/// modules were added, so that start-up work may read another module's tables through its contract.
/// </summary>
public interface IModuleInitializer
{
    Task InitialiseAsync(CancellationToken cancellationToken);
}

/// <summary>An initialiser that brings a database up to date: it runs before every other.</summary>
public interface IDatabaseMigration : IModuleInitializer;

public static class ModuleInitializers
{
    /// <summary>The initialisers in the order they run: migrations first, then the rest, each group in registration order.</summary>
    public static IEnumerable<IModuleInitializer> InStartOrder(this IEnumerable<IModuleInitializer> initializers) =>
        initializers.OrderBy(i => i is IDatabaseMigration ? 0 : 1);
}
