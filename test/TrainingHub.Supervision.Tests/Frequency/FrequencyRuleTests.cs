using TrainingHub.Supervision.Frequency;

namespace TrainingHub.Supervision.Tests.Frequency;

/// <summary>What a policy form accepts, and how a policy is stored.</summary>
public sealed class FrequencyRuleTests
{
    private static List<string> Errors(params FrequencyStep[] steps) => [.. FrequencyRules.Check(steps).Select(e => $"{e.Field} {e.Key}")];

    [Fact]
    public void A_policy_ends_with_a_lasting_step_its_weeks_grow_and_each_interval_is_days_or_months()
    {
        Assert.Empty(Errors([.. FrequencyPolicy.NewlyQualified.Steps]));
        Assert.Equal(["Steps Frequency:Error:NoSteps"], Errors());
        Assert.Equal(["Steps[0] Frequency:Error:LastStepLasts"], Errors(new FrequencyStep(6, Interval.EveryDays(7))));
        Assert.Equal(["Steps[1] Frequency:Error:UntilOrder"],
            Errors(new(26, Interval.EveryDays(14)), new(6, Interval.EveryDays(7)), new(null, Interval.EveryMonths(1))));
        Assert.Equal(["Steps[0] Frequency:Error:UntilRequired"], Errors(new(null, Interval.EveryDays(7)), new(null, Interval.EveryMonths(1))));
        Assert.Equal(["Steps[0] Frequency:Error:Interval"], Errors(new FrequencyStep(null, Interval.EveryDays(0))));
        Assert.Equal(["Steps[0] Frequency:Error:Interval"], Errors(new FrequencyStep(null, new Interval(7, 1))));
        Assert.Equal(["Steps[0] Frequency:Error:Interval"], Errors(new FrequencyStep(null, Interval.EveryMonths(13))));
        Assert.Equal(["Steps[0] Frequency:Error:UntilOrder"], Errors(new(521, Interval.EveryDays(7)), new(null, Interval.EveryMonths(1))));
    }

    [Fact]
    public void A_policy_is_stored_as_text_and_read_back_the_same()
    {
        var policy = new FrequencyPolicy([new(4, Interval.EveryDays(3)), new(12, Interval.EveryDays(21)), new(null, Interval.EveryMonths(2))]);

        Assert.Equal("4:3d;12:21d;*:2m", policy.Format());
        Assert.Equal(policy.Steps, FrequencyPolicy.Parse(policy.Format()).Steps);
    }

    [Fact]
    public void A_form_step_in_weeks_is_kept_as_days_and_the_last_step_of_a_form_always_lasts()
    {
        var steps = FrequencyStepInput.ToSteps(
        [
            new() { UntilWeeks = 8, Every = 2, Unit = IntervalUnit.Weeks },
            new() { UntilWeeks = 20, Every = 1, Unit = IntervalUnit.Months },
        ]);

        Assert.Equal([new FrequencyStep(8, Interval.EveryDays(14)), new FrequencyStep(null, Interval.EveryMonths(1))], steps);
        Assert.Equal(IntervalUnit.Weeks, FrequencyStepInput.From(steps[0]).Unit);
        Assert.Equal(2, FrequencyStepInput.From(steps[0]).Every);
    }
}
