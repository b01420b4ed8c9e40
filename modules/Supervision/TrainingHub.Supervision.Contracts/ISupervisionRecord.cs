namespace TrainingHub.Supervision.Contracts;

/// <summary>A kind of practice activity hours are logged against, such as home visits.</summary>
public sealed record ActivityTypeReference(Guid Id, string NameUk, string NameEn)
{
    public string Name(bool english) => english ? NameEn : NameUk;
}

/// <summary>The built-in activity types other modules refer to; their ids never change.</summary>
public static class BuiltInActivityTypes
{
    /// <summary>Time spent receiving supervision.</summary>
    public static readonly Guid SupervisionReceived = new("5a0c1c6e-0d3b-4a39-9a51-6f1b2c3d4e03");

    /// <summary>Training taken (courses, workshops).</summary>
    public static readonly Guid Training = new("5a0c1c6e-0d3b-4a39-9a51-6f1b2c3d4e04");
}

/// <summary>Approved practice hours of one activity type.</summary>
public sealed record ApprovedHours(Guid ActivityTypeId, decimal Hours);

/// <summary>
/// What supervision holds of a person's practice, from a date on (or all of it): approved practice hours by activity
/// type; how many supervision meetings (individual or group) they took part in as the supervisee whose log both
/// signed; and when a mentoring of theirs was last brought to its end review.
/// </summary>
/// <param name="MentoringCompletedOn">
/// The end date of the latest mentoring pair in which the person was the mentee that has ended and whose mentor wrote
/// the end review; null when there is none.
/// </param>
public sealed record SupervisionRecord(IReadOnlyList<ApprovedHours> Hours, int SignedSupervisions, DateOnly? MentoringCompletedOn)
{
    public decimal TotalHours => Hours.Sum(h => h.Hours);
}

/// <summary>
/// A person's supervision record for modules that build on it (pathways, continuous professional development). It checks
/// no permission: it answers facts, and the calling module decides who may see them. No note of any meeting leaves
/// supervision.
/// </summary>
public interface ISupervisionRecord
{
    /// <summary>
    /// The person's record, counting only what happened on or after <paramref name="since"/> and on or before
    /// <paramref name="until"/> when they are given (a year's professional development, say).
    /// </summary>
    Task<SupervisionRecord> ForAsync(Guid personId, DateOnly? since = null, DateOnly? until = null, CancellationToken cancellationToken = default);

    /// <summary>Every activity type, built-in and added, for naming them in requirements.</summary>
    Task<IReadOnlyList<ActivityTypeReference>> ActivityTypesAsync(CancellationToken cancellationToken = default);
}

/// <summary>How often a position is supervised at least, in words in both languages.</summary>
public sealed record SupervisionFrequencyText(string Uk, string En)
{
    public string In(bool english) => english ? En : Uk;
}

/// <summary>
/// The frequency of supervision a position type is held to wherever no unit sets its own, for documents that describe
/// a position (qualification characteristics). It checks no permission: policies are not personal data.
/// </summary>
public interface ISupervisionFrequencyDirectory
{
    Task<SupervisionFrequencyText> StandardForAsync(Guid positionTypeId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Supervision figures of many people at once, for planning views that count an area's people. It checks no permission
/// and answers sums only: no entry, meeting or note leaves supervision.
/// </summary>
public interface ISupervisionFigures
{
    /// <summary>
    /// Each person's approved practice hours (of every activity type) dated from <paramref name="since"/> to
    /// <paramref name="until"/>; people without any are left out.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, decimal>> ApprovedHoursAsync(
        IReadOnlyCollection<Guid> personIds, DateOnly since, DateOnly until, CancellationToken cancellationToken = default);
}

/// <summary>
/// Whether people are supervised as often as they should be, for planning views that count an area's people. It checks
/// no permission and answers yes or no per person: no meeting or note leaves supervision.
/// </summary>
public interface ISupervisionCoverage
{
    /// <summary>
    /// Supervision coverage on <paramref name="asOf"/>: each of <paramref name="personIds"/> who is to be supervised (a
    /// frequency of supervision applies to them), with whether they took part in a signed supervision recently enough for
    /// that frequency. People to whom no frequency applies are left out. Answers for a whole country's people at once.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, bool>> CoverageAsync(IReadOnlyCollection<Guid> personIds, DateOnly asOf, CancellationToken cancellationToken = default);
}
