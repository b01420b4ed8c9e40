using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies.Services;

/// <summary>The level one position requires in each competency of a version; competencies without one are not required.</summary>
internal sealed record RoleProfile(Guid VersionId, Guid PositionTypeId, IReadOnlyDictionary<Guid, int> RequiredRanks);

/// <summary>
/// Role profiles on behalf of the current user: what each position type requires in a framework version. Anyone who
/// may browse frameworks reads them; setting them needs <see cref="CompetencyPermissions.FrameworksEdit"/>. Profiles
/// are set on drafts and published versions; an archived version keeps the profile it had.
/// </summary>
internal sealed class RoleProfiles(IDbContextFactory<CompetenciesDbContext> dbFactory, IAccessControl access, IPositionTypes positionTypes)
{
    public bool CanEdit => access.HasPermission(CompetencyPermissions.FrameworksEdit);

    public async Task<Result<IReadOnlyList<PositionTypeInfo>>> PositionTypesAsync(CancellationToken cancellationToken = default) =>
        access.HasPermission(CompetencyPermissions.FrameworksView)
            ? Result<IReadOnlyList<PositionTypeInfo>>.Success(await positionTypes.ListAsync(cancellationToken))
            : Error.Forbidden;

    public async Task<Result<RoleProfile>> GetAsync(Guid versionId, Guid positionTypeId, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(CompetencyPermissions.FrameworksView))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var version = await db.FrameworkVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null || (version.Status == FrameworkStatus.Draft && !CanEdit))
        {
            return Error.NotFound;
        }
        var ranks = await db.RoleRequirements.AsNoTracking()
            .Where(r => r.FrameworkVersionId == versionId && r.PositionTypeId == positionTypeId)
            .ToDictionaryAsync(r => r.NodeId, r => r.LevelRank, cancellationToken);
        return new RoleProfile(versionId, positionTypeId, ranks);
    }

    /// <summary>Sets the level a position requires in a competency, or stops requiring it when the rank is null.</summary>
    public async Task<Result> SetAsync(Guid positionTypeId, Guid competencyId, int? rank, CancellationToken cancellationToken = default)
    {
        if (!CanEdit)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await ScaledCompetency.FindAsync(db, competencyId, cancellationToken) is not { } target)
        {
            return Error.NotFound;
        }
        if (!target.IsCompetency)
        {
            return Error.Rule("Error:ProfileNeedsCompetency");
        }
        if (target.Status == FrameworkStatus.Archived)
        {
            return Error.Rule("Error:VersionArchived");
        }
        if (!(await positionTypes.ListAsync(cancellationToken)).Any(t => t.Id == positionTypeId))
        {
            return Error.NotFound;
        }
        var node = target.Node;
        if (rank is { } r && !target.HasLevel(r))
        {
            return Error.Validation("Level", "Error:LevelNotInScale");
        }
        var existing = await db.RoleRequirements.SingleOrDefaultAsync(
            x => x.FrameworkVersionId == node.FrameworkVersionId && x.PositionTypeId == positionTypeId && x.NodeId == competencyId, cancellationToken);
        switch (existing, rank)
        {
            case (null, null):
                return Result.Success();
            case (null, { } newRank):
                db.RoleRequirements.Add(new RoleRequirement
                {
                    FrameworkVersionId = node.FrameworkVersionId, PositionTypeId = positionTypeId, NodeId = competencyId, LevelRank = newRank,
                });
                break;
            case ({ } found, null):
                db.RoleRequirements.Remove(found);
                break;
            case ({ } found, { } newRank):
                found.LevelRank = newRank;
                break;
        }
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }
}
