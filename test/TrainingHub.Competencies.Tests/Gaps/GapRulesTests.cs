using TrainingHub.Competencies.Services;

namespace TrainingHub.Competencies.Tests.Gaps;

public sealed class GapRulesTests
{
    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(0, 5, 0)]
    [InlineData(5, 5, 100)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 8, 13)]
    [InlineData(199, 200, 99)]
    [InlineData(1, 300, 1)]
    public void A_share_rounds_to_a_whole_percent_but_only_everyone_is_100_and_only_nobody_is_0(int met, int required, int? percent) =>
        Assert.Equal(percent, GapRules.Percent(met, required));

    [Theory]
    [InlineData(0, 0, "None")]
    [InlineData(0, 4, "Low")]
    [InlineData(49, 100, "Low")]
    [InlineData(50, 100, "Middle")]
    [InlineData(79, 100, "Middle")]
    [InlineData(80, 100, "High")]
    [InlineData(3, 3, "High")]
    public void A_share_falls_in_a_colour_band_by_the_exact_share_not_the_rounded_one(int met, int required, string band) =>
        Assert.Equal(Enum.Parse<GapBand>(band), GapRules.Band(met, required));

    [Fact]
    public void Shares_add_up_pair_by_pair()
    {
        var sum = new GapShare(4, 3) + new GapShare(2, 0) + GapShare.Empty;

        Assert.Equal((6, 3, 3, 50), (sum.Required, sum.Met, sum.Gaps, sum.Percent!.Value));
    }
}
