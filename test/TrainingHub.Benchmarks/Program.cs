using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Benchmarks;
using TrainingHub.Competencies;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.DataGenerator;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Services;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

// Generates an oblast of 20,000 people and times the competency gap view and the learning report on SQLite and, when
// TRAININGHUB_TEST_POSTGRES is set, on PostgreSQL:
//   dotnet run -c Release --project test/TrainingHub.Benchmarks [-- --people 20000 --runs 7 --sql]
// --sql prints the SQL each query sends, once, before it is timed.
// --national generates the national data set instead (see TrainingHub.DataGenerator) and times the staffing report and the
// gap view against hand-written SQL; its last lines read "name: median ms, p95 ms, ratio to hand SQL":
//   dotnet run -c Release --project test/TrainingHub.Benchmarks -- --national [--people 100000 --runs 20 --warm-up 40 --sql]
// With --database <SQLite file> or --connection <Npgsql connection string> it times a data set the generator wrote
// there before (with the same --people), without generating one. --only <part of a name> times only the queries named so
// (--only "supervision coverage").
var national = args.Contains("--national");
var people = Option("--people", national ? 100_000 : 20_000);
var runs = Option("--runs", national ? 20 : 7);
var sql = new SqlPrinter();
if (args.Contains("--sql"))
{
    DiagnosticListener.AllListeners.Subscribe(sql);
}
if (national)
{
    var benchmark = new NationalBenchmark(runs, Option("--warm-up", 40), sql, Text("--only"));
    var size = DataSetSize.For(people);
    var figures = new List<QueryFigures>();
    if (Text("--database") is { } file)
    {
        figures.AddRange(await benchmark.RunAsync("SQLite", new GivenDatabase(DatabaseProvider.Sqlite, $"Data Source={file}"), size, existing: true));
    }
    else if (Text("--connection") is { } connection)
    {
        figures.AddRange(await benchmark.RunAsync("PostgreSQL", new GivenDatabase(DatabaseProvider.PostgreSql, connection), size, existing: true));
    }
    else
    {
        // Pooled connections, as the app opens them (the test kit's SQLite databases open a new connection every time).
        var folder = Directory.CreateTempSubdirectory("traininghub-national-");
        figures.AddRange(await benchmark.RunAsync("SQLite", new GivenDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder.FullName, "national.db")}"), size));
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        if (Environment.GetEnvironmentVariable(PostgreSqlServer.Variable) is not null)
        {
            var postgresServer = new PostgreSqlServer();
            figures.AddRange(await benchmark.RunAsync("PostgreSQL", postgresServer, size));
            await postgresServer.DisposeAsync();
        }
        else
        {
            Console.WriteLine($"PostgreSQL skipped: set {PostgreSqlServer.Variable} to include it.");
        }
    }
    Console.WriteLine();
    foreach (var query in figures)
    {
        Console.WriteLine($"{query.Name}: {QueryFigures.Ms(query.Median)} ms, {QueryFigures.Ms(query.P95)} ms, {query.Ratio:F1}");
    }
    return;
}
Console.WriteLine($"{people:N0} people, {SyntheticOblast.Hromadas} hromadas, {SyntheticOblast.Hromadas * SyntheticOblast.OrganisationsPerHromada} organisations, " +
                  $"40 competencies in 8 areas, 4 position types; {Environment.ProcessorCount} cores, {runs} timed runs after one warm-up");

var sqlite = new SqliteServer();
await RunAsync("SQLite", sqlite);
await sqlite.DisposeAsync();
if (Environment.GetEnvironmentVariable(PostgreSqlServer.Variable) is not null)
{
    var postgres = new PostgreSqlServer();
    await RunAsync("PostgreSQL", postgres);
    await postgres.DisposeAsync();
}
else
{
    Console.WriteLine($"PostgreSQL skipped: set {PostgreSqlServer.Variable} to include it.");
}

