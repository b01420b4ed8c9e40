using TrainingHub.Wellbeing.Anonymity;

namespace TrainingHub.Wellbeing.Tests.Anonymity;

/// <summary>The threshold, sibling suppression, combined filters and comparisons, with the default minimum of 5.</summary>
public sealed class AnonymityRuleTests
{
    private const int Minimum = AnonymityRules.DefaultMinimum;
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");

    private static IReadOnlySet<Guid> Shown(int parent, params (Guid Id, int Respondents)[] children) =>
        AnonymityRules.ShownChildren(parent, [.. children.Select(c => new GroupCount(c.Id, c.Respondents))], Minimum);

    private static HashSet<Guid> People(int from, int count) => [.. Enumerable.Range(from, count).Select(i => new Guid(i, 0, 0, new byte[8]))];

    [Theory]
    [InlineData(null, 5)]
    [InlineData(8, 8)]
    [InlineData(3, 3)]
    [InlineData(2, 3)]
    [InlineData(0, 3)]
    public void The_minimum_is_five_by_default_and_never_below_three(int? configured, int minimum) =>
        Assert.Equal(minimum, AnonymityRules.Minimum(configured));

    [Fact]
    public void A_group_is_shown_from_the_minimum_number_of_respondents()
    {
        Assert.False(AnonymityRules.MayShow(4, Minimum));
        Assert.True(AnonymityRules.MayShow(5, Minimum));
    }

    [Fact]
    public void Groups_large_enough_are_all_shown_when_the_parent_has_nobody_else()
    {
        Assert.Equal([A, B, C], Shown(21, (A, 5), (B, 6), (C, 10)).Order());
    }

    [Fact]
    public void When_one_child_is_hidden_the_next_smallest_is_hidden_too_so_the_parent_less_the_rest_does_not_give_it_away()
    {
        // A has 2: hidden. Parent 19 less B and C (17) would show A's two; hiding B too leaves 8 together.
        Assert.Equal([C], Shown(19, (A, 2), (B, 6), (C, 11)));
    }

    [Fact]
    public void The_parents_own_people_count_as_hidden_and_are_protected_the_same_way()
    {
        // Everyone in A, B and C is in a shown group but the parent itself has 3 people of its own.
        Assert.Equal([B, C], Shown(25, (A, 5), (B, 7), (C, 10)).Order());
        // With 6 of its own the parent's remainder is large enough and every child shows.
        Assert.Equal([A, B, C], Shown(28, (A, 5), (B, 7), (C, 10)).Order());
    }

    [Fact]
    public void Two_small_hidden_children_together_reaching_the_minimum_need_no_further_hiding()
    {
        Assert.Equal([C], Shown(16, (A, 3), (B, 3), (C, 10)));
    }

    [Fact]
    public void Nothing_is_shown_under_a_parent_that_is_too_small_and_a_lone_child_equal_to_its_parent_shows()
    {
        Assert.Empty(Shown(4, (A, 4)));
        Assert.Equal([A], Shown(9, (A, 9)));
    }

    [Fact]
    public void Filters_are_combined_before_the_threshold_so_a_small_intersection_of_large_groups_stays_hidden()
    {
        var socialWorkers = People(0, 12);
        var korosten = People(9, 20);
        var both = socialWorkers.Intersect(korosten).Count();

        Assert.True(AnonymityRules.MayShow(socialWorkers.Count, Minimum) && AnonymityRules.MayShow(korosten.Count, Minimum));
        Assert.Equal(3, both);
        Assert.False(AnonymityRules.MayShow(both, Minimum));
    }

    [Fact]
    public void Periods_or_groups_whose_respondents_differ_by_fewer_than_the_minimum_are_not_compared()
    {
        var march = People(0, 10);

        Assert.True(AnonymityRules.MayCompare(march, People(0, 10), Minimum));
        Assert.False(AnonymityRules.MayCompare(march, People(0, 11), Minimum));
        Assert.False(AnonymityRules.MayCompare(march, People(2, 10), Minimum));
        Assert.True(AnonymityRules.MayCompare(march, People(0, 15), Minimum));
        Assert.True(AnonymityRules.MayCompare(march, People(3, 10), Minimum));
    }

    [Fact]
    public void Over_time_a_figure_is_left_out_when_its_people_differ_by_a_few_from_any_figure_shown_before()
    {
        // Ten people, then the same ten and one more (that one would show as the change), then five new people more
        // than the first, then the first ten again but one of them left (one fewer than the first shown).
        IReadOnlyList<IReadOnlySet<Guid>> rounds = [People(1, 10), People(1, 11), People(1, 15), People(1, 9), People(1, 4)];

        var shown = AnonymityRules.ShownOverTime(rounds, i => rounds[i].Count >= Minimum, Minimum);

        Assert.Equal([true, false, true, false, false], shown);
    }

    [Fact]
    public void In_a_tree_nothing_under_a_hidden_group_is_shown_and_a_group_not_allowed_counts_as_hidden()
    {
        // Root of 20: A (10, with A1 of 5 and A2 of 5) and B (10, not allowed, say by an earlier round).
        var root = Guid.NewGuid();
        var a1 = Guid.NewGuid();
        var a2 = Guid.NewGuid();
        var children = new Dictionary<Guid, IReadOnlyList<Guid>> { [root] = [A, B], [A] = [a1, a2], [B] = [C] };
        var counts = new Dictionary<Guid, int> { [root] = 20, [A] = 10, [B] = 10, [C] = 10, [a1] = 5, [a2] = 5 };
        IReadOnlyList<Guid> ChildrenOf(Guid unit) => children.TryGetValue(unit, out var list) ? list : [];

        var shown = AnonymityRules.ShownInTree(root, ChildrenOf, u => counts[u], u => u != B, Minimum);
        var tooSmall = AnonymityRules.ShownInTree(root, ChildrenOf, _ => 4, _ => true, Minimum);

        // B hidden leaves ten people outside A: A may show; B's unit C stays hidden with it.
        Assert.Equivalent(new[] { root, A, a1, a2 }, shown);
        Assert.Empty(tooSmall);
    }
}

