using TrainingHub.Wellbeing.Instruments;

namespace TrainingHub.Wellbeing.Tests.Instruments;

/// <summary>
/// The Copenhagen Burnout Inventory scored as its authors describe: 100/75/50/25/0 points, the one reversed item, a
/// scale's score as the mean of its answered items, and no score below a scale's minimum of answers.
/// </summary>
public sealed class ScoringTests
{
    private static readonly InstrumentDefinition Cbi = InstrumentDefinition.Parse(BuiltInInstruments.Read(BuiltInInstruments.Cbi));

    private static ScaleScore Scale(IReadOnlyDictionary<string, int> answers, string scale) =>
        InstrumentScoring.Score(Cbi, answers).Single(s => s.Scale == scale);

    [Fact]
    public void The_built_in_inventory_has_three_scales_of_six_seven_and_six_items_and_no_problems()
    {
        Assert.Empty(Cbi.Problems());
        Assert.Equal([("personal", 6, 3), ("work", 7, 4), ("client", 6, 3)], Cbi.Scales.Select(s => (s.Code, s.Items.Count, s.MinAnswers)));
        Assert.Equal(["work.7"], Cbi.Items.Where(i => i.Reversed).Select(i => i.Code));
        Assert.True(Cbi.Scales.Single(s => s.Code == "client").ForClientWork);
        Assert.True(Cbi.IsWorkingTranslation("uk"));
        Assert.Equal("How often do you feel tired?", Cbi.Items.First().Text.En);
    }

    [Fact]
    public void A_scale_score_is_the_mean_of_the_points_of_its_answers()
    {
        // Always (100), often (75), sometimes (50), seldom (25), never (0), sometimes (50): 300 / 6.
        var answers = new Dictionary<string, int> { ["personal.1"] = 0, ["personal.2"] = 1, ["personal.3"] = 2, ["personal.4"] = 3, ["personal.5"] = 4, ["personal.6"] = 2 };

        Assert.Equal(new ScaleScore("personal", 50m, 6, 3, true, null), Scale(answers, "personal"));
    }

    [Fact]
    public void The_energy_for_family_and_friends_item_counts_the_other_way_round()
    {
        // Six work items answered "to a high degree" / "often" (75 each) and "always" enough energy (0 points, reversed): 450 / 7.
        var answers = Enumerable.Range(1, 6).ToDictionary(i => $"work.{i}", _ => 1);
        answers["work.7"] = 0;
        var allNever = Enumerable.Range(1, 7).ToDictionary(i => $"work.{i}", _ => 4);

        Assert.Equal(0, InstrumentScoring.Points(Cbi, Cbi.Items.Single(i => i.Code == "work.7"), 0));
        Assert.Equal(100, InstrumentScoring.Points(Cbi, Cbi.Items.Single(i => i.Code == "work.7"), 4));
        Assert.Equal(64.3m, Scale(answers, "work").Score);
        Assert.True(Scale(answers, "work").High);
        // Never tired by work but never enough energy either: only the reversed item scores, 100 / 7.
        Assert.Equal(14.3m, Scale(allNever, "work").Score);
        Assert.False(Scale(allNever, "work").High);
    }

    [Fact]
    public void Missing_answers_are_left_out_of_the_mean_and_below_the_minimum_there_is_no_score()
    {
        var threePersonal = new Dictionary<string, int> { ["personal.1"] = 1, ["personal.3"] = 3, ["personal.6"] = 3 };
        var threeWork = new Dictionary<string, int> { ["work.1"] = 0, ["work.2"] = 0, ["work.3"] = 0 };
        var twoClient = new Dictionary<string, int> { ["client.1"] = 0, ["client.2"] = 0 };

        Assert.Equal(new ScaleScore("personal", 41.7m, 3, 3, false, null), Scale(threePersonal, "personal"));
        Assert.Equal(new ScaleScore("work", null, 3, 4, false, NoScoreReason.TooFewAnswers), Scale(threeWork, "work"));
        Assert.Equal(new ScaleScore("client", null, 2, 3, false, NoScoreReason.TooFewAnswers), Scale(twoClient, "client"));
        Assert.Equal(new ScaleScore("client", null, 0, 3, false, NoScoreReason.NotAnswered), Scale(threeWork, "client"));
    }

    [Fact]
    public void Answers_to_items_or_options_the_instrument_does_not_have_are_named()
    {
        var problems = InstrumentScoring.Check(Cbi, new Dictionary<string, int> { ["personal.1"] = 5, ["personal.7"] = 0, ["work.1"] = -1, ["work.2"] = 4 });

        Assert.Equal(
            [new("personal.1", "Instruments:Error:UnknownOption"), new("personal.7", "Instruments:Error:UnknownItem"), new AnswerProblem("work.1", "Instruments:Error:UnknownOption")],
            problems);
    }
}
