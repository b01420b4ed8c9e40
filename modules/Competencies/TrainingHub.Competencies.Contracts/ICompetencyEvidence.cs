using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Competencies.Contracts;

/// <summary>A course a person completed, as evidence of one competency.</summary>
/// <param name="CompetencyLineageId">The competency across framework versions (see <see cref="PublishedCompetency.LineageId"/>).</param>
/// <param name="SuggestedLevelRank">The level the course suggests, as a rank of the competency's scale; an assessor still decides.</param>
public sealed record CourseCompletionEvidence(
    Guid PersonId, Guid CompetencyLineageId, int? SuggestedLevelRank, Guid CourseId, string CourseTitle, DateTimeOffset CompletedAt);

/// <summary>Evidence other modules record for people's competencies.</summary>
public interface ICompetencyEvidence
{
    /// <summary>
    /// Records a completed course for the competency. It checks no permission: the calling module has verified the
    /// completion. It checks that the person exists and the competency is in a published framework; recording the same
    /// course again for the same person and competency changes nothing.
    /// </summary>
    Task<Result> RecordCourseCompletionAsync(CourseCompletionEvidence evidence, CancellationToken cancellationToken = default);
}
