using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Supervision.Hours;

/// <summary>What an administrator sets for a position: approved hours a year in all and, of them, at least so many of some types.</summary>
internal sealed class RequirementInput
{
    public int? TotalHours { get; set; }

    public List<RequirementPartInput> Parts { get; set; } = [];
}

/// <summary>At least <see cref="Hours"/> of the year's hours of one activity type.</summary>
internal sealed class RequirementPartInput
{
    public Guid? ActivityTypeId { get; set; }

    public int? Hours { get; set; }
}

internal static class RequirementRules
{
    /// <summary>A full-time working year has about 2000 hours: more is a typing mistake.</summary>
    public const int MaxHoursPerYear = 2000;

    /// <summary>The field of one part's value, as forms and the API name it.</summary>
    public static string PartField(int index, string field) => $"{nameof(RequirementInput.Parts)}[{index}].{field}";

    /// <summary>
    /// Whole positive hours in all and per part, each part a known activity type listed once, and the parts together
    /// no more than the total they are part of.
    /// </summary>
    public static List<FieldError> Check(RequirementInput input, IReadOnlyCollection<Guid> activityTypes)
    {
        var errors = new List<FieldError>();
        if (!Valid(input.TotalHours))
        {
            errors.Add(new(nameof(RequirementInput.TotalHours), "Requirements:Error:Hours", MaxHoursPerYear));
        }
        var listed = new HashSet<Guid>();
        for (var i = 0; i < input.Parts.Count; i++)
        {
            var part = input.Parts[i];
            if (part.ActivityTypeId is not { } type || !activityTypes.Contains(type))
            {
                errors.Add(new(PartField(i, nameof(RequirementPartInput.ActivityTypeId)), "Hours:Error:TypeRequired"));
            }
            else if (!listed.Add(type))
            {
                errors.Add(new(PartField(i, nameof(RequirementPartInput.ActivityTypeId)), "Requirements:Error:TypeTwice"));
            }
            if (!Valid(part.Hours))
            {
                errors.Add(new(PartField(i, nameof(RequirementPartInput.Hours)), "Requirements:Error:Hours", MaxHoursPerYear));
            }
        }
        var parts = input.Parts.Where(p => Valid(p.Hours)).Sum(p => p.Hours!.Value);
        if (input.TotalHours is { } total && Valid(total) && parts > total)
        {
            errors.Add(new(nameof(RequirementInput.Parts), "Requirements:Error:PartsOverTotal", parts, total));
        }
        return errors;
    }

    private static bool Valid(int? hours) => hours is >= 1 and <= MaxHoursPerYear;
}
