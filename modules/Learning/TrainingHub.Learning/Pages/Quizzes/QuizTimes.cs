using System.Globalization;

namespace TrainingHub.Learning.Pages.Quizzes;

/// <summary>Times on quiz pages, in Kyiv time: where the people who take the quizzes live.</summary>
internal static class QuizTimes
{
    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kyiv", out var kyiv) ? kyiv
        : TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kiev", out var kiev) ? kiev : TimeZoneInfo.Utc;

    public static string Show(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Kyiv).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>Minutes and seconds left, never below zero.</summary>
    public static string Left(TimeSpan left) =>
        left <= TimeSpan.Zero ? "0:00" : $"{(int)left.TotalMinutes}:{left.Seconds:00}";
}
