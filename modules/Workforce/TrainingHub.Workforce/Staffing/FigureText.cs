using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TrainingHub.Workforce.Staffing;

/// <summary>How staffing figures read: ratios in whole people, per-10,000 figures and shares with one decimal, a dash where unknown.</summary>
internal static class FigureText
{
    public const string Unknown = "—";

    /// <summary>A ratio such as residents per social worker; where nobody does the work, says so.</summary>
    public static string Ratio(this IStringLocalizer texts, double? value) =>
        value switch
        {
            null => Unknown,
            double.PositiveInfinity => texts["Staffing:NoneWorking"],
            { } v => v.ToString("N0", CultureInfo.CurrentCulture),
        };

    public static string Decimal(double? value) => value?.ToString("N1", CultureInfo.CurrentCulture) ?? Unknown;

    public static string Percent(this IStringLocalizer texts, double? value) => value is { } v ? texts["Staffing:Percent", v.ToString("0.#", CultureInfo.CurrentCulture)] : Unknown;

    public static string Count(int? value) => value?.ToString("N0", CultureInfo.CurrentCulture) ?? Unknown;
}
