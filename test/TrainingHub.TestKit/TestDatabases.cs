using Npgsql;
using Xunit;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.TestKit;

/// <summary>A database server that hands each test a fresh, empty database.</summary>
public interface ITestDatabaseServer
{
    DatabaseProvider Provider { get; }

    Task<string> CreateDatabaseAsync();
}

/// <summary>SQLite: a new file in a temporary folder per database.</summary>
public sealed class SqliteServer : ITestDatabaseServer, IAsyncLifetime
{
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    private readonly string _folder = Directory.CreateTempSubdirectory("traininghub-tests-").FullName;

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_folder, $"{Guid.NewGuid():N}.db")};Pooling=False");

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow runner is left to the OS temp cleaner.
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// PostgreSQL: the server ./test.sh starts, reached through TRAININGHUB_TEST_POSTGRES; a new database per test.
/// Without that variable the tests fail and say how to run them, rather than quietly passing.
/// </summary>
public sealed class PostgreSqlServer : ITestDatabaseServer, IAsyncLifetime
{
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public const string Variable = "TRAININGHUB_TEST_POSTGRES";
    private readonly List<string> _databases = [];

    public DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException(
            $"{Variable} is not set. Run the tests with ./test.sh, which starts a private PostgreSQL server, or point {Variable} at one.");

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"th_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        lock (_databases)
        {
            _databases.Add(name);
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_databases.Count == 0)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
