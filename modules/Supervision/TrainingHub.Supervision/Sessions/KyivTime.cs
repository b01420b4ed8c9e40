namespace TrainingHub.Supervision.Sessions;

/// <summary>Meetings are planned and shown on Kyiv time, whatever the server's zone.</summary>
internal static class KyivTime
{
    private static readonly TimeZoneInfo Kyiv =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kyiv", out var kyiv) ? kyiv : TimeZoneInfo.FindSystemTimeZoneById("Europe/Kiev");

    public static DateTime ToKyiv(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Kyiv).DateTime;

    /// <summary>The moment a date and a time on Kyiv's clock stand for.</summary>
    public static DateTimeOffset FromKyiv(DateTime date, TimeSpan time)
    {
        var local = DateTime.SpecifyKind(date.Date + time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Kyiv.GetUtcOffset(local));
    }
}
