namespace TrainingHub.Notifications.Domain;

/// <summary>The hours of a person's day when no e-mail should reach them, in their own time zone.</summary>
internal sealed record QuietHours(TimeZoneInfo TimeZone, TimeOnly From, TimeOnly Until)
{
    /// <summary>The earliest moment from <paramref name="nowUtc"/> on when e-mail may go out: now, or the end of the quiet hours.</summary>
    public DateTime NextAllowedUtc(DateTime nowUtc)
    {
        nowUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        if (From == Until)
        {
            return nowUtc;
        }
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, TimeZone);
        var time = TimeOnly.FromDateTime(local);
        var quiet = From < Until ? time >= From && time < Until : time >= From || time < Until;
        if (!quiet)
        {
            return nowUtc;
        }
        var endDay = From < Until || time < Until ? local.Date : local.Date.AddDays(1);
        var end = endDay + Until.ToTimeSpan();
        // A clock change can skip the end time; the first valid minute after it will do.
        while (TimeZone.IsInvalidTime(end))
        {
            end = end.AddMinutes(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(end, DateTimeKind.Unspecified), TimeZone);
    }
}

internal static class TimeZones
{
    /// <summary>Time zones offered on the preferences page: Ukraine's, and those where many of its workers now live.</summary>
    public static IReadOnlyList<string> Offered { get; } =
    [
        "Europe/Kyiv", "Europe/Warsaw", "Europe/Berlin", "Europe/Prague", "Europe/Vienna", "Europe/Rome", "Europe/Madrid",
        "Europe/Paris", "Europe/London", "Europe/Lisbon", "Europe/Helsinki", "Europe/Bucharest", "Europe/Chisinau",
        "America/Toronto", "America/New_York", "UTC",
    ];

    public static bool Exists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>The zone with this id, or Kyiv time when the system does not know it (under its older name on older systems).</summary>
    public static TimeZoneInfo Find(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone
        : TimeZoneInfo.TryFindSystemTimeZoneById(NotificationSettings.DefaultTimeZone, out var kyiv) ? kyiv
        : TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kiev", out var kiev) ? kiev
        : TimeZoneInfo.Utc;
}
