using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Services;
using TrainingHub.DataGenerator;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Benchmarks;

/// <summary>One query's timings: the module's answer and the same aggregate written by hand in SQL.</summary>
internal sealed record QueryFigures(string Name, double Median, double P95, double HandMedian, double HandP95)
{
    public double Ratio => Median / Math.Max(HandMedian, 0.001);

    /// <summary>Milliseconds as printed: whole above 10, with a tenth below, where a whole number would hide a ratio's parts.</summary>
    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "F1" : "F0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The staffing report, the competency gap view and the competency figures planning views read over the national data
/// set: the whole country, the oblast with most people, its largest hromada, the oblast's gaps, the country's and the
/// oblast's heatmaps, everyone's profile standing and everyone's supervision coverage, each timed against hand-written SQL that reads the same aggregates
/// in the same run, so the ratio shows what the module adds over the database's own work.
/// </summary>
internal sealed class NationalBenchmark(int runs, int warmUps, SqlPrinter sql, string? only = null)
{
    /// <summary>Generates the data set into a new database of the server, or with <paramref name="existing"/> reads back the one it holds.</summary>
    public async Task<IReadOnlyList<QueryFigures>> RunAsync(string name, ITestDatabaseServer server, DataSetSize size, bool existing = false)
    {
        await using var host = await NationalDataSet.StartAsync(server, LearnerHome.AddRendering);
        var data = existing ? await NationalDataSet.ReadAsync(host, size) : await NationalDataSet.GenerateAsync(host, size, Console.Out);
        if (!existing)
        {
            Console.WriteLine($"\n{name}: the national data set");
            NationalDataSet.Print(data, Console.Out);
        }

        // The planning figures read what is counted ahead: count it as the job would, and say how long that takes.
        var counting = Stopwatch.StartNew();
        await host.Get<FigureTallies>().RefreshAsync(CancellationToken.None);
        Console.WriteLine($"\n{name}: the competency figures counted ahead in {counting.Elapsed.TotalSeconds:F1} s");

        host.User.Holding(new PermissionGrant(WorkforcePermissions.View, null), new PermissionGrant(CompetencyPermissions.GapsView, null));
        var (oblast, hromada) = (data.BusiestOblast, data.BusiestHromada);
        var versionId = data.FrameworkVersions[0];
        var hand = new HandSql(host, server.Provider);
        // Learners of every kind, spread over the country, each page for another one, as many people open theirs.
        var learners = data.People.Where(p => p.IsActive && p.Position.WorksWithClients).Where((_, i) => i % 97 == 0).ToList();
        var learnerHome = new LearnerHome(host, learners);
        // The workforce planning dashboard asks about everyone, on the data set's day.
        var everyone = data.People.Select(p => p.Id).ToList();
        var asOf = DateOnly.FromDateTime(NationalDataSet.Now.UtcDateTime);
        Console.WriteLine($"\n{name}: {oblast.Name}, {hromada.Name} ({hromada.Population:N0} residents); {runs} timed runs after {warmUps} to warm up");
        Console.WriteLine($"{"query",-34} {"median ms",10} {"p95 ms",8} {"SQL median",11} {"SQL p95",8} {"ratio",6}");
        QueryFigures?[] figures =
        [
            await TimeAsync(host, $"national view ({name})", async (StaffingReports reports) => Lines(await reports.GetAsync(null)), hand.NationalAsync),
            await TimeAsync(host, $"oblast drill-down ({name})", async (StaffingReports reports) => Lines(await reports.GetAsync(oblast.Id)),
                () => hand.OblastAsync(oblast.Id)),
            await TimeAsync(host, $"hromada page ({name})", async (StaffingReports reports) => Lines(await reports.GetAsync(hromada.Id)),
                () => hand.HromadaAsync(hromada.Id)),
            await TimeAsync(host, $"oblast gap view ({name})", async (CompetencyGaps gaps) => Rows(await gaps.ViewAsync(versionId, oblast.Id)),
                () => hand.GapsAsync(versionId, oblast.Id)),
            await TimeAsync(host, $"country heatmap ({name})", async (ICompetencyFigures figures) => Rows(await figures.HeatmapAsync(versionId, null)),
                () => hand.TalliedAsync(versionId, Guid.Empty)),
            await TimeAsync(host, $"oblast heatmap ({name})", async (ICompetencyFigures figures) => Rows(await figures.HeatmapAsync(versionId, oblast.Id)),
                () => hand.TalliedAsync(versionId, oblast.Id)),
            await TimeAsync(host, $"profile standings ({name})", async (ICompetencyFigures figures) => (await figures.ProfileStandingsAsync()).Count,
                hand.TalliedStandingsAsync),
            await TimeAsync($"learner home ({name})", learnerHome.RenderAsync, () =>
            {
                var person = learnerHome.Next();
                return hand.LearnerHomeAsync(person, NationalDataSet.Now);
            }),
            await TimeAsync(host, $"supervision coverage ({name})", async (ISupervisionCoverage coverage) => (await coverage.CoverageAsync(everyone, asOf)).Count,
                () => hand.SupervisionAsync(asOf)),
        ];
        return [.. figures.OfType<QueryFigures>()];
    }

