namespace TrainingHub.Competencies.Contracts;

/// <summary>A framework version planning views count against: the newest published version of its framework.</summary>
public sealed record FrameworkVersionReference(Guid Id, string FrameworkCode, string NameUk, string? NameEn, int Number)
{
    public string Name(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : NameUk;
}

/// <summary>A top-level competency area of a version; the competencies of its nested areas count in it.</summary>
public sealed record CompetencyAreaReference(Guid Id, string Code, string NameUk, string? NameEn)
{
    public string Name(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : NameUk;
}

/// <summary>Requirement pairs (an active person and a competency their position's profile requires) and how many of them are met.</summary>
public readonly record struct RequirementShare(int Required, int Met)
{
    /// <summary>The share met, in per cent; null where nothing is required.</summary>
    public double? Percent => Required > 0 ? Met * 100.0 / Required : null;

    public static RequirementShare operator +(RequirementShare left, RequirementShare right) =>
        new(left.Required + right.Required, left.Met + right.Met);
}

/// <summary>
/// One row of a heatmap: a unit right under the one asked about, counting the people of everything under it; or, when
/// <see cref="UnitId"/> is the unit asked about, the people whose home unit is that unit itself. <see cref="Areas"/>
/// follows the order of <see cref="CompetencyHeatmap.Areas"/>.
/// </summary>
public sealed record HeatmapRow(Guid UnitId, int People, RequirementShare Total, IReadOnlyList<RequirementShare> Areas);

/// <summary>A competency the version's profiles require of the area's people, and how many of those requirement pairs are not met.</summary>
public sealed record CompetencyShortfall(Guid LineageId, string Code, string NameUk, string? NameEn, Guid? AreaId, int Required, int Missing)
{
    public string Name(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : NameUk;
}

/// <summary>
/// The competency standing of an area against one framework version's role profiles: per top-level area of the version,
/// per unit right under the area, and per required competency.
/// </summary>
public sealed record CompetencyHeatmap(
    FrameworkVersionReference Version, IReadOnlyList<CompetencyAreaReference> Areas, int People, RequirementShare Total,
    IReadOnlyList<HeatmapRow> Rows, IReadOnlyList<CompetencyShortfall> Shortfalls)
{
    /// <summary>When the figures were counted, where they were counted ahead rather than on this request (null: counted now).</summary>
    public DateTimeOffset? CountedAt { get; init; }
}

/// <summary>
/// Competency figures of many people at once, for planning views (workforce). It checks no permission and answers
/// counts only: the calling module decides who may see them.
/// </summary>
/// <remarks>
/// How fresh: the country's and the oblasts' heatmaps and the profile standings are counted ahead, at start-up, within
/// about five minutes of any rating, change of a person's position, unit or activity, or publishing (plus the time a
/// count takes: seconds at the country's size), and every night; until then they are the last count's
/// (<see cref="CompetencyHeatmap.CountedAt"/>). A version published since the last count, and the heatmaps of hromadas
/// and organisations, are counted on each request.
/// </remarks>
public interface ICompetencyFigures
{
    /// <summary>The newest published version of each framework.</summary>
    Task<IReadOnlyList<FrameworkVersionReference>> NewestPublishedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The version's heatmap of an area: the country when <paramref name="unitId"/> is null (a row per oblast), an
    /// oblast (a row per hromada), a hromada (a row per organisation) or an organisation (one row: itself). Every unit
    /// right under the area has a row, with nobody counted where nobody works; people whose home unit is the area itself
    /// have a row with the area's id. Null when the version is not published. The country's and an oblast's are as of
    /// the last count (see the remarks on this interface and <see cref="CompetencyHeatmap.CountedAt"/>).
    /// </summary>
    Task<CompetencyHeatmap?> HeatmapAsync(Guid versionId, Guid? unitId, CancellationToken cancellationToken = default);

    /// <summary>
    /// For each active person whose position's profile requires anything in the newest published version of any
    /// framework: whether they meet all of it. People whose position requires nothing are left out. As of the last count
    /// (see the remarks on this interface), unless a version was published since.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, bool>> ProfileStandingsAsync(CancellationToken cancellationToken = default);
}
