namespace TrainingHub.Competencies.Contracts;

/// <summary>One level of a competency's proficiency scale, lowest first from rank 0.</summary>
public sealed record CompetencyLevelName(int Rank, string Name, string? NameEn);

/// <summary>A competency of a published framework version, for mapping other things (such as courses) to it.</summary>
/// <param name="LineageId">Stays the same across versions of the framework; use it to refer to the competency.</param>
public sealed record PublishedCompetency(
    Guid LineageId, string FrameworkCode, string FrameworkName, string? FrameworkNameEn, string Code, string Name, string? NameEn,
    IReadOnlyList<CompetencyLevelName> Levels);

/// <summary>The competencies of published frameworks. It checks no permission: frameworks are shared by every unit.</summary>
public interface ICompetencyDirectory
{
    /// <summary>Every competency of every published framework version, by framework code and then competency code.</summary>
    Task<IReadOnlyList<PublishedCompetency>> ListPublishedCompetenciesAsync(CancellationToken cancellationToken = default);
}
