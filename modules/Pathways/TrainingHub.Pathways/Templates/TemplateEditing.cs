using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Progression;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways.Templates;

/// <summary>
/// Creating pathway templates and changing their stages, for those who hold <see cref="PathwaysPermissions.TemplatesEdit"/>
/// (templates are shared by every unit). Every change names the template's version as read: a change made meanwhile by
/// someone else is reported, never overwritten. The audit trail records each saved change.
/// </summary>
internal sealed class TemplateEditing(IDbContextFactory<PathwaysDbContext> dbFactory, IAccessControl access, TemplateChoices choices, TimeProvider clock)
{
    private bool CanEdit => access.HasPermission(PathwaysPermissions.TemplatesEdit);

    /// <summary>Creates a template without stages; its code, once free, is the answer.</summary>
    public async Task<Result<string>> CreateAsync(TemplateInput input, CancellationToken cancellationToken = default)
    {
        if (!CanEdit)
        {
            return Error.Forbidden;
        }
        if (!PathwayTemplate.Create(input, clock.GetUtcNow()).TryGetValue(out var template, out var error))
        {
            return error;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.Templates.AnyAsync(t => t.Code == template.Code, cancellationToken))
        {
            return Error.Validation(nameof(TemplateInput.Code), "Templates:Error:CodeTaken");
        }
        db.Templates.Add(template);
        return await db.SaveOrErrorAsync(cancellationToken) is { } saveError ? saveError : template.Code;
    }

