namespace TrainingHub.Competencies.Services;

/// <summary>
/// Tells the tree editor which competencies people's ratings use, so that they cannot be deleted. Competencies are
/// given by lineage (the same competency across versions), because ratings are made against published versions while
/// deleting happens in a draft. <see cref="RatedCompetencies"/> answers it from the ratings.
/// </summary>
internal interface ICompetencyUsage
{
    Task<IReadOnlySet<Guid>> FindRatedAsync(IReadOnlyCollection<Guid> lineageIds, CancellationToken cancellationToken = default);
}
