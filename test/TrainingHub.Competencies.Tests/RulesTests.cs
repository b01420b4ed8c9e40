using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;

namespace TrainingHub.Competencies.Tests;

/// <summary>The shape rules of a framework's tree, without a database.</summary>
public sealed class TreeRulesTests
{
    private static CompetencyNode Node(string code, NodeKind kind, CompetencyNode? parent = null, int order = 0) =>
        new() { Code = code, NormalizedCode = code.ToUpperInvariant(), Name = code, Kind = kind, ParentId = parent?.Id, Order = order };

    [Fact]
    public void A_node_cannot_move_under_itself_or_anything_below_it()
    {
        var area = Node("A", NodeKind.Area);
        var sub = Node("A.1", NodeKind.Area, area);
        var competency = Node("A.1.1", NodeKind.Competency, sub);
        var other = Node("B", NodeKind.Area, order: 1);
        List<CompetencyNode> nodes = [area, sub, competency, other];

        Assert.Equal("Error:MoveUnderItself", TreeRules.CheckParent(nodes, NodeKind.Area, area.Id, movingId: area.Id));
        Assert.Equal("Error:MoveUnderItself", TreeRules.CheckParent(nodes, NodeKind.Area, sub.Id, movingId: area.Id));
        Assert.Null(TreeRules.CheckParent(nodes, NodeKind.Area, other.Id, movingId: area.Id));
        Assert.Equal(new[] { sub.Id, competency.Id }.Order(), TreeRules.Descendants(nodes, area.Id).Order());
    }

    [Fact]
    public void An_area_never_sits_under_a_competency_but_a_competency_may_hold_sub_competencies()
    {
        var competency = Node("C", NodeKind.Competency);
        var child = Node("C.1", NodeKind.Area, order: 1);

        Assert.Equal("Error:AreaUnderCompetency", TreeRules.CheckParent([competency, child], NodeKind.Area, competency.Id));
        Assert.Null(TreeRules.CheckParent([competency], NodeKind.Competency, competency.Id));
        Assert.Equal("Error:ParentNotFound", TreeRules.CheckParent([competency], NodeKind.Competency, Guid.NewGuid()));
    }

    [Fact]
    public void A_node_holding_areas_cannot_become_a_competency()
    {
        var area = Node("A", NodeKind.Area);
        var sub = Node("A.1", NodeKind.Area, area);

        Assert.Equal("Error:CompetencyCannotHoldAreas", TreeRules.CheckKindChange([area, sub], area, NodeKind.Competency));
        Assert.Null(TreeRules.CheckKindChange([area, sub], sub, NodeKind.Competency));
    }

    [Fact]
    public void Codes_are_unique_whatever_their_case_except_for_the_node_itself()
    {
        var node = Node("CP-1", NodeKind.Competency);

        Assert.True(TreeRules.CodeTaken([node], " cp-1 ", exceptId: null));
        Assert.False(TreeRules.CodeTaken([node], "CP-1", exceptId: node.Id));
        Assert.False(TreeRules.CodeTaken([node], "CP-2", exceptId: null));
    }

    [Fact]
    public void Placing_a_node_renumbers_its_new_and_old_siblings_without_gaps()
    {
        var left = Node("L", NodeKind.Area);
        var right = Node("R", NodeKind.Area, order: 1);
        var l1 = Node("L1", NodeKind.Competency, left, 0);
        var l2 = Node("L2", NodeKind.Competency, left, 1);
        var l3 = Node("L3", NodeKind.Competency, left, 2);
        var r1 = Node("R1", NodeKind.Competency, right, 0);
        List<CompetencyNode> nodes = [left, right, l1, l2, l3, r1];

        TreeRules.Place(nodes, l2, right.Id, position: 0);

        Assert.Equal(["L1", "L3"], TreeRules.Children(nodes, left.Id).Select(n => n.Code));
        Assert.Equal([0, 1], TreeRules.Children(nodes, left.Id).Select(n => n.Order));
        Assert.Equal(["L2", "R1"], TreeRules.Children(nodes, right.Id).Select(n => n.Code));
        Assert.Equal([0, 1], TreeRules.Children(nodes, right.Id).Select(n => n.Order));

        TreeRules.Place(nodes, r1, right.Id, position: 99);
        TreeRules.Place(nodes, l3, left.Id, position: 0);

        Assert.Equal(["L2", "R1"], TreeRules.Children(nodes, right.Id).Select(n => n.Code));
        Assert.Equal(["L3", "L1"], TreeRules.Children(nodes, left.Id).Select(n => n.Code));
    }
}

/// <summary>The rules of a proficiency scale.</summary>
public sealed class ScaleRulesTests
{
    [Fact]
    public void The_default_scale_has_five_named_levels_with_independent_as_the_threshold()
    {
        var scale = FrameworkRules.DefaultScale();

        Assert.Empty(FrameworkRules.CheckScale(scale));
        Assert.Equal(["Not yet", "Aware", "With supervision", "Independent", "Can guide others"], scale.Select(l => l.NameEn));
        Assert.Equal("Самостійно", scale.Single(l => l.IsThreshold).Name);
    }

    [Fact]
    public void A_scale_needs_exactly_one_threshold()
    {
        var none = FrameworkRules.DefaultScale();
        none.ForEach(l => l.IsThreshold = false);
        var two = FrameworkRules.DefaultScale();
        two[0].IsThreshold = true;

        Assert.Contains(FrameworkRules.CheckScale(none), e => e.Key == "Error:ScaleOneThreshold");
        Assert.Contains(FrameworkRules.CheckScale(two), e => e.Key == "Error:ScaleOneThreshold");
    }

    [Fact]
    public void Levels_need_names_that_differ_and_a_scale_needs_at_least_two_levels()
    {
        var scale = FrameworkRules.DefaultScale();
        scale[1].Name = " ";
        scale[2].Name = "ще НІ";

        var errors = FrameworkRules.CheckScale(scale);
        var single = FrameworkRules.CheckScale([new LevelInput { Name = "Так", IsThreshold = true }]);

        Assert.Contains(errors, e => e.Field == "Levels[1].Name" && e.Key == "Error:NameRequired");
        Assert.Contains(errors, e => e.Field == "Levels[2].Name" && e.Key == "Error:LevelNameRepeated");
        Assert.Contains(single, e => e.Key == "Error:ScaleLevelCount");
    }
}
