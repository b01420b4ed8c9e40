namespace TrainingHub.Competencies.Contracts;

/// <summary>
/// The level that counts for a person in one competency: the latest assessor rating, named by the competency's code in
/// the newest published version of its framework.
/// </summary>
/// <param name="LevelRank">A rank of the competency's scale, from 0.</param>
public sealed record CountedCompetencyLevel(Guid LineageId, string FrameworkCode, string Code, int LevelRank, DateTimeOffset RatedAt);

/// <summary>
/// People's counted competency levels, for modules that set requirements on them (pathways). It checks no permission:
/// it answers facts, and the calling module decides who may see them.
/// </summary>
public interface ICompetencyLevels
{
    /// <summary>The person's counted level in every competency of a published framework they have been rated in.</summary>
    Task<IReadOnlyList<CountedCompetencyLevel>> CountedLevelsAsync(Guid personId, CancellationToken cancellationToken = default);
}
