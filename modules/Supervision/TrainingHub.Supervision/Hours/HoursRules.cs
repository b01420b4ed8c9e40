using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Supervision.Hours;

/// <summary>What a supervisee types when logging or changing an entry of practice hours.</summary>
internal sealed class HoursInput
{
    public DateOnly? Date { get; set; }

    public decimal? Hours { get; set; }

    public Guid? ActivityTypeId { get; set; }

    public string? Setting { get; set; }

    public string? Description { get; set; }

    /// <summary>The competency the hours practised, by lineage, if the supervisee names one.</summary>
    public Guid? CompetencyLineageId { get; set; }
}

internal static class HoursRules
{
    /// <summary>Nobody works more than a day in a day, whichever entries it is spread over.</summary>
    public const decimal MaxHoursPerDay = 24;

    public const int MaxSettingLength = 200;

    public const int MaxDescriptionLength = 1000;

    public const int MaxReasonLength = 500;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The entry's own rules: a day not after <paramref name="today"/>, positive hours with at most two decimals, a
    /// type, and short texts; and, with <paramref name="otherHoursThatDay"/> (the person's other entries that day), at
    /// most <see cref="MaxHoursPerDay"/> hours in the day.
    /// </summary>
    public static List<FieldError> Check(HoursInput input, DateOnly today, decimal otherHoursThatDay)
    {
        var errors = new List<FieldError>();
        if (input.Date is not { } date)
        {
            errors.Add(new(nameof(HoursInput.Date), "Hours:Error:DateRequired"));
        }
        else if (date > today)
        {
            errors.Add(new(nameof(HoursInput.Date), "Hours:Error:DateInFuture"));
        }
        if (input.Hours is not { } hours || hours <= 0 || hours > MaxHoursPerDay || decimal.Round(hours, 2) != hours)
        {
            errors.Add(new(nameof(HoursInput.Hours), "Hours:Error:Hours", MaxHoursPerDay));
        }
        else if (otherHoursThatDay + hours > MaxHoursPerDay)
        {
            errors.Add(new(nameof(HoursInput.Hours), "Hours:Error:DayOver", MaxHoursPerDay, otherHoursThatDay));
        }
        if (input.ActivityTypeId is null)
        {
            errors.Add(new(nameof(HoursInput.ActivityTypeId), "Hours:Error:TypeRequired"));
        }
        if (Clean(input.Setting) is { Length: > MaxSettingLength })
        {
            errors.Add(new(nameof(HoursInput.Setting), "Hours:Error:TooLong", MaxSettingLength));
        }
        if (Clean(input.Description) is { Length: > MaxDescriptionLength })
        {
            errors.Add(new(nameof(HoursInput.Description), "Hours:Error:TooLong", MaxDescriptionLength));
        }
        return errors;
    }

    /// <summary>A reason for rejecting or withdrawing: required, and short enough to read on a phone.</summary>
    public static FieldError? CheckReason(string? reason) =>
        Clean(reason) is not { } text ? new("Reason", "Hours:Error:ReasonRequired")
        : text.Length > MaxReasonLength ? new("Reason", "Hours:Error:TooLong", MaxReasonLength)
        : null;

    /// <summary>The Monday of the week a day falls in: hours are reviewed a week at a time.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
