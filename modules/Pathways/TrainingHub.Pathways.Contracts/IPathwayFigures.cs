namespace TrainingHub.Pathways.Contracts;

/// <summary>
/// Where a person stands, for planning views that count an area's people: the hours of training taken elsewhere that
/// were approved in a period, how many times they moved on to a next stage in it, and whether they hold a valid
/// certificate today.
/// </summary>
public sealed record PathwayStanding(decimal ApprovedTrainingHours, int MovedOn, bool Certified);

/// <summary>Pathway figures of many people at once. It checks no permission and answers counts only.</summary>
public interface IPathwayFigures
{
    /// <summary>The standing of each of <paramref name="personIds"/> with anything to count; people with nothing are left out.</summary>
    Task<IReadOnlyDictionary<Guid, PathwayStanding>> ForPeopleAsync(
        IReadOnlyCollection<Guid> personIds, DateOnly since, DateOnly until, CancellationToken cancellationToken = default);
}
