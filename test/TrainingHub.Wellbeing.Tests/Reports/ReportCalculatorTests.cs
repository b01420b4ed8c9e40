using TrainingHub.Wellbeing.Reports;

namespace TrainingHub.Wellbeing.Tests.Reports;

/// <summary>
/// Worked examples of the report figures with the default minimum of 5: an oblast with three hromadas of 6, 3 and 7
/// people who answered, the client scale answered by fewer, a position filter, and a second round.
/// </summary>
public sealed class ReportCalculatorTests
{
    private const int Minimum = 5;
    private static readonly Guid Oblast = Guid.NewGuid();
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Small = Guid.NewGuid();
    private static readonly Guid Third = Guid.NewGuid();
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly Guid Volunteer = Guid.NewGuid();
    private static readonly Dictionary<Guid, Guid?> Tree = new() { [Oblast] = null, [First] = Oblast, [Small] = Oblast, [Third] = Oblast };

    private static readonly List<Guid> People = [.. Enumerable.Range(0, 25).Select(_ => Guid.NewGuid())];

    /// <summary>Person i of a unit, with their personal score and, when given, their client score.</summary>
    private static Respondent Answer(int person, Guid unit, decimal personal, decimal? client = null, Guid? position = null) =>
        new(People[person], unit, position ?? Worker,
            client is { } c ? new Dictionary<string, decimal> { ["personal"] = personal, ["client"] = c } : new Dictionary<string, decimal> { ["personal"] = personal });

    private static RoundAnswers Round(params Respondent[] answered) =>
        new(Guid.NewGuid(), [.. answered.Select(a => new Invitee(a.UnitId, a.PositionTypeId)), new Invitee(First, Worker), new Invitee(Third, Volunteer)], answered);

    // First: people 0-5 (client scale by 0-3); Small: 6-8; Third: 9-15, two of them volunteers.
    private static readonly RoundAnswers December = Round(
        Answer(0, First, 50, 50), Answer(1, First, 50, 25), Answer(2, First, 75, 75), Answer(3, First, 25, 0), Answer(4, First, 50), Answer(5, First, 50),
        Answer(6, Small, 100), Answer(7, Small, 100), Answer(8, Small, 100),
        Answer(9, Third, 25), Answer(10, Third, 50), Answer(11, Third, 75), Answer(12, Third, 50), Answer(13, Third, 50),
        Answer(14, Third, 25, position: Volunteer), Answer(15, Third, 75, position: Volunteer));

    private static IReadOnlyList<IReadOnlyDictionary<Guid, GroupFigures>> Calculate(IReadOnlyList<RoundAnswers> rounds, Guid? position = null) =>
        ReportCalculator.Calculate(Oblast, Tree, rounds, ["personal", "client"], 50, position, Minimum);

    [Fact]
    public void The_whole_shows_its_means_and_high_shares_while_a_small_group_and_one_sibling_more_are_hidden()
    {
        var figures = Calculate([December])[0];

        var oblast = figures[Oblast];
        Assert.Equal((18, 16, (int?)89), (oblast.Invited, oblast.Respondents!.Value, oblast.ResponsePercent));
        // Personal: 16 scores summing to 950 → 59.4; 13 of them 50 or more → 81%.
        Assert.Equal((59.4m, 81), (oblast.Scales[0].Mean!.Value, oblast.Scales[0].HighPercent!.Value));
        // Client: only four answered it.
        Assert.Equal((null, HiddenBecause.TooFew), (oblast.Scales[1].Mean, oblast.Scales[1].Hidden));
        Assert.Equal(HiddenBecause.TooFew, figures[Small].Hidden);
        // Shown, First (6) and Third (7) would leave Small's 3 as the difference: the smaller of them is hidden as well.
        Assert.Equal((null, HiddenBecause.WouldRevealHidden), (figures[First].Respondents, figures[First].Hidden));
        Assert.Equal((8, 7), (figures[Third].Invited, figures[Third].Respondents!.Value));
        // Third's personal scores 25, 50, 75, 50, 50, 25, 75 → 50.0, 5 of 7 at 50 or more → 71%.
        Assert.Equal((50.0m, 71), (figures[Third].Scales[0].Mean!.Value, figures[Third].Scales[0].HighPercent!.Value));
    }

    [Fact]
    public void A_filter_is_applied_before_the_threshold_and_hides_a_group_it_barely_changes()
    {
        var figures = Calculate([December], Worker)[0];

        // Workers in Third are 5, enough on their own, but they differ from all of Third by the two volunteers only.
        Assert.Equal(HiddenBecause.TooClose, figures[Third].Hidden);
        // In the oblast 14 workers against 16 in all: the two volunteers would show as the difference.
        Assert.Equal(HiddenBecause.TooClose, figures[Oblast].Hidden);
        Assert.Null(figures[Oblast].Scales[0].Mean);
        Assert.Equal(HiddenBecause.TooFew, Calculate([December], Volunteer)[0][Oblast].Hidden);
    }

    [Fact]
    public void A_later_round_whose_people_differ_by_fewer_than_the_minimum_is_not_shown_beside_the_first()
    {
        // January: the same sixteen and one more in Small; February: five people more than December, all in Small.
        var january = Round([.. December.Respondents, Answer(16, Small, 0)]);
        var february = Round([.. December.Respondents.Where(r => r.UnitId != Small),
            Answer(6, Small, 0), Answer(7, Small, 0), Answer(8, Small, 0), Answer(16, Small, 0), Answer(17, Small, 0), Answer(18, Small, 0), Answer(19, Small, 0), Answer(20, Small, 0)]);

        var figures = Calculate([December, january, february]);

        Assert.Equal(16, figures[0][Oblast].Respondents);
        Assert.Equal((null, HiddenBecause.TooClose), (figures[1][Oblast].Respondents, figures[1][Oblast].Hidden));
        // February differs from December by five people: shown, and Small, with 8 now, is shown with its siblings.
        Assert.Equal((21, 8), (figures[2][Oblast].Respondents!.Value, figures[2][Small].Respondents!.Value));
        Assert.Equal(0m, figures[2][Small].Scales[0].Mean);
    }
}
