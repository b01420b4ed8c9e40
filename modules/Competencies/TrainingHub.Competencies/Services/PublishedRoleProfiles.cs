using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;

namespace TrainingHub.Competencies.Services;

/// <summary>The role profiles of published framework versions, for other modules.</summary>
internal sealed class PublishedRoleProfiles(IDbContextFactory<CompetenciesDbContext> dbFactory) : IRoleProfileDirectory
{
    public async Task<IReadOnlyList<RequiredCompetency>> ForPositionAsync(Guid positionTypeId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var required = await (
                from requirement in db.RoleRequirements
                join node in db.Nodes on requirement.NodeId equals node.Id
                join version in db.FrameworkVersions on requirement.FrameworkVersionId equals version.Id
                join framework in db.Frameworks on version.FrameworkId equals framework.Id
                where requirement.PositionTypeId == positionTypeId && version.Status == FrameworkStatus.Published
                select new { framework.Code, VersionId = version.Id, NodeCode = node.Code, node.Name, node.NameEn, requirement.LevelRank })
            .AsNoTracking().ToListAsync(cancellationToken);
        var versionIds = required.Select(r => r.VersionId).Distinct().ToList();
        // A level's rank is its position in the scale, as in the competency directory.
        var scales = (await db.ProficiencyLevels.AsNoTracking().Where(l => versionIds.Contains(l.FrameworkVersionId)).ToListAsync(cancellationToken))
            .GroupBy(l => l.FrameworkVersionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(l => l.Rank).Select((l, rank) => new CompetencyLevelName(rank, l.Name, l.NameEn)).ToList());
        return required
            .OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.NodeCode, StringComparer.Ordinal)
            .Select(r => new RequiredCompetency(
                r.Code, r.NodeCode, r.Name, r.NameEn,
                scales.GetValueOrDefault(r.VersionId)?.ElementAtOrDefault(r.LevelRank) ?? new CompetencyLevelName(r.LevelRank, r.LevelRank.ToString(), null)))
            .ToList();
    }
}
