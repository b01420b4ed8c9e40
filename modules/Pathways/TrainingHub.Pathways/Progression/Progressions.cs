using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Requirements;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Pathways.Progression;

/// <summary>
/// Asking to move on to the next stage (the person, or their supervisor, once everything is met) and deciding on it
/// (a coordinator over the person's home unit): approval moves the person on and is told to the other modules.
/// </summary>
internal sealed class Progressions(
    IDbContextFactory<PathwaysDbContext> dbFactory, ProgressAccess progressAccess, IAccessControl access, IPeopleLookup people,
    ISupervisionAssignments assignments, IOrganisationDirectory units, PersonFactsSource facts, TimeProvider clock)
{
    public const string Link = "/pathways/requests";

    /// <summary>The person themself or their current supervisor may ask.</summary>
    public async Task<bool> MayRequestAsync(Guid personId, CancellationToken cancellationToken) =>
        progressAccess.Me is { } me
        && (me == personId ? access.HasPermission(PathwaysPermissions.Own) : (await assignments.CurrentAsync(personId, cancellationToken)).SupervisorId == me);

    public async Task<Result<Guid>> RequestAsync(Guid personId, string? note, CancellationToken cancellationToken = default)
    {
        if (progressAccess.Me is not { } me || !await MayRequestAsync(personId, cancellationToken))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var (placement, stages, met) = await LoadAsync(db, personId, cancellationToken);
        if (placement is null)
        {
            return Error.NotFound;
        }
        if (await db.Requests.AnyAsync(r => r.PlacementId == placement.Id && r.Status == RequestStatus.Pending, cancellationToken))
        {
            return Error.Rule("Progression:Error:AlreadyPending");
        }
        var asked = ProgressionRequest.Ask(placement, stages.Count, met, note, me, clock.GetUtcNow());
        if (!asked.Succeeded)
        {
            return asked.Error!;
        }
        db.Requests.Add(asked.Value);
        db.Publish(new ProgressionRequested(asked.Value.Id, personId, placement.UnitId, me), clock.GetUtcNow());
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : asked.Value.Id;
    }

    /// <summary>The latest request towards the person's next stage, if any; for their progress page.</summary>
    public async Task<RequestState?> LatestAsync(Guid placementId, int toStage, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var requests = await db.Requests.AsNoTracking().Where(r => r.PlacementId == placementId && r.ToStage == toStage).ToListAsync(cancellationToken);
        return requests.OrderByDescending(r => r.RequestedAt).Select(r => new RequestState(r.Id, r.Status, r.RequestedAt, r.DecidedAt, r.Reason, r.Version)).FirstOrDefault();
    }

    /// <summary>Requests waiting for a decision about people in one's scope, oldest first, each judged again now.</summary>
    public async Task<Result<Page<PendingRequest>>> PendingAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(PathwaysPermissions.ProgressionApprove);
        if (scope.IsEmpty)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var query = db.Requests.AsNoTracking().Where(r => r.Status == RequestStatus.Pending);
        if (!scope.IsEverywhere)
        {
            var unitIds = (await units.GetUnitsInAsync(scope, cancellationToken)).Select(u => u.Id).ToList();
            query = query.Where(r => r.UnitId != null && unitIds.Contains(r.UnitId.Value));
        }
        var all = (await query.ToListAsync(cancellationToken)).OrderBy(r => r.RequestedAt).ToList();
        var shown = all.Skip(page.Skip).Take(page.Take).ToList();
        var names = (await people.FindManyAsync(shown.SelectMany(r => new[] { r.PersonId, r.RequestedById }).Distinct().ToList(), cancellationToken))
            .ToDictionary(p => p.Id, p => p.FullName);
        var items = new List<PendingRequest>();
        foreach (var request in shown)
        {
            var (placement, stages, met) = await LoadAsync(db, request.PersonId, cancellationToken);
            var from = stages.FirstOrDefault(s => s.Position == request.ToStage - 1)?.Name ?? "";
            var to = stages.FirstOrDefault(s => s.Position == request.ToStage)?.Name ?? "";
            items.Add(new PendingRequest(
                request.Id, request.PersonId, names.GetValueOrDefault(request.PersonId) ?? "?", from, to, request.RequestedAt,
                names.GetValueOrDefault(request.RequestedById) ?? "?", request.Note, met && placement?.Stage == request.ToStage - 1, request.Version));
        }
        return new Page<PendingRequest>(items, all.Count);
    }

    /// <summary>Approves: the person moves on to the stage today, and the other modules hear of it with the approval.</summary>
    public async Task<Result> ApproveAsync(Guid requestId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await DecidableAsync(db, requestId, version, cancellationToken) is not ({ } request, { } person) || progressAccess.Me is not { } me)
        {
            return Error.Forbidden;
        }
        if (request.Version != version)
        {
            return Error.Conflict;
        }
        var (placement, stages, met) = await LoadAsync(db, request.PersonId, cancellationToken, tracked: true);
        if (placement is null)
        {
            return Error.Rule("Progression:Error:StageMoved");
        }
        var now = clock.GetUtcNow();
        var approved = request.Approve(placement, met, me, now);
        if (!approved.Succeeded)
        {
            return approved;
        }
        var reached = placement.Advance(stages.Count, facts.Today, me);
        if (!reached.Succeeded)
        {
            return reached.Error!;
        }
        db.Entry(reached.Value).State = EntityState.Added;
        var certificate = await IssueAsync(db, placement, stages, person, now, cancellationToken);
        db.Publish(new StageReached(placement.PersonId, placement.Id, placement.Stage, placement.StageSince), now);
        db.Publish(new CertificateIssued(certificate.Id, person.Id, certificate.Number, certificate.ValidUntil), now);
        db.Publish(new ProgressionDecided(request.Id, request.PersonId, request.RequestedById, true), now);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    public async Task<Result> DeclineAsync(Guid requestId, string? reason, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await DecidableAsync(db, requestId, version, cancellationToken) is not ({ } request, _) || progressAccess.Me is not { } me)
        {
            return Error.Forbidden;
        }
        if (request.Version != version)
        {
            return Error.Conflict;
        }
        var declined = request.Decline(reason, me, clock.GetUtcNow());
        if (!declined.Succeeded)
        {
            return declined;
        }
        db.Publish(new ProgressionDecided(request.Id, request.PersonId, request.RequestedById, false), clock.GetUtcNow());
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    /// <summary>
    /// The request, tracked with its version checked on save, and its person, when the current user may decide on the
    /// person now.
    /// </summary>
    private async Task<(ProgressionRequest Request, PersonContact Person)?> DecidableAsync(
        PathwaysDbContext db, Guid requestId, Guid version, CancellationToken cancellationToken)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || await people.FindAsync(request.PersonId, cancellationToken) is not { } person
            || !await access.IsGrantedAsync(PathwaysPermissions.ProgressionApprove, person.HomeUnitId, cancellationToken))
        {
            return null;
        }
        db.Entry(request).Property(r => r.Version).OriginalValue = version;
        return (request, person);
    }

    /// <summary>The certificate of the stage just reached, issued by the person's home unit, saved with the approval.</summary>
    private async Task<Certificate> IssueAsync(
        PathwaysDbContext db, Placement placement, List<PathwayStage> stages, PersonContact person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var template = await db.Templates.AsNoTracking().FirstAsync(t => t.Id == placement.TemplateId, cancellationToken);
        var unit = placement.UnitId is { } unitId ? await units.FindAsync(unitId, cancellationToken) : null;
        var issuer = unit is null ? ("TrainingHub", "TrainingHub") : (unit.Name, unit.NameEn ?? unit.Name);
        var certificate = Certificate.Issue(
            placement, template, stages.Single(s => s.Position == placement.Stage), person.FullName, person.PreferredCulture, placement.UnitId, issuer,
            placement.StageSince, now);
        db.Certificates.Add(certificate);
        return certificate;
    }

    /// <summary>The person's placement with its template's stages, and whether the next stage's requirements are all met now.</summary>
    private async Task<(Placement? Placement, List<PathwayStage> Stages, bool Met)> LoadAsync(
        PathwaysDbContext db, Guid personId, CancellationToken cancellationToken, bool tracked = false)
    {
        var placements = tracked ? db.Placements : db.Placements.AsNoTracking();
        var placement = await placements.Include(p => p.SignOffs).FirstOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        if (placement is null)
        {
            return (null, [], false);
        }
        var stages = await db.Stages.AsNoTracking().Where(s => s.TemplateId == placement.TemplateId).OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var next = stages.FirstOrDefault(s => s.Position == placement.Stage + 1);
        var met = next is not null
            && RequirementEvaluation.Evaluate(next.Requirements, await facts.ForAsync(placement, next.Requirements, cancellationToken)).Met;
        return (placement, stages, met);
    }
}
