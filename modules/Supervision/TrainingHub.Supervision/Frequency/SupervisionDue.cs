using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Frequency;

/// <summary>When a supervisee's next supervision is due, from when they were first supervised and their last meeting.</summary>
internal sealed record SupervisionDueDate(DateOnly? LastMeeting, DateOnly NextDue, bool Overdue);

/// <summary>A supervision a person was supervised at, and when it began.</summary>
/// <remarks>Set by initialiser rather than constructor, so that queries can go on from it (each person's latest, say).</remarks>
internal sealed record HeldSupervision
{
    public required Guid PersonId { get; init; }

    public required DateTimeOffset StartsAt { get; init; }
}

/// <summary>When each supervisee's next supervision is due, by the frequency policy that applies to them.</summary>
internal sealed class SupervisionDue(IPeopleSelection people, FrequencyPolicies policies)
{
    /// <summary>People listed per query, well within what either database takes as one list.</summary>
    public const int Chunk = 2_000;

    /// <summary>
    /// For each person with a supervisor assignment: supervised since the start of their first one, and last met at the
    /// latest individual or group supervision whose log both have signed.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, SupervisionDueDate>> ForAsync(
        SupervisionDbContext db, IReadOnlyCollection<Guid> personIds, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        if (personIds.Count == 0)
        {
            return new Dictionary<Guid, SupervisionDueDate>();
        }
        // In lists of Chunk ids: a country's supervisees are far more than one query may list (SQLite takes 32,766 parameters).
        var since = new Dictionary<Guid, DateOnly>();
        var last = new Dictionary<Guid, DateTimeOffset>();
        var found = new List<SelectedPerson>();
        foreach (var chunk in personIds.Distinct().Chunk(Chunk))
        {
            var sinceHere = await db.Assignments.AsNoTracking()
                .Where(a => chunk.Contains(a.PersonId) && a.Role == AssignmentRole.Supervisor)
                .GroupBy(a => a.PersonId)
                .Select(g => new { PersonId = g.Key, Since = g.Min(a => a.StartsOn) })
                .ToListAsync(cancellationToken);
            foreach (var s in sinceHere)
            {
                since[s.PersonId] = s.Since;
            }
            foreach (var h in await HeldAsync(db, chunk, null, now, cancellationToken))
            {
                if (!last.TryGetValue(h.PersonId, out var latest) || h.StartsAt > latest)
                {
                    last[h.PersonId] = h.StartsAt;
                }
            }
            if (sinceHere.Count > 0)
            {
                found.AddRange(await people.FindAsync(new PeopleCriteria(PersonIds: [.. sinceHere.Select(s => s.PersonId)]), cancellationToken));
            }
        }
        var policyOf = await policies.ForAsync(db, found, cancellationToken);
        return since.ToDictionary(s => s.Key, s =>
        {
            DateOnly? lastMeeting = last.TryGetValue(s.Key, out var met) ? DateOnly.FromDateTime(KyivTime.ToKyiv(met)) : null;
            var due = policyOf.GetValueOrDefault(s.Key, FrequencyPolicy.NewlyQualified).NextDue(s.Value, lastMeeting);
            return new SupervisionDueDate(lastMeeting, due, due < today);
        });
    }

    /// <summary>
    /// The supervisions the people were supervised at, from <paramref name="from"/> (or ever) until <paramref name="until"/>:
    /// individual or group meetings they took part in as the supervisee whose log both have signed.
    /// </summary>
    public static async Task<IReadOnlyList<HeldSupervision>> HeldAsync(
        SupervisionDbContext db, IReadOnlyCollection<Guid> personIds, DateTimeOffset? from, DateTimeOffset until, CancellationToken cancellationToken) =>
        await Held(db, from, until).Where(h => personIds.Contains(h.PersonId)).ToListAsync(cancellationToken);

    /// <summary>
    /// Everyone's supervisions as <see cref="HeldAsync"/> counts them (from and until null: whenever), as a query to
    /// narrow or reduce further (each person's latest, kept as <see cref="LatestSupervision"/>).
    /// </summary>
    public static IQueryable<HeldSupervision> Held(SupervisionDbContext db, DateTimeOffset? from, DateTimeOffset? until)
    {
        var supervisions = db.Sessions.Where(s => s.Status == SessionStatus.Scheduled && (s.Kind == SessionKind.Individual || s.Kind == SessionKind.Group));
        if (until?.ToUniversalTime() is { } end)
        {
            supervisions = supervisions.Where(s => s.StartsAt <= end);
        }
        if (from?.ToUniversalTime() is { } start)
        {
            supervisions = supervisions.Where(s => s.StartsAt >= start);
        }
        // A meeting counts once its log is signed by both: until then nobody has confirmed it took place as supervision.
        return db.Logs.AsNoTracking()
            .Where(l => l.LeaderSignedAt != null && l.PersonSignedAt != null)
            .Join(supervisions, l => l.SessionId, s => s.Id, (l, s) => new HeldSupervision { PersonId = l.PersonId, StartsAt = s.StartsAt });
    }
}
