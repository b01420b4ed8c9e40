namespace TrainingHub.Competencies.Services;

/// <summary>How full a cell is: no requirement, under half met, under four in five met, or more.</summary>
internal enum GapBand
{
    None,
    Low,
    Middle,
    High,
}

/// <summary>Requirement pairs (a person and a competency their profile requires) and how many of them are met.</summary>
internal readonly record struct GapShare(int Required, int Met)
{
    public static GapShare Empty => default;

    public int Gaps => Required - Met;

    /// <summary>The share met as a whole percentage, null when nothing is required.</summary>
    public int? Percent => GapRules.Percent(Met, Required);

    public GapBand Band => GapRules.Band(Met, Required);

    public static GapShare operator +(GapShare a, GapShare b) => new(a.Required + b.Required, a.Met + b.Met);
}

internal static class GapRules
{
    /// <summary>Below this share met, a cell shows as low.</summary>
    public const double LowBelow = 0.5;

    /// <summary>From this share met, a cell shows as high.</summary>
    public const double HighFrom = 0.8;

    /// <summary>
    /// The share met as a whole percentage, rounded half away from zero, except that 100 % means everyone and 0 % means
    /// nobody: 199 of 200 shows as 99 %, 1 of 300 as 1 %, so rounding never hides the last gap or the first success.
    /// </summary>
    public static int? Percent(int met, int required)
    {
        if (required <= 0)
        {
            return null;
        }
        var rounded = (int)Math.Round(100.0 * met / required, MidpointRounding.AwayFromZero);
        return met == required ? 100 : met == 0 ? 0 : Math.Clamp(rounded, 1, 99);
    }

    public static GapBand Band(int met, int required)
    {
        if (required <= 0)
        {
            return GapBand.None;
        }
        var share = (double)met / required;
        return share < LowBelow ? GapBand.Low : share < HighFrom ? GapBand.Middle : GapBand.High;
    }
}
