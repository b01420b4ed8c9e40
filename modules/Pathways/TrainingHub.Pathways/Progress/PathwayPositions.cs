using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;

namespace TrainingHub.Pathways.Progress;

/// <summary>The position type a person's pathway gives them now, for the accounts module.</summary>
internal sealed class PathwayPositions(IDbContextFactory<PathwaysDbContext> dbFactory) : IPathwayPositions
{
    public async Task<string?> CurrentPositionCodeAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var placement = await db.Placements.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        if (placement is null)
        {
            return null;
        }
        return await db.Stages.AsNoTracking()
            .Where(s => s.TemplateId == placement.TemplateId && s.Position <= placement.Stage && s.PositionTypeCode != null)
            .OrderByDescending(s => s.Position)
            .Select(s => s.PositionTypeCode)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
