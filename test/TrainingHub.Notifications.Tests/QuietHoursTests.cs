using TrainingHub.Notifications.Domain;

namespace TrainingHub.Notifications.Tests;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Kyiv = TimeZones.Find("Europe/Kyiv");
    private static readonly QuietHours Default = new(Kyiv, new TimeOnly(21, 0), new TimeOnly(8, 0));

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(18, 59, 23, 18, 59)] // 20:59 in Kyiv: still allowed
    [InlineData(19, 0, 24, 6, 0)]    // 21:00: quiet until 08:00 tomorrow
    [InlineData(23, 30, 24, 6, 0)]   // 01:30 the next day: quiet until 08:00 that morning
    [InlineData(6, 0, 23, 6, 0)]     // 08:00: allowed again
    public void Evening_and_night_in_Kyiv_wait_for_eight_in_the_morning(int hour, int minute, int expectedDay, int expectedHour, int expectedMinute)
    {
        Assert.Equal(Utc(11, expectedDay, expectedHour, expectedMinute), Default.NextAllowedUtc(Utc(11, 23, hour, minute)));
    }

    [Fact]
    public void Quiet_hours_within_one_day_and_none_at_all_work_too()
    {
        var lunch = new QuietHours(Kyiv, new TimeOnly(12, 0), new TimeOnly(14, 0));
        var never = new QuietHours(Kyiv, new TimeOnly(0, 0), new TimeOnly(0, 0));

        Assert.Equal(Utc(11, 23, 12), lunch.NextAllowedUtc(Utc(11, 23, 10, 30)));
        Assert.Equal(Utc(11, 23, 9, 59), lunch.NextAllowedUtc(Utc(11, 23, 9, 59)));
        Assert.Equal(Utc(11, 23, 23), never.NextAllowedUtc(Utc(11, 23, 23)));
    }

    [Fact]
    public void Summer_time_moves_the_end_with_the_clock()
    {
        // In July Kyiv is three hours ahead of UTC: 08:00 there is 05:00 UTC.
        Assert.Equal(Utc(7, 2, 5), Default.NextAllowedUtc(Utc(7, 1, 20)));
    }

    [Fact]
    public void An_unknown_time_zone_falls_back_to_Kyiv()
    {
        Assert.Equal(Kyiv.Id, TimeZones.Find("Mars/Olympus").Id);
        Assert.All(TimeZones.Offered, id => Assert.True(TimeZones.Exists(id), id));
    }
}
