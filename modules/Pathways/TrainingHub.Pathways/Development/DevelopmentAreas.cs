using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Qualifications;

namespace TrainingHub.Pathways.Development;

/// <summary>A competency area (see <see cref="AreaRequirement"/>) with its code and name in both languages.</summary>
internal sealed record CompetencyArea(Guid Id, string Code, string NameUk, string NameEn)
{
    public string Name(bool english) => english ? NameEn : NameUk;

    public string Label(bool english) => $"{Code} {Name(english)}";
}

/// <summary>How far a year is in one competency area its position asks hours in.</summary>
internal sealed record AreaProgress(CompetencyArea Area, int RequiredHours, decimal Hours)
{
    public bool Met => Hours >= RequiredHours;

    public int Percent => (int)Math.Min(100, Math.Floor(Hours * 100 / RequiredHours));
}

/// <summary>
/// The competency areas a position's professional development may be asked in, and what a year's lines count in each:
/// a line counts its hours in every area it names (a course in each competency it maps to, a training elsewhere in the
/// area its person chose).
/// </summary>
internal sealed class DevelopmentAreas(IDbContextFactory<PathwaysDbContext> dbFactory, ICompetencyDirectory competencies)
{
    /// <summary>
    /// The competencies of published frameworks, by framework and code. An area whose framework is no longer published
    /// has no name to show, so it is left out until a version is published again (its lineage id stays the same).
    /// </summary>
    public async Task<IReadOnlyList<CompetencyArea>> ListAsync(CancellationToken cancellationToken = default) =>
        (await competencies.ListPublishedCompetenciesAsync(cancellationToken))
            .DistinctBy(c => c.LineageId)
            .Select(c => new CompetencyArea(c.LineageId, c.Code, c.Name, c.NameEn ?? c.Name))
            .ToList();

    /// <summary>What the position asks in each area, with the hours <paramref name="lines"/> bring there, by the area's code.</summary>
    public async Task<IReadOnlyList<AreaProgress>> ProgressAsync(Guid? positionTypeId, IReadOnlyList<DevelopmentLine> lines, CancellationToken cancellationToken)
    {
        if (positionTypeId is not { } position)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var asked = await db.Qualifications.AsNoTracking().Where(q => q.PositionTypeId == position).SelectMany(q => q.Areas).ToListAsync(cancellationToken);
        return asked.Count == 0 ? [] : Count(asked, lines, await ListAsync(cancellationToken));
    }

    public static IReadOnlyList<AreaProgress> Count(IReadOnlyList<AreaRequirement> asked, IReadOnlyList<DevelopmentLine> lines, IReadOnlyList<CompetencyArea> areas)
    {
        var named = areas.ToDictionary(a => a.Id);
        return asked.Where(a => named.ContainsKey(a.AreaId))
            .Select(a => new AreaProgress(named[a.AreaId], a.Hours, lines.Where(l => l.AreaIds.Contains(a.AreaId)).Sum(l => l.Hours)))
            .OrderBy(p => p.Area.Code, StringComparer.Ordinal)
            .ToList();
    }
}
