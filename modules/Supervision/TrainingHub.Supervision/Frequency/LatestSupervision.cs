using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Frequency;

/// <summary>
/// When a supervisee's latest supervision (as <see cref="SupervisionDue.Held"/> counts them, whenever it is) began: one
/// row per supervisee, kept by <see cref="SupervisionDbContext"/> whenever a log or a meeting changes, so that a whole
/// country's coverage is one read of these rather than a grouping of every signed log. Ordinary, as the meeting's time is.
/// </summary>
[OrdinaryData]
internal sealed class LatestSupervision
{
    public Guid PersonId { get; set; }

    public DateTimeOffset StartsAt { get; set; }
}

/// <summary>Keeps <see cref="LatestSupervision"/> in step with the logs and meetings a save changes.</summary>
internal static class LatestSupervisions
{
    /// <summary>
    /// The supervisees whose latest supervision the pending changes may move: those of logs added, removed or (un)signed,
    /// and those with a log of a meeting moved, cancelled, removed or changed in kind. Null when there are none.
    /// </summary>
    public static async Task<HashSet<Guid>?> TouchedAsync(SupervisionDbContext db, CancellationToken cancellationToken)
    {
        var people = new HashSet<Guid>();
        foreach (var log in db.ChangeTracker.Entries<SessionLog>())
        {
            if (log.State is EntityState.Added or EntityState.Deleted
                || (log.State == EntityState.Modified && Changed(log, nameof(SessionLog.LeaderSignedAt), nameof(SessionLog.PersonSignedAt),
                    nameof(SessionLog.PersonId), nameof(SessionLog.SessionId))))
            {
                people.Add(log.Entity.PersonId);
                people.Add(log.Property(l => l.PersonId).OriginalValue);
            }
        }
        var sessions = db.ChangeTracker.Entries<SupervisionSession>()
            .Where(s => s.State == EntityState.Deleted
                        || (s.State == EntityState.Modified && Changed(s, nameof(SupervisionSession.StartsAt), nameof(SupervisionSession.Status), nameof(SupervisionSession.Kind))))
            .Select(s => s.Entity.Id).ToList();
        foreach (var chunk in sessions.Chunk(SupervisionDue.Chunk))
        {
            people.UnionWith(await db.Logs.AsNoTracking().Where(l => chunk.Contains(l.SessionId)).Select(l => l.PersonId).ToListAsync(cancellationToken));
        }
        return people.Count == 0 ? null : people;
    }

    /// <summary>Sets the people's latest supervision from their logs as saved (or removes it when they have none).</summary>
    public static async Task RecordAsync(SupervisionDbContext db, IReadOnlyCollection<Guid> personIds, Func<CancellationToken, Task> save, CancellationToken cancellationToken)
    {
        foreach (var chunk in personIds.Chunk(SupervisionDue.Chunk))
        {
            var latest = await SupervisionDue.Held(db, null, null)
                .Where(h => chunk.Contains(h.PersonId))
                .GroupBy(h => h.PersonId)
                .Select(g => new { PersonId = g.Key, StartsAt = g.Max(h => h.StartsAt) })
                .ToDictionaryAsync(l => l.PersonId, l => l.StartsAt, cancellationToken);
            var kept = await db.LatestSupervisions.Where(l => chunk.Contains(l.PersonId)).ToDictionaryAsync(l => l.PersonId, cancellationToken);
            foreach (var personId in chunk)
            {
                if (latest.TryGetValue(personId, out var startsAt))
                {
                    if (kept.TryGetValue(personId, out var row))
                    {
                        row.StartsAt = startsAt;
                    }
                    else
                    {
                        db.LatestSupervisions.Add(new LatestSupervision { PersonId = personId, StartsAt = startsAt });
                    }
                }
                else if (kept.TryGetValue(personId, out var row))
                {
                    db.LatestSupervisions.Remove(row);
                }
            }
            await save(cancellationToken);
        }
    }

    private static bool Changed(EntityEntry entry, params string[] properties) => properties.Any(p => entry.Property(p).IsModified);
}