    /// <summary>Times the query and its hand-written SQL; null when <c>--only</c> leaves it out.</summary>
    private Task<QueryFigures?> TimeAsync<TService>(ModuleTestHost host, string query, Func<TService, Task<int>> run, Func<Task<int>> hand)
        where TService : notnull => TimeAsync(query, () => run(host.Get<TService>()), hand);

    private async Task<QueryFigures?> TimeAsync(string query, Func<Task<int>> run, Func<Task<int>> hand)
    {
        if (only is not null && !query.Contains(only, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        sql.Printing = true;
        await run();
        sql.Printing = false;
        // Until the JIT has compiled the hot code fully (after 30 calls), as in an app that has been running a while.
        for (var i = 1; i < warmUps; i++)
        {
            await run();
        }
        for (var i = 0; i < warmUps; i++)
        {
            await hand();
        }
        var (median, p95) = await TimesAsync(run);
        var (handMedian, handP95) = await TimesAsync(hand);
        var figures = new QueryFigures(query, median, p95, handMedian, handP95);
        Console.WriteLine($"{query,-34} {QueryFigures.Ms(median),10} {QueryFigures.Ms(p95),8} {QueryFigures.Ms(handMedian),11} {QueryFigures.Ms(handP95),8} {figures.Ratio,6:F1}");
        return figures;
    }

    private async Task<(double Median, double P95)> TimesAsync(Func<Task<int>> run)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]);
    }

    private static int Lines(Result<StaffingReport> report) => report.Succeeded
        ? report.Value.Lines.Count + report.Value.Positions.Count
        : throw new InvalidOperationException(report.Error!.ToString());

    private static int Rows(CompetencyHeatmap? heatmap) => heatmap is null
        ? throw new InvalidOperationException("The version is not published.")
        : heatmap.Rows.Count + heatmap.Shortfalls.Count;

    private static int Rows(Result<GapView> view) => view.Succeeded
        ? view.Value.Rows.Count + view.Value.Competencies.Count
        : throw new InvalidOperationException(view.Error!.ToString());
}

/// <summary>
/// The aggregates each report is made of, as one would write them by hand: active people counted per area and position,
/// funded posts summed per area (organisation → hromada → oblast through the units' parents), and for gaps, people per
/// hromada and position and met requirements per hromada and competency. Read through plain ADO.NET, every row.
/// </summary>
internal sealed class HandSql(ModuleTestHost host, DatabaseProvider provider)
{
    private string Staff => Table("workforce", "Staff");
    private string Funded => Table("workforce", "FundedPosts");
    private string Units => Table("organisations", "OrganisationUnits");
    private string Members => Table("competencies", "Members");
    private string Requirements => Table("competencies", "RoleRequirements");
    private string Nodes => Table("competencies", "Nodes");
    private string Counted => Table("competencies", "CountedLevels");
    private string Assignments => Table("supervision", "Assignments");
    private string Logs => Table("supervision", "Logs");
    private string Sessions => Table("supervision", "Sessions");

    public Task<int> NationalAsync() => ReadAsync(
        $"""
        SELECT "OblastId", "PositionTypeId", COUNT(*) FROM {Staff} WHERE "IsActive" GROUP BY "OblastId", "PositionTypeId";
        SELECT h."ParentId", SUM(f."Posts") FROM {Funded} f JOIN {Units} o ON o."Id" = f."OrganisationId" JOIN {Units} h ON h."Id" = o."ParentId"
        GROUP BY h."ParentId"
        """);

