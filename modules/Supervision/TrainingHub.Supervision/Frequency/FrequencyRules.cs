using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Supervision.Frequency;

/// <summary>What makes a set of steps a policy a supervisor can follow.</summary>
internal static class FrequencyRules
{
    public const int MaxSteps = 6;

    /// <summary>Ten years: no step lasts longer than a career in one post is planned for.</summary>
    public const int MaxWeeks = 520;

    public const int MaxDays = 365;

    public const int MaxMonths = 12;

    /// <summary>
    /// At least one step and at most <see cref="MaxSteps"/>; every step but the last ends at a later week than the one
    /// before, the last lasts from then on; each interval is some days (up to a year) or some months (up to twelve).
    /// Errors are keyed <c>Steps[i]</c> so a form can show them beside the step.
    /// </summary>
    public static List<FieldError> Check(IReadOnlyList<FrequencyStep> steps)
    {
        var errors = new List<FieldError>();
        if (steps.Count == 0)
        {
            errors.Add(new("Steps", "Frequency:Error:NoSteps"));
            return errors;
        }
        if (steps.Count > MaxSteps)
        {
            errors.Add(new("Steps", "Frequency:Error:TooManySteps", MaxSteps));
        }
        var previous = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var (until, interval) = (steps[i].UntilWeeks, steps[i].Interval);
            var field = $"Steps[{i}]";
            if (i == steps.Count - 1 && until is not null)
            {
                errors.Add(new(field, "Frequency:Error:LastStepLasts"));
            }
            else if (i < steps.Count - 1 && until is null)
            {
                errors.Add(new(field, "Frequency:Error:UntilRequired"));
            }
            else if (until is { } w && (w <= previous || w > MaxWeeks))
            {
                errors.Add(new(field, "Frequency:Error:UntilOrder", previous + 1, MaxWeeks));
            }
            previous = until ?? previous;
            if ((interval.Days > 0) == (interval.Months > 0) || interval.Days is < 0 or > MaxDays || interval.Months is < 0 or > MaxMonths)
            {
                errors.Add(new(field, "Frequency:Error:Interval", MaxDays, MaxMonths));
            }
        }
        return errors;
    }
}

/// <summary>A policy in words: "weekly for the first 6 weeks; every 2 weeks until week 26; monthly after that".</summary>
internal static class FrequencyTexts
{
    public static string Describe(FrequencyPolicy policy, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        var steps = policy.Steps;
        return string.Join("; ", steps.Select((step, i) => (step.UntilWeeks, i) switch
        {
            (null, 0) => Every(step.Interval, l),
            (null, _) => l["Frequency:After", Every(step.Interval, l)].Value,
            ({ } weeks, 0) => l["Frequency:First", Every(step.Interval, l), weeks].Value,
            ({ } weeks, _) => l["Frequency:Until", Every(step.Interval, l), weeks].Value,
        }));
    }

    public static string Every(Interval interval, Microsoft.Extensions.Localization.IStringLocalizer l) => interval switch
    {
        { Months: 1 } => l["Frequency:Monthly"],
        { Months: > 1 } => l["Frequency:EveryMonths", interval.Months],
        { Days: 7 } => l["Frequency:Weekly"],
        { Days: var days } when days % 7 == 0 => l["Frequency:EveryWeeks", days / 7],
        { Days: 1 } => l["Frequency:Daily"],
        _ => l["Frequency:EveryDays", interval.Days],
    };
}
