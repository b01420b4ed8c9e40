using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.Pathways.Progression;
using TrainingHub.SharedKernel.Jobs;

namespace TrainingHub.Pathways.Figures;

/// <summary>
/// Counts for the workforce figures: approved training elsewhere completed in the period, approved progressions decided
/// in it (Kyiv days), and certificates valid today (neither revoked nor expired; a renewed one counts through its successor).
/// </summary>
internal sealed class PathwayFigures(IDbContextFactory<PathwaysDbContext> dbFactory, TimeProvider clock) : IPathwayFigures
{
    /// <summary>
    /// People asked about per query: a country's volunteers (about 24,000 at the national data set's size) in three
    /// round trips per kind rather than thirteen, well within what either database takes as one list.
    /// </summary>
    private const int Chunk = 10_000;

    public async Task<IReadOnlyDictionary<Guid, PathwayStanding>> ForPeopleAsync(
        IReadOnlyCollection<Guid> personIds, DateOnly since, DateOnly until, CancellationToken cancellationToken = default)
    {
        var today = DailyRuns.DayOf(clock.GetUtcNow());
        var from = DailyRuns.At(since, TimeOnly.MinValue).ToUniversalTime();
        var to = DailyRuns.At(until.AddDays(1), TimeOnly.MinValue).ToUniversalTime();
        var hours = new Dictionary<Guid, decimal>();
        var movedOn = new Dictionary<Guid, int>();
        var certified = new HashSet<Guid>();
        await using var db = dbFactory.CreateDbContext();
        foreach (var chunk in personIds.Distinct().Chunk(Chunk))
        {
            // Added up here: SQLite keeps decimals as text and cannot add them.
            foreach (var training in await db.Trainings.AsNoTracking()
                         .Where(t => chunk.Contains(t.PersonId) && t.State == TrainingState.Approved && t.CompletedOn >= since && t.CompletedOn <= until)
                         .Select(t => new { t.PersonId, t.Hours }).ToListAsync(cancellationToken))
            {
                hours[training.PersonId] = hours.GetValueOrDefault(training.PersonId) + training.Hours;
            }
            // Compared here: SQLite cannot compare times with offsets, and a person moves on only a few times.
            var decided = await db.Requests.AsNoTracking()
                .Where(r => chunk.Contains(r.PersonId) && r.Status == RequestStatus.Approved)
                .Select(r => new { r.PersonId, r.DecidedAt }).ToListAsync(cancellationToken);
            foreach (var person in decided.Where(r => r.DecidedAt >= from && r.DecidedAt < to).GroupBy(r => r.PersonId))
            {
                movedOn[person.Key] = person.Count();
            }
            certified.UnionWith(await db.Certificates.AsNoTracking()
                .Where(c => chunk.Contains(c.PersonId) && c.RevokedAt == null && c.RenewedAt == null && (c.ValidUntil == null || c.ValidUntil >= today))
                .Select(c => c.PersonId).Distinct().ToListAsync(cancellationToken));
        }
        return hours.Keys.Concat(movedOn.Keys).Concat(certified).Distinct()
            .ToDictionary(id => id, id => new PathwayStanding(hours.GetValueOrDefault(id), movedOn.GetValueOrDefault(id), certified.Contains(id)));
    }
}
