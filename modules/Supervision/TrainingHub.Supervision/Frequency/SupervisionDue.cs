using Microsoft.EntityFrameworkCore;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Frequency;

/// <summary>When a supervisee's next supervision is due, from when they were first supervised and their last meeting.</summary>
internal sealed record SupervisionDueDate(DateOnly? LastMeeting, DateOnly NextDue, bool Overdue);

internal static class SupervisionDue
{
    /// <summary>
    /// For each person, by the default policy: supervised since the start of their first supervisor assignment, and last
    /// met at the latest individual or group supervision whose log both have signed.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, SupervisionDueDate>> ForAsync(
        SupervisionDbContext db, IReadOnlyCollection<Guid> personIds, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var since = await db.Assignments.AsNoTracking()
            .Where(a => personIds.Contains(a.PersonId) && a.Role == AssignmentRole.Supervisor)
            .GroupBy(a => a.PersonId)
            .Select(g => new { PersonId = g.Key, Since = g.Min(a => a.StartsOn) })
            .ToDictionaryAsync(x => x.PersonId, x => x.Since, cancellationToken);
        // A meeting counts once its log is signed by both: until then nobody has confirmed it took place as supervision.
        var held = await db.Logs.AsNoTracking()
            .Where(l => personIds.Contains(l.PersonId) && l.LeaderSignedAt != null && l.PersonSignedAt != null)
            .Join(db.Sessions.Where(s => s.Status == SessionStatus.Scheduled && (s.Kind == SessionKind.Individual || s.Kind == SessionKind.Group) && s.StartsAt <= now),
                l => l.SessionId, s => s.Id, (l, s) => new { l.PersonId, s.StartsAt })
            .ToListAsync(cancellationToken);
        var last = held.GroupBy(h => h.PersonId).ToDictionary(g => g.Key, g => KyivTime.ToKyiv(g.Max(h => h.StartsAt)));
        var policy = FrequencyPolicy.NewlyQualified;
        return since.ToDictionary(s => s.Key, s =>
        {
            DateOnly? lastMeeting = last.TryGetValue(s.Key, out var met) ? DateOnly.FromDateTime(met) : null;
            var due = policy.NextDue(s.Value, lastMeeting);
            return new SupervisionDueDate(lastMeeting, due, due < today);
        });
    }
}
