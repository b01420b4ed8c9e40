using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Frequency;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.DataGenerator;

/// <summary>
/// The Supervision module's tables: every active practitioner assigned to a supervisor of their hromada (or, where it has
/// none, of their oblast), and monthly individual meetings with a log each, signed by both and so locked, as the log page
/// leaves them, until about <c>logs</c> logs are written; and each supervisee's latest supervision, as saving keeps it.
/// </summary>
internal static class SupervisionData
{
    private static readonly string[] Topics =
    [
        "Обговорення випадків родин у СЖО, план відвідувань на місяць",
        "Навантаження і пріоритети, підготовка до засідання комісії",
        "Робота з дитиною з інвалідністю та її батьками, межі ролі",
        "Складна розмова з батьками, власні почуття після неї",
    ];

    private static readonly string[] Reflections =
    [
        "Стало зрозуміліше, як планувати наступний візит.",
        "Потрібно більше часу на документацію, домовились про підтримку.",
        "Відчуваю втому, домовились про коротшу чергу випадків.",
    ];

    public static async Task WriteAsync(ModuleTestHost host, BatchWriter writer, Random random, IReadOnlyList<Person> people, int logs, DateTimeOffset now)
    {
        var supervisors = people.Where(p => p.IsActive && p.Position == NationalPositions.Supervisor).ToList();
        var byHromada = supervisors.ToLookup(s => s.Hromada.Unit.Id);
        var byOblast = supervisors.ToLookup(s => s.Hromada.Oblast.Id);
        var practitioners = people.Where(p => p.IsActive && p.Position.WorksWithClients && byOblast[p.Hromada.Oblast.Id].Any()).ToList();
        var pairs = practitioners.Select(p =>
        {
            var near = byHromada[p.Hromada.Unit.Id].Any() ? byHromada[p.Hromada.Unit.Id].ToList() : byOblast[p.Hromada.Oblast.Id].ToList();
            return (Person: p, Supervisor: near[random.Next(near.Count)]);
        }).ToList();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        await using var db = host.Services.GetRequiredService<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        await writer.WriteAsync(db, pairs.Select(pair => new Assignment
        {
            Id = random.NextGuid(), PersonId = pair.Person.Id, AssigneeId = pair.Supervisor.Id, Role = AssignmentRole.Supervisor,
            UnitId = pair.Person.Home.Id, StartsOn = today.AddYears(-3), CreatedAt = now.AddYears(-3), Version = random.NextGuid(),
        }));
        var perPerson = logs / (double)Math.Max(1, pairs.Count);
        foreach (var chunk in pairs.Chunk(5_000))
        {
            var sessions = new List<SupervisionSession>();
            var logRows = new List<SessionLog>();
            foreach (var (person, supervisor) in chunk)
            {
                var meetings = (int)perPerson + (random.NextDouble() < perPerson % 1 ? 1 : 0);
                for (var m = 1; m <= meetings; m++)
                {
                    var startsAt = now.AddDays(-30 * m + random.Next(-5, 6)).Date.AddHours(random.Next(7, 15));
                    var session = new SupervisionSession
                    {
                        Id = random.NextGuid(), Kind = SessionKind.Individual, LeaderId = supervisor.Id, UnitId = person.Home.Id,
                        StartsAt = new DateTimeOffset(startsAt, TimeSpan.Zero), DurationMinutes = 60, Place = "Кабінет супервізора",
                        Status = SessionStatus.Scheduled, CreatedAt = now.AddDays(-30 * m - 14), Version = random.NextGuid(),
                        Participants = [],
                    };
                    sessions.Add(session);
                    var signed = session.StartsAt.AddHours(2);
                    logRows.Add(new SessionLog
                    {
                        Id = random.NextGuid(), SessionId = session.Id, PersonId = person.Id, LeaderId = supervisor.Id, UnitId = person.Home.Id,
                        Functions = (SupervisionFunctions)random.Next(1, 8), Topics = Topics[random.Next(Topics.Length)],
                        Reflection = Reflections[random.Next(Reflections.Length)], LeaderSignedAt = signed, PersonSignedAt = signed.AddDays(1),
                        UpdatedAt = signed, Version = random.NextGuid(),
                    });
                }
            }
            await writer.WriteAsync(db, sessions);
            await writer.WriteAsync(db, logRows.Select(l => new SessionParticipant { SessionId = l.SessionId, PersonId = l.PersonId }));
            await writer.WriteAsync(db, logRows);
        }
        // Written past the context's saving, so each supervisee's latest supervision is recorded as saving would keep it.
        var latest = await SupervisionDue.Held(db, null, null)
            .GroupBy(h => h.PersonId)
            .Select(g => new { PersonId = g.Key, StartsAt = g.Max(h => h.StartsAt) })
            .ToListAsync();
        await writer.WriteAsync(db, latest.Select(l => new LatestSupervision { PersonId = l.PersonId, StartsAt = l.StartsAt }));
    }
}
