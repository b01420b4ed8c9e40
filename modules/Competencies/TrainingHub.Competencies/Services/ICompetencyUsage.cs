namespace TrainingHub.Competencies.Services;

/// <summary>
/// Tells the tree editor which competencies people's ratings use, so that they cannot be deleted. Competencies are
/// given by lineage (the same competency across versions), because ratings are made against published versions while
/// deleting happens in a draft. The ratings part of the module replaces <see cref="NoCompetencyUsage"/>.
/// </summary>
internal interface ICompetencyUsage
{
    Task<IReadOnlySet<Guid>> FindRatedAsync(IReadOnlyCollection<Guid> lineageIds, CancellationToken cancellationToken = default);
}

/// <summary>Until ratings exist, no competency is in use.</summary>
internal sealed class NoCompetencyUsage : ICompetencyUsage
{
    public Task<IReadOnlySet<Guid>> FindRatedAsync(IReadOnlyCollection<Guid> lineageIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>());
}