    public Task<int> OblastAsync(Guid oblastId) => ReadAsync(
        $"""
        SELECT "HromadaId", "PositionTypeId", COUNT(*) FROM {Staff} WHERE "IsActive" AND "OblastId" = @unit GROUP BY "HromadaId", "PositionTypeId";
        SELECT o."ParentId", SUM(f."Posts") FROM {Funded} f JOIN {Units} o ON o."Id" = f."OrganisationId" JOIN {Units} h ON h."Id" = o."ParentId"
        WHERE h."ParentId" = @unit GROUP BY o."ParentId"
        """, oblastId);

    public Task<int> HromadaAsync(Guid hromadaId) => ReadAsync(
        $"""
        SELECT "UnitId", "PositionTypeId", COUNT(*) FROM {Staff} WHERE "IsActive" AND "HromadaId" = @unit GROUP BY "UnitId", "PositionTypeId";
        SELECT f."OrganisationId", SUM(f."Posts") FROM {Funded} f JOIN {Units} o ON o."Id" = f."OrganisationId" WHERE o."ParentId" = @unit
        GROUP BY f."OrganisationId"
        """, hromadaId);

    public Task<int> GapsAsync(Guid versionId, Guid oblastId) => ReadAsync(
        $"""
        SELECT "HromadaId", "PositionTypeId", COUNT(*) FROM {Members} WHERE "IsActive" AND "OblastId" = @unit GROUP BY "HromadaId", "PositionTypeId";
        SELECT m."HromadaId", r."NodeId", COUNT(*) FROM {Members} m
        JOIN {Requirements} r ON r."PositionTypeId" = m."PositionTypeId" AND r."FrameworkVersionId" = @version
        JOIN {Nodes} n ON n."Id" = r."NodeId"
        JOIN {Counted} c ON c."PersonId" = m."Id" AND c."LineageId" = n."LineageId"
        WHERE m."IsActive" AND m."OblastId" = @unit AND c."LevelRank" >= r."LevelRank"
        GROUP BY m."HromadaId", r."NodeId"
        """, oblastId, versionId);

    /// <summary>A heatmap's tallies as counted ahead (the country under the empty id): cells and people per row.</summary>
    public Task<int> TalliedAsync(Guid versionId, Guid area) => ReadAsync(
        $"""
        SELECT "RowId", "NodeId", "Required", "Met" FROM {Table("competencies", "RequirementTallies")} WHERE "FrameworkVersionId" = @version AND "AreaId" = @unit;
        SELECT "RowId", "People" FROM {Table("competencies", "TalliedPeople")} WHERE "FrameworkVersionId" = @version AND "AreaId" = @unit
        """, area, versionId);

    /// <summary>Each person's standing as counted ahead.</summary>
    public Task<int> TalliedStandingsAsync() => ReadAsync($"""SELECT "PersonId", "MeetsProfile" FROM {Table("competencies", "ProfileStandings")}""");

