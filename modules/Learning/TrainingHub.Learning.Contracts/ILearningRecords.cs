namespace TrainingHub.Learning.Contracts;

/// <summary>A course as other modules refer to it.</summary>
/// <param name="TranslationId">The same course in the other language, if it has one; completing either counts alike.</param>
/// <param name="DurationMinutes">How long the course takes, as its author set it.</param>
/// <param name="Archived">No longer offered: nobody new can enrol, while completions of it still stand.</param>
public sealed record CourseReference(Guid Id, string Title, Guid? TranslationId, int? DurationMinutes, bool Archived);

/// <summary>A course a person completed (every lesson of their enrolment done).</summary>
public sealed record CourseCompletion(Guid CourseId, Guid? TranslationId, string Title, int? DurationMinutes, DateTimeOffset CompletedAt)
{
    /// <summary>The competencies (by lineage) the course maps to now, so that its hours can count in those competency areas.</summary>
    public IReadOnlyList<Guid> CompetencyLineageIds { get; init; } = [];
}

/// <summary>A published course and the competencies (by lineage) it maps to, for choosing training that closes gaps.</summary>
public sealed record CourseForCompetencies(CourseReference Course, IReadOnlyList<Guid> CompetencyLineageIds);

/// <summary>
/// What the learning module knows of courses and people's completions, for modules that build on them (pathways,
/// continuous professional development). It checks no permission: it answers facts, and the calling module decides who
/// may see them.
/// </summary>
public interface ILearningRecords
{
    /// <summary>The courses of <paramref name="courseIds"/> that exist and are or were published; unknown ids and drafts are left out.</summary>
    Task<IReadOnlyList<CourseReference>> FindCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default);

    /// <summary>Published (not archived) courses whose title contains <paramref name="text"/>, for choosing one; at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<CourseReference>> SearchCoursesAsync(string? text, int take, CancellationToken cancellationToken = default);

    /// <summary>Every course the person completed, the latest completion of each, newest first.</summary>
    Task<IReadOnlyList<CourseCompletion>> CompletionsAsync(Guid personId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Which courses teach which competencies, for planning views that look for training to close gaps. It checks no
/// permission: published courses are open to all who plan.
/// </summary>
public interface ICourseMappings
{
    /// <summary>Published (not archived) courses that map to any of <paramref name="lineageIds"/>, each with all the competencies it maps to.</summary>
    Task<IReadOnlyList<CourseForCompetencies>> CoursesForCompetenciesAsync(IReadOnlyCollection<Guid> lineageIds, CancellationToken cancellationToken = default);
}
