using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// People's counted levels for other modules (pathways), each named by its competency's code in the newest published
/// version of its framework, so a requirement set on a code keeps meaning the same competency across versions.
/// Competencies no published framework holds any more are left out.
/// </summary>
internal sealed class CountedCompetencyLevels(IDbContextFactory<CompetenciesDbContext> dbFactory) : ICompetencyLevels
{
    public async Task<IReadOnlyList<CountedCompetencyLevel>> CountedLevelsAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var counted = await db.CountedLevels.AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken);
        if (counted.Count == 0)
        {
            return [];
        }
        var lineageIds = counted.Select(c => c.LineageId).ToList();
        var named = (await (
                    from node in db.Nodes
                    join version in db.FrameworkVersions on node.FrameworkVersionId equals version.Id
                    join framework in db.Frameworks on version.FrameworkId equals framework.Id
                    where node.Kind == NodeKind.Competency && version.Status == FrameworkStatus.Published && lineageIds.Contains(node.LineageId)
                    select new { node.LineageId, FrameworkCode = framework.Code, node.Code, version.Number })
                .AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(n => n.LineageId)
            .ToDictionary(g => g.Key, g => g.MaxBy(n => n.Number)!);
        return counted
            .Where(c => named.ContainsKey(c.LineageId))
            .Select(c => new CountedCompetencyLevel(c.LineageId, named[c.LineageId].FrameworkCode, named[c.LineageId].Code, c.LevelRank, c.RatedAt))
            .OrderBy(c => c.FrameworkCode, StringComparer.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
    }
}
