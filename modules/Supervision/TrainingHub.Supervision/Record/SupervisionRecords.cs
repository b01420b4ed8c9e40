using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Frequency;
using TrainingHub.Supervision.Hours;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Record;

/// <summary>
/// A person's supervision record for other modules (pathways): approved hours by activity type, supervisions signed by
/// both sides and the latest mentoring brought to its end review by the mentor. Counts and dates only: no note leaves.
/// </summary>
internal sealed class SupervisionRecords(IDbContextFactory<SupervisionDbContext> dbFactory, ActivityTypeCatalogue activityTypes, TimeProvider clock)
    : ISupervisionRecord, ISupervisionFigures
{
    /// <summary>People asked about per query, well within what either database takes as one list.</summary>
    private const int Chunk = 10_000;

    public async Task<SupervisionRecord> ForAsync(Guid personId, DateOnly? since = null, DateOnly? until = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = DailyRuns.DayOf(now);
        await using var db = dbFactory.CreateDbContext();
        var from = since ?? DateOnly.MinValue;
        var to = until is { } last && last < today ? last : today;
        // Meetings count until the end of the last day (Kyiv), and never beyond now.
        var heldUntil = until is { } end && end < today ? KyivTime.FromKyiv(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUniversalTime() : now;
        // Summed here rather than in SQL: SQLite keeps decimals as text and cannot add them, and a person's entries are few.
        var approved = await db.HoursEntries.AsNoTracking()
            .Where(e => e.PersonId == personId && e.State == HoursState.Approved && e.Date >= from && e.Date <= (until ?? DateOnly.MaxValue))
            .Select(e => new { e.ActivityTypeId, e.Hours })
            .ToListAsync(cancellationToken);
        var order = (await activityTypes.ListAsync(cancellationToken)).Select((t, i) => (t.Id, i)).ToDictionary(t => t.Id, t => t.i);
        var hours = approved
            .GroupBy(e => e.ActivityTypeId)
            .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue))
            .Select(g => new ApprovedHours(g.Key, g.Sum(e => e.Hours)))
            .ToList();
        var supervisions = await SupervisionDue.HeldAsync(
            db, [personId], since is { } day ? KyivTime.FromKyiv(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null, heldUntil, cancellationToken);
        var mentoringEnded = await db.Assignments.AsNoTracking()
            .Where(a => a.PersonId == personId && a.Role == AssignmentRole.Mentor && a.EndsOn != null && a.EndsOn <= to && a.EndsOn >= from
                        && db.Reviews.Any(r => r.AssignmentId == a.Id && r.AuthorId == a.AssigneeId))
            .MaxAsync(a => a.EndsOn, cancellationToken);
        return new SupervisionRecord(hours, supervisions.Count, mentoringEnded);
    }

    public async Task<IReadOnlyDictionary<Guid, decimal>> ApprovedHoursAsync(
        IReadOnlyCollection<Guid> personIds, DateOnly since, DateOnly until, CancellationToken cancellationToken = default)
    {
        var totals = new Dictionary<Guid, decimal>();
        await using var db = dbFactory.CreateDbContext();
        foreach (var chunk in personIds.Distinct().Chunk(Chunk))
        {
            // Added up here: SQLite keeps decimals as text and cannot add them.
            var entries = await db.HoursEntries.AsNoTracking()
                .Where(e => chunk.Contains(e.PersonId) && e.State == HoursState.Approved && e.Date >= since && e.Date <= until)
                .Select(e => new { e.PersonId, e.Hours })
                .ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                totals[entry.PersonId] = totals.GetValueOrDefault(entry.PersonId) + entry.Hours;
            }
        }
        return totals;
    }

    public async Task<IReadOnlyList<ActivityTypeReference>> ActivityTypesAsync(CancellationToken cancellationToken = default) =>
        (await activityTypes.ListAsync(cancellationToken)).Select(t => new ActivityTypeReference(t.Id, t.NameUk, t.NameEn)).ToList();
}
