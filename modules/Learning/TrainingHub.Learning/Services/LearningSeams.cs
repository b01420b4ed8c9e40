using Microsoft.Extensions.Logging;
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

/// <summary>A course's promise: completing it is evidence for a competency at a level.</summary>
internal sealed record CompetencyMapping(Guid CompetencyLineageId, int LevelRank);

/// <summary>Passes a completed course on as evidence for the competencies it maps to.</summary>
internal interface ICompletionEvidence
{
    Task CourseCompletedAsync(
        Guid personId, Guid courseId, string courseTitle, DateTimeOffset completedAt, IReadOnlyList<CompetencyMapping> mappings, CancellationToken cancellationToken);
}

/// <summary>
/// Hands a completion to the competencies module as evidence for each competency the course maps to. A mapping the
/// competencies module refuses (a competency no longer published) is logged and skipped: the completion itself stands.
/// </summary>
internal sealed class CompetencyCompletionEvidence(ICompetencyEvidence evidence, ILogger<CompetencyCompletionEvidence> logger) : ICompletionEvidence
{
    public async Task CourseCompletedAsync(
        Guid personId, Guid courseId, string courseTitle, DateTimeOffset completedAt, IReadOnlyList<CompetencyMapping> mappings, CancellationToken cancellationToken)
    {
        foreach (var mapping in mappings)
        {
            var recorded = await evidence.RecordCourseCompletionAsync(
                new CourseCompletionEvidence(personId, mapping.CompetencyLineageId, mapping.LevelRank, courseId, courseTitle, completedAt), cancellationToken);
            if (!recorded.Succeeded)
            {
                logger.LogWarning("Course {CourseId} completed by {PersonId} was not recorded for competency {LineageId}: {Error}",
                    courseId, personId, mapping.CompetencyLineageId, recorded.Error);
            }
        }
    }
}