    /// <summary>
    /// Supervision coverage's aggregates: each supervisee's first supervisor assignment and whether one is current on the
    /// day, and their latest individual or group meeting with a log signed by both, from the earliest day a policy's longest
    /// interval reaches (12 months and a day before) to the end of the day, Kyiv time.
    /// </summary>
    public Task<int> SupervisionAsync(DateOnly asOf)
    {
        var kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
        DateTimeOffset Midnight(DateOnly day)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, kyiv.GetUtcOffset(local)).ToUniversalTime();
        }
        var earliest = new[] { asOf.AddMonths(-12), asOf.AddDays(-365) }.Min().AddDays(-1);
        var (from, until) = (Midnight(earliest), Midnight(asOf.AddDays(1)));
        return ReadAsync(
            $"""
            SELECT "PersonId", MIN("StartsOn"), MAX(CASE WHEN "EndsOn" IS NULL OR "EndsOn" >= @day THEN 1 ELSE 0 END) FROM {Assignments}
            WHERE "Role" = 'Supervisor' AND "StartsOn" <= @day GROUP BY "PersonId";
            SELECT l."PersonId", MAX(s."StartsAt") FROM {Logs} l JOIN {Sessions} s ON s."Id" = l."SessionId"
            WHERE l."LeaderSignedAt" IS NOT NULL AND l."PersonSignedAt" IS NOT NULL AND s."Status" = 'Scheduled' AND s."Kind" IN ('Individual', 'Group')
              AND s."StartsAt" >= @from AND s."StartsAt" <= @until
            GROUP BY l."PersonId"
            """,
            values: new Dictionary<string, object>
            {
                ["@day"] = provider == DatabaseProvider.PostgreSql ? asOf : asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                // SQLite keeps a meeting's start as UTC ticks.
                ["@from"] = provider == DatabaseProvider.PostgreSql ? from : from.UtcTicks,
                ["@until"] = provider == DatabaseProvider.PostgreSql ? until : until.UtcTicks,
            });
    }

    /// <summary>
    /// What a learner's home page reads for one person: their active enrolments with each course's lessons and the lessons
    /// they finished, their next meetings and the logs waiting for their signature, their recent and unfinished hours and
    /// what their position asks, and the open check-ins they were invited to.
    /// </summary>
    public Task<int> LearnerHomeAsync(Person person, DateTimeOffset now)
    {
        var postgres = provider == DatabaseProvider.PostgreSql;
        var monday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-(((int)now.UtcDateTime.DayOfWeek + 6) % 7));
        return ReadAsync(
            $"""
            SELECT e."Id", e."CourseId", e."DueAt", c."Title",
                   (SELECT COUNT(*) FROM {Table("learning", "Lessons")} l WHERE l."CourseId" = e."CourseId"),
                   (SELECT COUNT(*) FROM {Table("learning", "LessonCompletions")} d WHERE d."PersonId" = e."PersonId" AND d."CourseId" = e."CourseId")
            FROM {Table("learning", "Enrolments")} e JOIN {Table("learning", "Courses")} c ON c."Id" = e."CourseId"
            WHERE e."PersonId" = @unit AND e."Status" = 'Active';
            SELECT s."Id", s."Kind", s."StartsAt", s."LeaderId" FROM {Table("supervision", "SessionParticipants")} p JOIN {Sessions} s ON s."Id" = p."SessionId"
            WHERE p."PersonId" = @unit AND s."Status" = 'Scheduled' AND s."StartsAt" >= @now ORDER BY s."StartsAt" LIMIT 2;
            SELECT l."Id", l."LeaderId", s."StartsAt" FROM {Logs} l JOIN {Sessions} s ON s."Id" = l."SessionId" WHERE l."PersonId" = @unit AND l."PersonSignedAt" IS NULL;
            SELECT "Id", "State", "Date" FROM {Table("supervision", "HoursEntries")} WHERE "PersonId" = @unit AND ("Date" >= @monday OR "State" IN ('Draft', 'Rejected'));
            SELECT r."Id", r."TotalHours" FROM {Table("supervision", "HoursRequirements")} r WHERE r."PositionTypeId" = @version;
            SELECT r."Id", r."ClosesAt", i."State" FROM {Table("wellbeing", "Invitations")} i JOIN {Table("wellbeing", "Rounds")} r ON r."Id" = i."RoundId"
            WHERE i."PersonId" = @unit AND i."State" IN ('Invited', 'Answering') AND r."OpensAt" <= @now AND r."ClosesAt" > @now
            """,
            person.Id, person.Position.Id,
            new Dictionary<string, object>
            {
                ["@now"] = postgres ? now : now.UtcTicks,
                ["@monday"] = postgres ? monday : monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
    }

    private string Table(string schema, string name) => provider == DatabaseProvider.PostgreSql ? $"\"{schema}\".\"{name}\"" : $"\"{name}\"";

    /// <summary>Runs the statements on a connection of its own, as each report opens one, and reads every row they return.</summary>
    private async Task<int> ReadAsync(string statements, Guid? unit = null, Guid? version = null, IReadOnlyDictionary<string, object>? values = null)
    {
        await using var db = host.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = 0;
        foreach (var statement in statements.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            Add(command, "@unit", unit);
            Add(command, "@version", version);
            foreach (var (name, value) in values ?? new Dictionary<string, object>())
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
            }
        }
        return rows;
    }

    /// <summary>SQLite keeps GUIDs as upper-case text, PostgreSQL as uuid.</summary>
    private void Add(DbCommand command, string name, Guid? value)
    {
        if (value is { } id)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = provider == DatabaseProvider.PostgreSql ? id : id.ToString().ToUpperInvariant();
            command.Parameters.Add(parameter);
        }
    }
}
