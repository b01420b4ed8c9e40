namespace TrainingHub.SharedKernel.Modules;

/// <summary>
/// Work a module does once at start-up before the app serves requests: applying its migrations and,
/// when enabled, loading demo data. Initialisers run in the order the modules were added.
/// </summary>
public interface IModuleInitializer
{
    Task InitialiseAsync(CancellationToken cancellationToken);
}
