using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace TrainingHub.DataGenerator;

/// <summary>Rows written to one table and the time the writing took.</summary>
internal sealed record TableFigures(string Table, long Rows, TimeSpan Time)
{
    public double RowsPerSecond => Rows / Math.Max(Time.TotalSeconds, 0.001);
}

/// <summary>
/// Writes many rows of one entity fast, in the shape EF would write them (its column names and value conversions), in
/// batches that each finish well within a command time-out: one binary COPY per batch on PostgreSQL, one transaction
/// with a prepared statement per batch on SQLite. Keeps rows and time per table, and tells how far it has got.
/// </summary>
internal sealed class BatchWriter(TextWriter progress, int batchSize = BatchWriter.DefaultBatchSize)
{
    /// <summary>A few seconds per batch at the slowest (SQLite, a table with several indexes), far from any time-out.</summary>
    public const int DefaultBatchSize = 50_000;

    private readonly Dictionary<string, TableFigures> _tables = [];
    private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();

    public IReadOnlyList<TableFigures> Tables => [.. _tables.Values];

    public async Task WriteAsync<T>(DbContext db, IEnumerable<T> rows) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!)).ToList();
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }
        var connection = db.Database.GetDbConnection();
        var figures = _tables.GetValueOrDefault(table.Name) ?? new TableFigures(table.Name, 0, TimeSpan.Zero);
        foreach (var batch in rows.Chunk(batchSize))
        {
            var watch = Stopwatch.StartNew();
            if (connection is NpgsqlConnection npgsql)
            {
                await CopyAsync(npgsql, $"\"{table.Schema}\".\"{table.Name}\"", columns, batch);
            }
            else
            {
                await InsertAsync((SqliteConnection)connection, table.Name, columns, batch);
            }
            figures = figures with { Rows = figures.Rows + batch.Length, Time = figures.Time + watch.Elapsed };
            _tables[table.Name] = figures;
            if (_sinceProgress.Elapsed > TimeSpan.FromSeconds(2))
            {
                Report(figures);
            }
        }
    }

    private void Report(TableFigures figures)
    {
        progress.WriteLine($"  {figures.Table,-22} {figures.Rows,12:N0} rows {figures.RowsPerSecond,10:N0} rows/s");
        _sinceProgress.Restart();
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, IReadOnlyList<Column> columns, T[] batch)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in batch)
        {
            await importer.StartRowAsync();
            foreach (var column in columns)
            {
                if (column.Value(row!) is { } value)
                {
                    await importer.WriteAsync(value);
                }
                else
                {
                    await importer.WriteNullAsync();
                }
            }
        }
        await importer.CompleteAsync();
    }

    private static async Task InsertAsync<T>(SqliteConnection connection, string table, IReadOnlyList<Column> columns, T[] batch)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((c, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToList();
        command.Prepare();
        foreach (var row in batch)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = Stored(columns[i].Value(row!));
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
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };

    /// <summary>A mapped property and how its value reaches the database.</summary>
    private sealed class Column(IProperty property, string name)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter = property.GetTypeMapping().Converter;

        public string Name { get; } = name;

        public object? Value(object row)
        {
            var value = _getter.GetClrValue(row);
            return value is null ? null : _converter is null ? value : _converter.ConvertToProvider(value);
        }
    }
}
