using TrainingHub.Competencies.Contracts;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Learning.Services;

/// <summary>A proficiency level of a competency's scale, by its rank from 0.</summary>
internal sealed record CompetencyLevelOption(int Rank, string NameUk, string NameEn)
{
    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;
}

/// <summary>A competency a course can be mapped to, from the published competency frameworks.</summary>
internal sealed record CompetencyOption(
    Guid LineageId, string FrameworkCode, string Code, string NameUk, string NameEn, IReadOnlyList<CompetencyLevelOption> Levels)
{
    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;
}

/// <summary>The competencies authors may map courses to; answered by the competencies module once it is connected.</summary>
internal interface ICompetencyOptions
{
    Task<IReadOnlyList<CompetencyOption>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>The competencies of published frameworks, from the competencies module.</summary>
internal sealed class PublishedCompetencyOptions(ICompetencyDirectory directory) : ICompetencyOptions
{
    public async Task<IReadOnlyList<CompetencyOption>> ListAsync(CancellationToken cancellationToken) =>
        (await directory.ListPublishedCompetenciesAsync(cancellationToken))
        .Select(c => new CompetencyOption(c.LineageId, c.FrameworkCode, c.Code, c.Name, c.NameEn ?? c.Name,
            c.Levels.Select(l => new CompetencyLevelOption(l.Rank, l.Name, l.NameEn ?? l.Name)).ToList()))
        .ToList();
}
