using TrainingHub.DataGenerator;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.TestKit;

// Writes the national data set into one database, after applying the modules' migrations:
//   dotnet run -c Release --project test/TrainingHub.DataGenerator -- --provider sqlite --database /tmp/national.db
//   dotnet run -c Release --project test/TrainingHub.DataGenerator -- --provider postgresql --connection "Host=...;Database=...;Username=..."
// Sizes: --people 100000 --hromadas 1470 --organisations 3000 --ratings 2000000 --logs 600000 --responses 1200000; ratings, logs
// and answers not given follow the number of people (20, 6 and 12 each).
var provider = Text("--provider") ?? "sqlite";
var defaults = DataSetSize.For(Number("--people", new DataSetSize().People));
var size = new DataSetSize(
    Number("--people", defaults.People), Number("--hromadas", defaults.Hromadas), Number("--organisations", defaults.Organisations),
    Number("--ratings", defaults.Ratings), Number("--logs", defaults.Logs), Number("--responses", defaults.Responses));
ITestDatabaseServer server = provider.ToLowerInvariant() switch
{
    "sqlite" => new GivenDatabase(DatabaseProvider.Sqlite, $"Data Source={Required("--database", "a file for SQLite")};Pooling=False"),
    "postgresql" => new GivenDatabase(DatabaseProvider.PostgreSql, Required("--connection", "an Npgsql connection string for PostgreSQL")),
    _ => throw new ArgumentException("--provider is sqlite or postgresql"),
};
await using var host = await NationalDataSet.StartAsync(server);
var data = await NationalDataSet.GenerateAsync(host, size, Console.Out);
NationalDataSet.Print(data, Console.Out);

string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

int Number(string name, int fallback) => int.TryParse(Text(name), out var value) ? value : fallback;

string Required(string name, string what) => Text(name) ?? throw new ArgumentException($"{name} is required: {what}");
