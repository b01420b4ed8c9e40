using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies;
using TrainingHub.Learning;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Data;
using TrainingHub.Organisations.Domain;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.Supervision;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing;
using TrainingHub.Workforce;

namespace TrainingHub.DataGenerator;

/// <summary>How much to generate; the defaults are the country's size.</summary>
internal sealed record DataSetSize(
    int People = 100_000, int Hromadas = 1_470, int Organisations = 3_000, int Ratings = 2_000_000, int Logs = 600_000, int Responses = 1_200_000)
{
    /// <summary>The country with another number of people, and their ratings, logs and answers in the same proportion.</summary>
    public static DataSetSize For(int people) => new(people, Ratings: people * 20, Logs: people * 6, Responses: people * 12);
}

/// <summary>What was generated: the units and people (for queries to pick from), the frameworks, and rows and time per table.</summary>
internal sealed record NationalData(
    Country Country, IReadOnlyList<Person> People, IReadOnlyList<Guid> FrameworkVersions, IReadOnlyList<TableFigures> Tables, TimeSpan Elapsed)
{
    /// <summary>The oblast where most people work: the heaviest oblast to report on.</summary>
    public OrganisationUnitSummary BusiestOblast => Summary(People.GroupBy(p => p.Hromada.Oblast).MaxBy(g => g.Count())!.Key);

    /// <summary>The most populous hromada of <see cref="BusiestOblast"/>: its city.</summary>
    public OrganisationUnitSummary BusiestHromada =>
        Summary(Country.Hromadas.Where(h => h.Oblast.Id == BusiestOblast.Id).MaxBy(h => h.Unit.Population)!.Unit);

    private static OrganisationUnitSummary Summary(OrganisationUnit unit) =>
        new(unit.Id, unit.Name, unit.NameEn, unit.Type, unit.ParentId, unit.KatottgCode, unit.Population, unit.ChildPopulation);
}

/// <summary>
/// A national data set in one database: the modules that report over the country (Organisations, Workforce, Competencies,
/// Supervision, Wellbeing), migrated as the app migrates them, with the same seed writing the same rows every time.
/// Accounts is left out: its position types are held in memory and its people only in the reporting modules' copies
/// (<see cref="NationalPeople"/> finds them in Workforce's for the modules that ask Accounts).
/// </summary>
internal static class NationalDataSet
{
    public const int Seed = 2026;

    /// <summary>The day the data set is "today", fixed so that runs are alike.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="more">Services a user of the data set needs beyond the modules, such as what rendering pages takes.</param>
    public static Task<ModuleTestHost> StartAsync(ITestDatabaseServer server, Action<IServiceCollection>? more = null) =>
        ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new WorkforceModule(), new CompetenciesModule(), new SupervisionModule(), new WellbeingModule(), new LearningModule()],
            replace: services =>
            {
                services.AddSingleton<IPositionTypes, NationalPositions>();
                services.AddSingleton<IPeopleSelection, NationalPeople>();
                // Reminders are sent by Notifications, which the data set leaves out; nothing here sends one.
                services.AddSingleton<IReminders, RecordingReminders>();
                more?.Invoke(services);
            });

    public static async Task<NationalData> GenerateAsync(ModuleTestHost host, DataSetSize size, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(Seed);
        var writer = new BatchWriter(progress);
        await using var units = host.Services.GetRequiredService<IDbContextFactory<OrganisationsDbContext>>().CreateDbContext();
        if (await units.Units.AnyAsync())
        {
            throw new InvalidOperationException("The database already holds organisation units: generate into an empty database.");
        }

        var country = Country.Generate(random, size.Hromadas, size.Organisations);
        progress.WriteLine($"Organisations: {country.Oblasts.Count} oblasts, {country.Hromadas.Count:N0} hromadas, {country.OrganisationCount:N0} organisations");
        await writer.WriteAsync(units, country.Units);
        // Written in bulk, past the save that moves the tree's stamp on: moved here, as any change of units does.
        (await units.TreeStamps.SingleAsync()).Stamp = Guid.NewGuid();
        await units.SaveChangesAsync();

        var people = People.Generate(random, country, size.People);
        progress.WriteLine($"Workforce: {people.Count:N0} people");
        await WorkforceData.WriteAsync(host, writer, random, country, people);

        progress.WriteLine("Competencies: 3 frameworks through the module's services");
        var versions = await CompetenciesData.FrameworksAsync(host);
        progress.WriteLine($"Competencies: people, {size.Ratings:N0} ratings and the levels that count");
        await CompetenciesData.WriteAsync(host, writer, random, people, size.Ratings, Now);

        progress.WriteLine($"Supervision: assignments, {size.Logs:N0} meetings with signed logs");
        await SupervisionData.WriteAsync(host, writer, random, people, size.Logs, Now);

        progress.WriteLine($"Wellbeing: monthly check-ins of every hromada, {size.Responses:N0} answers");
        await WellbeingData.WriteAsync(host, writer, random, country, people, size.Responses, Now);

        progress.WriteLine("Learning: each oblast's courses, everyone's enrolments and lessons done");
        await LearningData.WriteAsync(host, writer, random, people, Now);

        // Fresh statistics, as a database in use has them; on PostgreSQL also the visibility map that autovacuum keeps in
        // use, without which no index answers a query alone.
        var analyze = units.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE";
        progress.WriteLine($"Statistics ({analyze})");
        await units.Database.ExecuteSqlRawAsync(analyze);
        return new NationalData(country, people, versions, writer.Tables, clock.Elapsed);
    }

    /// <summary>
    /// The units, people and frameworks of a data set generated before with the same sizes, read back without writing:
    /// the seed makes the same units and people first, with the same ids.
    /// </summary>
    public static async Task<NationalData> ReadAsync(ModuleTestHost host, DataSetSize size)
    {
        var random = new Random(Seed);
        var country = Country.Generate(random, size.Hromadas, size.Organisations);
        var people = People.Generate(random, country, size.People);
        await using var db = host.Services.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var versions = await (from framework in db.Frameworks
                              join version in db.FrameworkVersions on framework.Id equals version.FrameworkId
                              where version.Status == FrameworkStatus.Published
                              orderby framework.Code
                              select version.Id).ToListAsync();
        return new NationalData(country, people, versions, [], TimeSpan.Zero);
    }

    /// <summary>Rows and rows per second per table, and the total.</summary>
    public static void Print(NationalData data, TextWriter output)
    {
        output.WriteLine($"{"table",-22} {"rows",12} {"rows/s",10}");
        foreach (var table in data.Tables)
        {
            output.WriteLine($"{table.Table,-22} {table.Rows,12:N0} {table.RowsPerSecond,10:N0}");
        }
        output.WriteLine($"{"all",-22} {data.Tables.Sum(t => t.Rows),12:N0} rows in {data.Elapsed.TotalSeconds:F0} s");
    }
}

/// <summary>A database named on the command line, used as it is.</summary>
internal sealed class GivenDatabase(DatabaseProvider provider, string connectionString) : ITestDatabaseServer
{
    public DatabaseProvider Provider => provider;

    public Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);
}