async Task RunAsync(string name, ITestDatabaseServer server)
{
    var oblast = new SyntheticOblast();
    await using var host = await ModuleTestHost.StartAsync(server, [new CompetenciesModule()], replace: services =>
    {
        services.AddSingleton<IOrganisationDirectory>(oblast);
        services.AddSingleton<IUnitHierarchy>(oblast);
        services.AddSingleton<IPositionTypes>(oblast);
    });
    var clock = Stopwatch.StartNew();
    var versionId = await Seed.FrameworkAsync(host, oblast);
    var counts = await Seed.PeopleAndRatingsAsync(host, oblast, versionId, people);
    Console.WriteLine($"\n{name}: generated {counts.Members:N0} people, {counts.Ratings:N0} ratings, {counts.Counted:N0} counted levels in {clock.Elapsed.TotalSeconds:F1} s");

    host.User.Holding(new PermissionGrant(CompetencyPermissions.GapsView, oblast.Oblast.Id));
    var hromada = oblast.Units.First(u => u.Type == UnitType.Hromada);
    var organisation = oblast.Units.First(u => u.ParentId == hromada.Id);
    Console.WriteLine($"{"query",-34} {"median ms",10} {"max ms",10} {"rows",8}");
    await TimeAsync(host, "gap view, whole oblast", async (CompetencyGaps gaps) => Rows(await gaps.ViewAsync(versionId, oblast.Oblast.Id)));
    await TimeAsync(host, "gap view, one hromada", async (CompetencyGaps gaps) => Rows(await gaps.ViewAsync(versionId, hromada.Id)));
    await TimeAsync(host, "gap view, one organisation", async (CompetencyGaps gaps) => Rows(await gaps.ViewAsync(versionId, organisation.Id)));
    await TimeAsync(host, "people with gaps, oblast, page 1", async (CompetencyGaps gaps) => (await gaps.PeopleAsync(versionId, oblast.Oblast.Id, null, true, new PageRequest())).Value.TotalCount);
    await TimeAsync(host, "people with gaps, hromada, page 1", async (CompetencyGaps gaps) => (await gaps.PeopleAsync(versionId, hromada.Id, null, true, new PageRequest())).Value.TotalCount);
    await TimeAsync(host, "people search, oblast", async (CompetencyGaps gaps) => (await gaps.PeopleAsync(versionId, oblast.Oblast.Id, "ОЛЕНА", false, new PageRequest())).Value.TotalCount);

    var learners = new SyntheticPeople(oblast, people);
    await using var learning = await LearningReportBenchmark.StartAsync(server, oblast, learners);
    clock.Restart();
    var (courseId, enrolments, attempts) = await LearningReportBenchmark.SeedAsync(learning, oblast, learners);
    Console.WriteLine($"\n{name}: generated {enrolments:N0} enrolments in 3 courses and {attempts:N0} quiz attempts in {clock.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"{"query",-34} {"median ms",10} {"max ms",10} {"rows",8}");
    learning.User.Holding(new PermissionGrant(LearningPermissions.ProgressView, oblast.Oblast.Id));
    await TimeAsync(learning, "course picker, oblast", async (LearningReports reports) => (await reports.CoursesAsync()).Count);
    await TimeAsync(learning, "course report, whole oblast", async (LearningReports reports) => ReportLines(await reports.GetAsync(oblast.Oblast.Id, courseId)));
    await TimeAsync(learning, "all courses report, whole oblast", async (LearningReports reports) => ReportLines(await reports.GetAsync(oblast.Oblast.Id, null)));
    learning.User.Holding(new PermissionGrant(LearningPermissions.ProgressView, hromada.Id));
    await TimeAsync(learning, "course picker, hromada", async (LearningReports reports) => (await reports.CoursesAsync()).Count);
    await TimeAsync(learning, "course report, one hromada", async (LearningReports reports) => ReportLines(await reports.GetAsync(hromada.Id, courseId)));
}

async Task TimeAsync<TService>(ModuleTestHost host, string query, Func<TService, Task<int>> run) where TService : notnull
{
    sql.Printing = true;
    var rows = await run(host.Get<TService>());
    sql.Printing = false;
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        rows = await run(host.Get<TService>());
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{query,-34} {times[times.Count / 2],10:F0} {times[^1],10:F0} {rows,8}");
}

static int Rows(Result<GapView> view) => view.Succeeded
    ? view.Value.Rows.Count + view.Value.Competencies.Count
    : throw new InvalidOperationException(view.Error!.ToString());

static int ReportLines(Result<LearningReport> report) => report.Succeeded
    ? report.Value.Courses.Count + report.Value.Units.Count
    : throw new InvalidOperationException(report.Error!.ToString());

string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;

/// <summary>The framework through the module's own services; people and ratings in bulk.</summary>
internal static class Seed
{
    public static async Task<Guid> FrameworkAsync(ModuleTestHost host, SyntheticOblast oblast)
    {
        host.User.Holding(new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.FrameworksEdit, null));
        var catalogue = host.Get<FrameworkCatalogue>();
        var tree = host.Get<FrameworkTree>();
        var frameworkId = (await catalogue.CreateAsync(new NewFrameworkInput { Code = "BENCH", Texts = new FrameworkTexts { Name = "Рамка для вимірювання" } })).Value;
        var versionId = (await catalogue.GetAsync(frameworkId)).Value.VersionId;
        var competencies = new List<Guid>();
        for (var a = 1; a <= 8; a++)
        {
            var area = Ok(await tree.AddAsync(versionId, null, new NodeInput { Kind = NodeKind.Area, Code = $"A{a}", Name = $"Сфера {a}" }));
            var nested = Ok(await tree.AddAsync(versionId, area, new NodeInput { Kind = NodeKind.Area, Code = $"A{a}.N", Name = $"Підсфера {a}" }));
            for (var c = 1; c <= 5; c++)
            {
                competencies.Add(Ok(await tree.AddAsync(versionId, c <= 3 ? area : nested, new NodeInput { Kind = NodeKind.Competency, Code = $"A{a}.{c}", Name = $"Компетентність {a}.{c}" })));
            }
        }
        // Social workers need all 40, case managers 30, assistants 20, volunteers 10.
        var profiles = host.Get<RoleProfiles>();
        for (var p = 0; p < oblast.Positions.Count; p++)
        {
            foreach (var (competency, i) in competencies.Take(40 - 10 * p).Select((c, i) => (c, i)))
            {
                if (!(await profiles.SetAsync(oblast.Positions[p].Id, competency, 1 + i % 3)).Succeeded)
                {
                    throw new InvalidOperationException("The profile could not be set.");
                }
            }
        }
        var draft = (await catalogue.GetAsync(frameworkId)).Value;
        if (!(await catalogue.PublishAsync(draft.VersionId, draft.Version)).Succeeded)
        {
            throw new InvalidOperationException("The framework could not be published.");
        }
        return versionId;
    }

    public static async Task<(int Members, int Ratings, int Counted)> PeopleAndRatingsAsync(ModuleTestHost host, SyntheticOblast oblast, Guid versionId, int count)
    {
        var random = new Random(2026);
        var firstNames = new[] { "Олена", "Ірина", "Петро", "Андрій", "Оксана", "Марія", "Василь", "Наталія", "Роман", "Софія" };
        var lastNames = new[] { "Коваль", "Мельник", "Бойко", "Шевчук", "Ткаченко", "Кравчук", "Бондаренко", "Лисенко", "Савчук", "Гнатюк" };
        var members = new List<Member>(count);
        for (var i = 0; i < count; i++)
        {
            // One in thirty is no longer active.
            var home = oblast.RandomHome(random);
            var hromadaId = home.Type == UnitType.Hromada ? home.Id : home.ParentId!.Value;
            var fullName = $"{firstNames[random.Next(firstNames.Length)]} {lastNames[random.Next(lastNames.Length)]} {i}";
            members.Add(new Member
            {
                Id = Guid.NewGuid(), FullName = fullName, SearchName = fullName.ToUpperInvariant(), HomeUnitId = home.Id,
                OblastId = oblast.Oblast.Id, HromadaId = hromadaId, OrganisationId = home.Type == UnitType.Organisation ? home.Id : null,
                PositionTypeId = oblast.Positions[random.Next(oblast.Positions.Count)].Id, IsActive = random.Next(30) != 0,
            });
        }
        await using var db = host.Services.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var requirements = (await (from r in db.RoleRequirements
                                   join n in db.Nodes on r.NodeId equals n.Id
                                   where r.FrameworkVersionId == versionId
                                   select new { r.PositionTypeId, r.NodeId, n.LineageId }).ToListAsync())
            .ToLookup(r => r.PositionTypeId);
        var ratings = new List<CompetencyRating>();
        var counted = new List<CountedLevel>();
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var member in members)
        {
            foreach (var requirement in requirements[member.PositionTypeId!.Value])
            {
                if (random.NextDouble() >= 0.6)
                {
                    continue;
                }
                // One to three ratings each, so there is history behind the level that counts.
                CompetencyRating? latest = null;
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    latest = new CompetencyRating
                    {
                        PersonId = member.Id, FrameworkVersionId = versionId, NodeId = requirement.NodeId, LineageId = requirement.LineageId,
                        Kind = RatingKind.Assessor, LevelRank = random.Next(0, 5), Reason = "Спостереження", RatedById = Guid.Empty,
                        RatedAt = start.AddMinutes(ratings.Count),
                    };
                    ratings.Add(latest);
                }
                counted.Add(new CountedLevel { PersonId = member.Id, LineageId = requirement.LineageId, LevelRank = latest!.LevelRank, RatedAt = latest.RatedAt });
            }
        }
        await BulkInsert.InsertAsync(db, members);
        await BulkInsert.InsertAsync(db, ratings);
        await BulkInsert.InsertAsync(db, counted);
        // Fresh statistics, as a database in use has them.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return (members.Count, ratings.Count, counted.Count);
    }

    private static Guid Ok(Result<Guid> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException(result.Error!.ToString());
}

/// <summary>Writes the text of each command EF Core sends while <see cref="Printing"/> is on.</summary>
internal sealed class SqlPrinter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public bool Printing { get; set; }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            listener.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Printing && value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData command)
        {
            Console.WriteLine($"{command.Command.CommandText}\n");
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
