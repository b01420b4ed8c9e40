using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Learning.Services;

/// <summary>Where an enrolment stands for the learner and those who follow them.</summary>
internal enum Standing
{
    InProgress,
    DueSoon,
    Overdue,
    Completed,
    Withdrawn,
}

internal enum DueKind
{
    None,
    Fixed,
    Relative,
}

/// <summary>When enrolled people are due to finish: not at all, on a date, or a number of days after each is enrolled.</summary>
internal sealed class DueDateInput
{
    public DueKind Kind { get; set; }

    /// <summary>The last day, in Kyiv time; the course is due at the end of it.</summary>
    public DateTime? FixedDate { get; set; }

    public int? Days { get; set; } = 30;
}

/// <summary>Due dates, progress and standing: plain rules, kept apart from storage so they are easy to check.</summary>
internal static class EnrolmentRules
{
    public const int MaxRelativeDays = 730;

    /// <summary>An enrolment due within this window is "due soon".</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(7);

    /// <summary>Reminders a week before the due time, at it, and three days after.</summary>
    public static readonly IReadOnlyList<TimeSpan> ReminderOffsets = [TimeSpan.FromDays(-7), TimeSpan.Zero, TimeSpan.FromDays(3)];

    /// <summary>Dates people choose are days in Ukraine.</summary>
    public static TimeZoneInfo Kyiv { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kyiv", out var kyiv) ? kyiv : TimeZoneInfo.FindSystemTimeZoneById("Europe/Kiev");

    public static List<FieldError> Check(DueDateInput due, DateTimeOffset now)
    {
        return due.Kind switch
        {
            DueKind.Fixed when due.FixedDate is null => [new(nameof(DueDateInput.FixedDate), "Error:DueDateRequired")],
            DueKind.Fixed when DateOnly.FromDateTime(due.FixedDate.Value) < Today(now) => [new(nameof(DueDateInput.FixedDate), "Error:DueDateInPast")],
            DueKind.Relative when due.Days is not (>= 1 and <= MaxRelativeDays) => [new(nameof(DueDateInput.Days), "Error:DueDaysRange", MaxRelativeDays)],
            _ => [],
        };
    }

    /// <summary>The due time for someone enrolled at <paramref name="enrolledAt"/>: the end of the fixed day in Kyiv, or so many days later.</summary>
    public static DateTimeOffset? DueAt(DueDateInput due, DateTimeOffset enrolledAt) => due.Kind switch
    {
        DueKind.Fixed => EndOfDay(DateOnly.FromDateTime(due.FixedDate!.Value)),
        DueKind.Relative => enrolledAt.AddDays(due.Days!.Value),
        _ => null,
    };

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Kyiv).DateTime);

    /// <summary>The due day as people read it, in Kyiv time.</summary>
    public static DateOnly DueDay(DateTimeOffset dueAt) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dueAt, Kyiv).DateTime);

    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(local, Kyiv.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Whole per cent of the lessons done, never above 100.</summary>
    public static int ProgressPercent(int done, int lessons) => lessons <= 0 ? 0 : Math.Min(100, done * 100 / lessons);

    public static Standing StandingOf(EnrolmentStatus status, DateTimeOffset? dueAt, DateTimeOffset now) => status switch
    {
        EnrolmentStatus.Completed => Standing.Completed,
        EnrolmentStatus.Withdrawn => Standing.Withdrawn,
        _ when dueAt is { } due && due < now => Standing.Overdue,
        _ when dueAt is { } due && due - now <= DueSoonWindow => Standing.DueSoon,
        _ => Standing.InProgress,
    };
}
