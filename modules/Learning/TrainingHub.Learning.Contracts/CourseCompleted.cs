using TrainingHub.SharedKernel.Events;

namespace TrainingHub.Learning.Contracts;

/// <summary>A competency a completed course is evidence for, at a level of its scale (a rank from 0).</summary>
/// <param name="CompetencyLineageId">The competency across framework versions, as the course maps it.</param>
public sealed record CompletedCourseCompetency(Guid CompetencyLineageId, int LevelRank);

/// <summary>
/// Someone completed a course: every lesson of their enrolment is done. Published with the completion, so other
/// modules (competency evidence, and later certificates and pathways) hear of each completion once it is saved.
/// </summary>
/// <param name="Competencies">What the course mapped to when it was completed.</param>
[IntegrationEvent("Learning.CourseCompleted")]
public sealed record CourseCompleted(
    Guid PersonId, Guid CourseId, Guid EnrolmentId, string CourseTitle, DateTimeOffset CompletedAt, IReadOnlyList<CompletedCourseCompetency> Competencies);
