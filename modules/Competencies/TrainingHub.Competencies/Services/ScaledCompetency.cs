using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// A node with what a rating, a profile requirement or a piece of evidence is checked against: whether it is a
/// competency, the status of its version and the size of that version's scale.
/// </summary>
internal sealed record ScaledCompetency(CompetencyNode Node, FrameworkStatus Status, int LevelCount)
{
    public bool IsCompetency => Node.Kind == NodeKind.Competency;

    public bool HasLevel(int rank) => rank >= 0 && rank < LevelCount;

    public static async Task<ScaledCompetency?> FindAsync(CompetenciesDbContext db, Guid nodeId, CancellationToken cancellationToken) =>
        await (
                from node in db.Nodes.AsNoTracking()
                join version in db.FrameworkVersions on node.FrameworkVersionId equals version.Id
                where node.Id == nodeId
                select new ScaledCompetency(node, version.Status, db.ProficiencyLevels.Count(l => l.FrameworkVersionId == version.Id)))
            .SingleOrDefaultAsync(cancellationToken);
}
