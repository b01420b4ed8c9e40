using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Frequency;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Coverage;

/// <summary>
/// Supervision coverage of many people for planning views. A frequency applies to whoever has a supervisor on the day
/// asked about; they are covered when they took part in a supervision whose log both signed (as
/// <see cref="SupervisionDue.Held"/> counts them) on or before that day, and the next one is not yet overdue by the
/// policy that applies to them (<see cref="FrequencyPolicies"/>, <see cref="FrequencyPolicy.IsOverdue"/>). Someone never
/// supervised is not covered, even before their first supervision falls due (the coverage report counts them within
/// policy until then), nor is someone whose last supervision is older than any policy's longest interval.
/// </summary>
internal sealed class PlanningCoverage(IDbContextFactory<SupervisionDbContext> dbFactory, IPeopleSelection people, FrequencyPolicies policies)
    : ISupervisionCoverage
{
    /// <summary>People looked up in Accounts per query, well within what either database takes as one list.</summary>
    private const int Chunk = 2_000;

    public async Task<IReadOnlyDictionary<Guid, bool>> CoverageAsync(
        IReadOnlyCollection<Guid> personIds, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        if (personIds.Count == 0)
        {
            return new Dictionary<Guid, bool>();
        }
        var asked = personIds.ToHashSet();
        await using var db = dbFactory.CreateDbContext();
        // Everyone's figures, narrowed to those asked about here: a country's people are far more than one query may
        // list, and these are one row per supervisee.
        var supervisedSince = (await db.Assignments.AsNoTracking()
                .Where(a => a.Role == AssignmentRole.Supervisor && a.StartsOn <= asOf)
                .GroupBy(a => a.PersonId)
                .Select(g => new
                {
                    PersonId = g.Key,
                    Since = g.Min(a => a.StartsOn),
                    Current = g.Max(a => a.EndsOn == null || a.EndsOn >= asOf ? 1 : 0),
                })
                .ToListAsync(cancellationToken))
            .Where(s => s.Current == 1 && asked.Contains(s.PersonId))
            .ToDictionary(s => s.PersonId, s => s.Since);
        if (supervisedSince.Count == 0)
        {
            return new Dictionary<Guid, bool>();
        }
        // Meetings count until the end of the day asked about, Kyiv time, and from the earliest day whose meeting the
        // longest interval a policy may have still reaches it: older ones cover nobody, and years of them need not be read.
        var until = KyivTime.FromKyiv(asOf.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUniversalTime();
        var earliest = new[] { asOf.AddMonths(-FrequencyRules.MaxMonths), asOf.AddDays(-FrequencyRules.MaxDays) }.Min().AddDays(-1);
        var from = KyivTime.FromKyiv(earliest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Each supervisee's latest supervision as kept (one row each), rather than grouping every signed log of the country.
        // It is their last meeting by the day asked about unless it came later (a day in the past, a meeting moved ahead):
        // those few are looked up in their logs.
        var lastMet = new Dictionary<Guid, DateOnly>();
        var later = new List<Guid>();
        var since = from.ToUniversalTime();
        foreach (var latest in await db.LatestSupervisions.AsNoTracking().Where(l => l.StartsAt >= since).ToListAsync(cancellationToken))
        {
            if (!supervisedSince.ContainsKey(latest.PersonId))
            {
                continue;
            }
            if (latest.StartsAt > until)
            {
                later.Add(latest.PersonId);
            }
            else
            {
                lastMet[latest.PersonId] = DateOnly.FromDateTime(KyivTime.ToKyiv(latest.StartsAt));
            }
        }
        foreach (var chunk in later.Chunk(Chunk))
        {
            foreach (var last in await SupervisionDue.Held(db, from, until).Where(h => chunk.Contains(h.PersonId))
                         .GroupBy(h => h.PersonId)
                         .Select(g => new { PersonId = g.Key, Last = g.Max(h => h.StartsAt) })
                         .ToListAsync(cancellationToken))
            {
                lastMet[last.PersonId] = DateOnly.FromDateTime(KyivTime.ToKyiv(last.Last));
            }
        }
        var found = new List<SelectedPerson>(supervisedSince.Count);
        foreach (var chunk in supervisedSince.Keys.Chunk(Chunk))
        {
            found.AddRange(await people.FindAsync(new PeopleCriteria(PersonIds: chunk), cancellationToken));
        }
        var policyOf = await policies.ForAsync(db, found, cancellationToken);
        return supervisedSince.ToDictionary(s => s.Key, s => lastMet.TryGetValue(s.Key, out var last)
            && !policyOf.GetValueOrDefault(s.Key, FrequencyPolicy.NewlyQualified).IsOverdue(s.Value, last, asOf));
    }
}
