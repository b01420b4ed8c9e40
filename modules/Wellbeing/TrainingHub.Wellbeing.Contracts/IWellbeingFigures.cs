namespace TrainingHub.Wellbeing.Contracts;

/// <summary>
/// A unit's burnout figure in its latest closed check-in round: how many answered and the share of them whose score on
/// the instrument's first scale is high; all null (and <see cref="Hidden"/>) where the anonymity rules do not let it show.
/// </summary>
/// <param name="RoundClosedOn">The last day of the round counted; null when no closed round covers the unit.</param>
public sealed record BurnoutFigure(Guid UnitId, DateOnly? RoundClosedOn, int? Respondents, int? HighPercent, decimal? Mean, bool Hidden);

/// <summary>The burnout figures of an area and of each unit right under it, with the smallest group shown.</summary>
/// <param name="Area">The area's own figure; null for the country, which is no unit.</param>
public sealed record BurnoutFigures(int Minimum, BurnoutFigure? Area, IReadOnlyList<BurnoutFigure> Units);

/// <summary>
/// Aggregate wellbeing figures for planning views (workforce), under the same anonymity rules as the wellbeing reports:
/// never a person's answers, and no figure the reports would hide. It checks no permission: the calling module decides
/// who may see the area.
/// </summary>
public interface IWellbeingFigures
{
    /// <summary>
    /// The burnout figures of the area (the country when <paramref name="unitId"/> is null) and of each unit right under
    /// it (the oblasts for the country), each in its latest closed round.
    /// </summary>
    Task<BurnoutFigures> BurnoutUnderAsync(Guid? unitId, CancellationToken cancellationToken = default);
}
