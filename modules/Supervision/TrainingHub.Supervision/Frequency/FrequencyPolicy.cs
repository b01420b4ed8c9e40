using System.Globalization;

namespace TrainingHub.Supervision.Frequency;

/// <summary>How often, at least: every so many days or every so many months.</summary>
internal readonly record struct Interval(int Days, int Months)
{
    public static Interval EveryDays(int days) => new(days, 0);

    public static Interval EveryMonths(int months) => new(0, months);

    public DateOnly After(DateOnly day) => Months > 0 ? day.AddMonths(Months) : day.AddDays(Days);
}

/// <summary>One step of a policy: this interval while the time under supervision is below <see cref="UntilWeeks"/> (null: from then on).</summary>
internal sealed record FrequencyStep(int? UntilWeeks, Interval Interval);

/// <summary>
/// The least frequent supervision a person may have, by how long they have been supervised: for example weekly for the
/// first 6 weeks, fortnightly until 6 months, monthly after (the English standard for newly qualified social workers).
/// The next meeting is due one interval after the last one (or after the start, before any), with the interval that
/// applies on the day of that last meeting.
/// </summary>
internal sealed class FrequencyPolicy
{
    public FrequencyPolicy(IReadOnlyList<FrequencyStep> steps)
    {
        if (FrequencyRules.Check(steps) is { Count: > 0 } errors)
        {
            throw new ArgumentException($"Not a frequency policy: {string.Join(", ", errors.Select(e => e.Key))}.", nameof(steps));
        }
        Steps = steps;
    }

    public IReadOnlyList<FrequencyStep> Steps { get; }

    /// <summary>Weekly for 6 weeks, fortnightly until 26 weeks (6 months), monthly after.</summary>
    public static FrequencyPolicy NewlyQualified { get; } = new(
    [
        new(6, Interval.EveryDays(7)),
        new(26, Interval.EveryDays(14)),
        new(null, Interval.EveryMonths(1)),
    ]);

    /// <summary>The interval that applies on <paramref name="day"/> to someone supervised since <paramref name="since"/>.</summary>
    public Interval IntervalOn(DateOnly since, DateOnly day)
    {
        var weeks = Math.Max(0, day.DayNumber - since.DayNumber) / 7;
        return Steps.First(s => s.UntilWeeks is null || weeks < s.UntilWeeks).Interval;
    }

    /// <summary>The day by which the next meeting is due.</summary>
    public DateOnly NextDue(DateOnly since, DateOnly? lastMeeting)
    {
        var from = lastMeeting is { } last && last > since ? last : since;
        return IntervalOn(since, from).After(from);
    }

    /// <summary>Whether the person is overdue on <paramref name="today"/>: the due day has passed without a meeting.</summary>
    public bool IsOverdue(DateOnly since, DateOnly? lastMeeting, DateOnly today) => NextDue(since, lastMeeting) < today;

    /// <summary>The steps as stored: <c>6:7d;26:14d;*:1m</c> (until week, then every so many days or months).</summary>
    public string Format() => string.Join(';', Steps.Select(s =>
        $"{s.UntilWeeks?.ToString(CultureInfo.InvariantCulture) ?? "*"}:" +
        (s.Interval.Months > 0 ? $"{s.Interval.Months.ToString(CultureInfo.InvariantCulture)}m" : $"{s.Interval.Days.ToString(CultureInfo.InvariantCulture)}d")));

    /// <summary>Reads steps written by <see cref="Format"/>.</summary>
    public static FrequencyPolicy Parse(string text) => new([.. text.Split(';').Select(step =>
    {
        var (until, every) = (step[..step.IndexOf(':')], step[(step.IndexOf(':') + 1)..]);
        var count = int.Parse(every[..^1], CultureInfo.InvariantCulture);
        return new FrequencyStep(until == "*" ? null : int.Parse(until, CultureInfo.InvariantCulture),
            every[^1] == 'm' ? Interval.EveryMonths(count) : Interval.EveryDays(count));
    })]);
}
