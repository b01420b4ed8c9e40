using TrainingHub.Supervision.Frequency;

namespace TrainingHub.Supervision.Tests.Frequency;

/// <summary>The default policy's steps, as a supervisor's list will show them: when the next meeting is due and who is overdue.</summary>
public sealed class FrequencyPolicyTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);
    private static readonly FrequencyPolicy Policy = FrequencyPolicy.NewlyQualified;

    [Theory]
    [InlineData(null, "2026-01-12")]
    [InlineData("2026-01-12", "2026-01-19")]
    [InlineData("2026-02-13", "2026-02-20")]
    [InlineData("2026-02-16", "2026-03-02")]
    [InlineData("2026-06-29", "2026-07-13")]
    [InlineData("2026-07-06", "2026-08-06")]
    [InlineData("2027-01-31", "2027-02-28")]
    public void The_next_meeting_is_due_weekly_for_six_weeks_fortnightly_to_six_months_then_monthly(string? last, string due)
    {
        Assert.Equal(DateOnly.Parse(due), Policy.NextDue(Start, last is null ? null : DateOnly.Parse(last)));
    }

    [Fact]
    public void A_person_is_overdue_only_after_the_due_day_has_passed()
    {
        var last = new DateOnly(2026, 3, 2);

        Assert.False(Policy.IsOverdue(Start, last, new DateOnly(2026, 3, 16)));
        Assert.True(Policy.IsOverdue(Start, last, new DateOnly(2026, 3, 17)));
    }

    [Fact]
    public void A_policy_must_end_with_a_step_that_lasts_and_its_steps_follow_each_other()
    {
        Assert.Throws<ArgumentException>(() => new FrequencyPolicy([new(6, Interval.EveryDays(7))]));
        Assert.Throws<ArgumentException>(() => new FrequencyPolicy(
            [new(26, Interval.EveryDays(14)), new(6, Interval.EveryDays(7)), new(null, Interval.EveryMonths(1))]));
    }
}
