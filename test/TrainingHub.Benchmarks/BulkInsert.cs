using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace TrainingHub.Benchmarks;

/// <summary>
/// Writes many rows of one entity fast, in the shape EF would write them (its column names and value conversions):
/// one prepared statement in one transaction on SQLite, binary COPY on PostgreSQL.
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAsync<T>(DbContext db, IEnumerable<T> rows) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var columns = properties.Select(p => p.GetColumnName(table)!).ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }
        if (connection is NpgsqlConnection npgsql)
        {
            var name = $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";
            await using var importer = await npgsql.BeginBinaryImportAsync(
                $"COPY {name} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                foreach (var property in properties)
                {
                    var value = property.GetGetter().GetClrValue(row);
                    var stored = property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
                    if (stored is null)
                    {
                        await importer.WriteNullAsync();
                    }
                    else
                    {
                        await importer.WriteAsync(stored);
                    }
                }
            }
            await importer.CompleteAsync();
            return;
        }
        var sqlite = (SqliteConnection)connection;
        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        await using var command = sqlite.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = properties.Select((p, i) => (Property: p, Parameter: (SqliteParameter)p.GetRelationalTypeMapping().CreateParameter(command, $"$p{i}", null))).ToList();
        command.Parameters.AddRange(parameters.Select(p => p.Parameter).ToArray());
        command.Prepare();
        foreach (var row in rows)
        {
            foreach (var (property, parameter) in parameters)
            {
                var value = property.GetGetter().GetClrValue(row);
                var converted = property.GetRelationalTypeMapping().Converter?.ConvertToProvider(value) ?? value;
                parameter.Value = Stored(converted);
            }
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>SQLite keeps GUIDs as upper-case text and times as ISO text, as EF's SQLite mappings write them.</summary>
    private static object Stored(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };
}
