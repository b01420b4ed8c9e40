namespace TrainingHub.SharedKernel.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Connection string; falls back to <c>ConnectionStrings:TrainingHub</c>, and for SQLite to a file in the data folder.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up; turn off where deployments migrate separately.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

/// <summary>Where the app keeps its files (the SQLite database, outgoing mail); <c>DataFolder</c> in configuration.</summary>
public sealed record DataFolder(string Path);
