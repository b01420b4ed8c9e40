using System.Globalization;

namespace TrainingHub.Audit.Services;

/// <summary>The trail keeps UTC; people read and filter it in Kyiv time.</summary>
internal static class AuditTimes
{
    private static readonly TimeZoneInfo Kyiv =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kyiv", out var zone) ? zone
            : TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kiev", out zone) ? zone
            : TimeZoneInfo.Utc;

    public static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Kyiv).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>Days in the filter are days in Kyiv.</summary>
    public static DateTime ToUtc(DateTime kyivTime) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(kyivTime, DateTimeKind.Unspecified), Kyiv);
}