    public Task<Result> RenameAsync(Guid templateId, Guid version, TemplateInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(templateId, version, (template, _) => Unnumbered(template.Rename(input)), cancellationToken);

    /// <summary>Adds a stage at a position (1 for the first), or at the end without one.</summary>
    public async Task<Result> AddStageAsync(Guid templateId, Guid version, StageInput input, int? at, CancellationToken cancellationToken = default)
    {
        var catalog = await StageCatalogAsync(input, cancellationToken);
        return await ChangeAsync(templateId, version, (template, use) => template.AddStage(input, at, catalog, use), cancellationToken);
    }

    public async Task<Result> EditStageAsync(Guid templateId, Guid version, Guid stageId, StageInput input, CancellationToken cancellationToken = default)
    {
        var catalog = await StageCatalogAsync(input, cancellationToken);
        return await ChangeAsync(templateId, version, (template, _) => Unnumbered(template.EditStage(stageId, input, catalog)), cancellationToken);
    }

    /// <summary>What the stage's fields are checked against; nothing is asked of the other modules for someone who may not edit.</summary>
    private async Task<StageCatalog> StageCatalogAsync(StageInput input, CancellationToken cancellationToken) =>
        CanEdit ? await choices.StageCatalogAsync(input.RenewalCourseId, cancellationToken) : new StageCatalog(new HashSet<string>(), new Dictionary<Guid, CourseReference>());

    /// <summary>Moves a stage one place earlier (<paramref name="by"/> −1) or later (+1).</summary>
    public Task<Result> MoveStageAsync(Guid templateId, Guid version, Guid stageId, int by, CancellationToken cancellationToken = default) =>
        ChangeAsync(templateId, version, (template, use) => template.MoveStage(stageId, by, use), cancellationToken);

    public Task<Result> RemoveStageAsync(Guid templateId, Guid version, Guid stageId, CancellationToken cancellationToken = default) =>
        ChangeAsync(templateId, version, (template, use) => template.RemoveStage(stageId, use), cancellationToken);

    public async Task<Result> SetRequirementsAsync(Guid templateId, Guid version, Guid stageId, Requirement requirements, CancellationToken cancellationToken = default)
    {
        if (!CanEdit)
        {
            return Error.Forbidden;
        }
        var catalog = await choices.CatalogForAsync(requirements, cancellationToken);
        return await ChangeAsync(templateId, version, (template, _) => Unnumbered(template.SetRequirements(stageId, requirements, catalog)), cancellationToken);
    }

    private static Result<StageRenumbering> Unnumbered(Result result) => result.Failed(out var error) ? error : StageRenumbering.None;

    /// <summary>
    /// Reads the template as of <paramref name="version"/> with who stands where on it, makes the change, renumbers the
    /// placements' records by the change's renumbering and saves it all at once.
    /// </summary>
    private async Task<Result> ChangeAsync(
        Guid templateId, Guid version, Func<PathwayTemplate, StageUse, Result<StageRenumbering>> change, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var template = await db.Templates.Include(t => t.Stages).FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        if (template is null)
        {
            return Error.NotFound;
        }
        if (template.Version != version)
        {
            return Error.Conflict;
        }
        var placements = db.Placements.Where(p => p.TemplateId == templateId);
        var use = new StageUse(
            await placements.GroupBy(p => p.Stage).Select(g => new { g.Key, People = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.People, cancellationToken),
            (await db.Requests.Where(r => r.Status == RequestStatus.Pending && placements.Any(p => p.Id == r.PlacementId))
                .Select(r => r.ToStage).Distinct().ToListAsync(cancellationToken)).ToHashSet());
        var stored = template.Stages.Select(s => s.Id).ToHashSet();
        if (!change(template, use).TryGetValue(out var renumbering, out var error))
        {
            return error;
        }
        // A stage's id is set as it is made, so the change tracker would take a new one for a stored one to update.
        foreach (var added in template.Stages.Where(s => !stored.Contains(s.Id)))
        {
            db.Entry(added).State = EntityState.Added;
        }
        // The stages are rows of their own: the template's version changes with any of them, so a concurrent change is caught.
        db.Entry(template).Property(t => t.Version).IsModified = true;
        if (renumbering.Any)
        {
            await RenumberAsync(db, templateId, renumbering, cancellationToken);
        }
        return await SaveAsync(db, cancellationToken) is { } saveError ? saveError : Result.Success();
    }

    /// <summary>Every placement on the template, and what hangs on it, comes to point at the same stage as before.</summary>
    private static async Task RenumberAsync(PathwaysDbContext db, Guid templateId, StageRenumbering renumbering, CancellationToken cancellationToken)
    {
        var placements = await db.Placements.Include(p => p.SignOffs).Include(p => p.Reached)
            .Where(p => p.TemplateId == templateId).AsSplitQuery().ToListAsync(cancellationToken);
        foreach (var placement in placements)
        {
            // The rules refuse to remove a stage anyone is on, so a placement always has a stage to go to.
            placement.Stage = renumbering.Map(placement.Stage) ?? throw new InvalidOperationException("A placement's stage was removed.");
            foreach (var signOff in placement.SignOffs.ToList())
            {
                if (renumbering.Map(signOff.Stage) is { } to)
                {
                    signOff.Stage = to;
                }
                else
                {
                    db.SignOffs.Remove(signOff);
                }
            }
            // The day a person reached a stage that is gone goes with it; a certificate issued for it keeps its own copy.
            foreach (var reached in placement.Reached.ToList())
            {
                if (renumbering.Map(reached.Stage) is { } to)
                {
                    reached.Stage = to;
                }
                else
                {
                    db.ReachedStages.Remove(reached);
                }
            }
        }
        // A certificate names its stage by position too, for its badge class and its renewal: it follows its stage. One of a
        // stage removed keeps its printed copy and is numbered below zero, so that no later stage takes its badge class.
        var code = await db.Templates.Where(t => t.Id == templateId).Select(t => t.Code).SingleAsync(cancellationToken);
        foreach (var certificate in await db.Certificates.Where(c => c.TemplateCode == code && c.Stage > 0).ToListAsync(cancellationToken))
        {
            certificate.Stage = renumbering.Map(certificate.Stage) ?? -certificate.Stage;
        }
        var requests = await db.Requests.Where(r => db.Placements.Any(p => p.Id == r.PlacementId && p.TemplateId == templateId)).ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            if (renumbering.Map(request.ToStage) is { } to)
            {
                request.ToStage = to;
            }
            else
            {
                // Only decided ones: the rules refuse to remove a stage a pending request asks for.
                db.Requests.Remove(request);
            }
        }
    }

    /// <summary>
    /// Saves. Where stage numbers change, each stage and sign-off whose number changes is first parked on the negative of
    /// its new number and then given it, in one transaction, so that the unique (template, position) and (placement, stage,
    /// role) indexes hold after every statement whatever order the database runs them in.
    /// </summary>
    private static async Task<Error?> SaveAsync(PathwaysDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var restore = new List<Action>();
        var stages = db.ChangeTracker.Entries<PathwayStage>().ToList();
        var renumbered = stages.Any(e => e.State == EntityState.Modified && e.Property(s => s.Position).IsModified);
        foreach (var entry in stages.Where(e => renumbered && e.State is EntityState.Added or EntityState.Modified))
        {
            var (stage, position) = (entry.Entity, entry.Entity.Position);
            stage.Position = -position;
            restore.Add(() => stage.Position = position);
        }
        foreach (var entry in db.ChangeTracker.Entries<StageSignOff>().Where(e => e.State == EntityState.Modified && e.Property(s => s.Stage).IsModified))
        {
            var (signOff, stage) = (entry.Entity, entry.Entity.Stage);
            signOff.Stage = -stage;
            restore.Add(() => signOff.Stage = stage);
        }
        if (restore.Count == 0)
        {
            return await db.SaveOrErrorAsync(cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.SaveOrErrorAsync(cancellationToken) is { } parked)
        {
            return parked;
        }
        restore.ForEach(r => r());
        if (await db.SaveOrErrorAsync(cancellationToken) is { } placed)
        {
            return placed;
        }
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
