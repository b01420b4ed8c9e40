using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Learning.Services;

/// <summary>The quiz lessons of a course a person has passed since a time; a passed quiz counts as a finished lesson.</summary>
internal interface IQuizOutcomes
{
    Task<IReadOnlySet<Guid>> PassedQuizLessonIdsAsync(Guid personId, Guid courseId, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>Until quizzes are part of the module no lesson is a quiz, so nothing has been passed.</summary>
internal sealed class NoQuizOutcomes : IQuizOutcomes
{
    public Task<IReadOnlySet<Guid>> PassedQuizLessonIdsAsync(Guid personId, Guid courseId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>());
}

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

internal sealed class NoCompetencyOptions : ICompetencyOptions
{
    public Task<IReadOnlyList<CompetencyOption>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CompetencyOption>>([]);
}

/// <summary>A course's promise: completing it is evidence for a competency at a level.</summary>
internal sealed record CompetencyMapping(Guid CompetencyLineageId, int LevelRank);

/// <summary>Passes a completed course on as evidence for the competencies it maps to.</summary>
internal interface ICompletionEvidence
{
    Task CourseCompletedAsync(
        Guid personId, Guid courseId, string courseTitle, DateTimeOffset completedAt, IReadOnlyList<CompetencyMapping> mappings, CancellationToken cancellationToken);
}

/// <summary>Until the competencies module takes evidence, a completion is kept only as the enrolment's own record.</summary>
internal sealed class NoCompletionEvidence : ICompletionEvidence
{
    public Task CourseCompletedAsync(
        Guid personId, Guid courseId, string courseTitle, DateTimeOffset completedAt, IReadOnlyList<CompetencyMapping> mappings, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
