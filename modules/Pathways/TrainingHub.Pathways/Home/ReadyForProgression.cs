using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Progression;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways.Home;

/// <summary>Someone in the coordinator's area who meets all their next stage asks and has not asked yet.</summary>
internal sealed record ReadyPerson(Guid PersonId, string Name, string NextStage, DateOnly StageSince);

/// <summary>A certificate of someone in the coordinator's area that expires soon.</summary>
internal sealed record ExpiringSoon(Guid PersonId, string Name, string StageName, DateOnly ValidUntil);

/// <summary>What waits for a coordinator: requests to decide (how many, the oldest first), people ready to ask, certificates expiring.</summary>
internal sealed record ProgressionDesk(
    int Waiting, IReadOnlyList<PendingRequest> Requests, IReadOnlyList<ReadyPerson> Ready, int Expiring, IReadOnlyList<ExpiringSoon> Certificates)
{
    public bool IsEmpty => Waiting == 0 && Ready.Count == 0 && Expiring == 0;
}

/// <summary>
/// For a coordinator's home page, in their area only: the requests waiting for their decision (with
/// <see cref="PathwaysPermissions.ProgressionApprove"/>), and, over the people whose pathway they may follow
/// (<see cref="PathwaysPermissions.ProgressView"/>), those ready for their next stage who have not asked, and the
/// certificates expiring within <see cref="ExpiringWithinDays"/> days. Readiness is judged live person by person, so only
/// the <see cref="Judged"/> people longest in their stage are judged: they are the likeliest to be ready, and the home
/// page stays quick however large the area.
/// </summary>
internal sealed class ReadyForProgression(
    IDbContextFactory<PathwaysDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IPeopleLookup people, PersonFactsSource facts,
    Progressions progressions)
{
    public const int Shown = 5;
    public const int Judged = 20;
    public const int ExpiringWithinDays = 60;

    public async Task<ProgressionDesk> GetAsync(CancellationToken cancellationToken = default)
    {
        var (waiting, requests) = (0, (IReadOnlyList<PendingRequest>)[]);
        if (access.HasPermission(PathwaysPermissions.ProgressionApprove)
            && await progressions.PendingAsync(new PageRequest(0, Shown), cancellationToken) is { Succeeded: true } pending)
        {
            (waiting, requests) = (pending.Value.TotalCount, pending.Value.Items);
        }
        var scope = access.GetScope(PathwaysPermissions.ProgressView);
        if (scope.IsEmpty)
        {
            return new ProgressionDesk(waiting, requests, [], 0, []);
        }
        var unitIds = scope.IsEverywhere ? null : (await units.GetUnitsInAsync(scope, cancellationToken)).Select(u => u.Id).ToList();
        await using var db = dbFactory.CreateDbContext();
        var ready = await ReadyAsync(db, unitIds, cancellationToken);
        var (expiring, certificates) = await ExpiringAsync(db, unitIds, cancellationToken);
        return new ProgressionDesk(waiting, requests, ready, expiring, certificates);
    }

    /// <summary>Of the people longest in a stage that has one after it, with no request waiting, those who meet all it asks.</summary>
    private async Task<List<ReadyPerson>> ReadyAsync(PathwaysDbContext db, List<Guid>? unitIds, CancellationToken cancellationToken)
    {
        var query = db.Placements.AsNoTracking()
            .Where(p => db.Stages.Any(s => s.TemplateId == p.TemplateId && s.Position == p.Stage + 1))
            .Where(p => !db.Requests.Any(r => r.PlacementId == p.Id && r.Status == RequestStatus.Pending));
        if (unitIds is not null)
        {
            query = query.Where(p => p.UnitId != null && unitIds.Contains(p.UnitId.Value));
        }
        var candidates = await query.OrderBy(p => p.StageSince).Take(Judged).Include(p => p.SignOffs).ToListAsync(cancellationToken);
        var templateIds = candidates.Select(p => p.TemplateId).Distinct().ToList();
        var stages = await db.Stages.AsNoTracking().Where(s => templateIds.Contains(s.TemplateId)).ToListAsync(cancellationToken);
        var ready = new List<(Placement Placement, string NextStage)>();
        foreach (var placement in candidates)
        {
            var next = stages.Single(s => s.TemplateId == placement.TemplateId && s.Position == placement.Stage + 1);
            if (RequirementEvaluation.Evaluate(next.Requirements, await facts.ForAsync(placement, next.Requirements, cancellationToken)).Met)
            {
                ready.Add((placement, next.Name));
                if (ready.Count == Shown)
                {
                    break;
                }
            }
        }
        var names = (await people.FindManyAsync(ready.Select(r => r.Placement.PersonId).ToList(), cancellationToken)).ToDictionary(p => p.Id, p => p.FullName);
        return ready.Where(r => names.ContainsKey(r.Placement.PersonId))
            .Select(r => new ReadyPerson(r.Placement.PersonId, names[r.Placement.PersonId], r.NextStage, r.Placement.StageSince))
            .ToList();
    }

    /// <summary>Valid certificates, not yet renewed, that expire within the days: how many, and the soonest.</summary>
    private async Task<(int Count, List<ExpiringSoon> Soonest)> ExpiringAsync(PathwaysDbContext db, List<Guid>? unitIds, CancellationToken cancellationToken)
    {
        var today = facts.Today;
        var by = today.AddDays(ExpiringWithinDays);
        var query = db.Certificates.AsNoTracking()
            .Where(c => c.RevokedAt == null && c.RenewedWithId == null && c.ValidUntil != null && c.ValidUntil >= today && c.ValidUntil <= by);
        if (unitIds is not null)
        {
            query = query.Where(c => c.UnitId != null && unitIds.Contains(c.UnitId.Value));
        }
        var count = await query.CountAsync(cancellationToken);
        var soonest = count == 0 ? [] : await query.OrderBy(c => c.ValidUntil).Take(Shown).ToListAsync(cancellationToken);
        var names = soonest.Count == 0 ? new Dictionary<Guid, string>()
            : (await people.FindManyAsync(soonest.Select(c => c.PersonId).Distinct().ToList(), cancellationToken)).ToDictionary(p => p.Id, p => p.FullName);
        return (count, soonest.Select(c => new ExpiringSoon(c.PersonId, names.GetValueOrDefault(c.PersonId) ?? c.PersonName, c.StageName, c.ValidUntil!.Value)).ToList());
    }
}
