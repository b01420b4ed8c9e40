using TrainingHub.Competencies.Domain;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// The shape rules of a version's tree, worked out on the version's nodes in memory (a framework has tens or hundreds
/// of nodes): no cycles, areas never under competencies, codes unique, siblings numbered 0, 1, 2… without gaps.
/// </summary>
internal static class TreeRules
{
    /// <summary>The ids of every node under the given node, not including it.</summary>
    public static HashSet<Guid> Descendants(IReadOnlyCollection<CompetencyNode> nodes, Guid id)
    {
        var children = nodes.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var found = new HashSet<Guid>();
        var pending = new Stack<Guid>([id]);
        while (pending.TryPop(out var current))
        {
            foreach (var child in children[current])
            {
                if (found.Add(child.Id))
                {
                    pending.Push(child.Id);
                }
            }
        }
        return found;
    }

    /// <summary>Why a node of a kind cannot sit under a parent, or null when it can.</summary>
    public static string? CheckParent(IReadOnlyCollection<CompetencyNode> nodes, NodeKind kind, Guid? parentId, Guid? movingId = null)
    {
        if (parentId is not { } id)
        {
            return null;
        }
        var parent = nodes.SingleOrDefault(n => n.Id == id);
        if (parent is null)
        {
            return "Error:ParentNotFound";
        }
        if (movingId is { } moving && (id == moving || Descendants(nodes, moving).Contains(id)))
        {
            return "Error:MoveUnderItself";
        }
        return kind == NodeKind.Area && parent.Kind == NodeKind.Competency ? "Error:AreaUnderCompetency" : null;
    }

    /// <summary>Why a node cannot become the given kind where it stands, or null when it can.</summary>
    public static string? CheckKindChange(IReadOnlyCollection<CompetencyNode> nodes, CompetencyNode node, NodeKind kind)
    {
        if (kind == node.Kind)
        {
            return null;
        }
        if (kind == NodeKind.Competency && nodes.Any(n => n.ParentId == node.Id && n.Kind == NodeKind.Area))
        {
            return "Error:CompetencyCannotHoldAreas";
        }
        return CheckParent(nodes, kind, node.ParentId);
    }

    public static bool CodeTaken(IEnumerable<CompetencyNode> nodes, string code, Guid? exceptId)
    {
        var normalized = CompetencyFramework.Normalize(code);
        return nodes.Any(n => n.NormalizedCode == normalized && n.Id != exceptId);
    }

    /// <summary>The children of a parent (null: the top level) in their order.</summary>
    public static List<CompetencyNode> Children(IEnumerable<CompetencyNode> nodes, Guid? parentId) =>
        nodes.Where(n => n.ParentId == parentId).OrderBy(n => n.Order).ThenBy(n => n.Code, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Puts a node under a parent at a position among its new siblings (clamped; null: last) and numbers both the old
    /// and the new siblings again. Check <see cref="CheckParent"/> first.
    /// </summary>
    public static void Place(IReadOnlyCollection<CompetencyNode> nodes, CompetencyNode node, Guid? parentId, int? position)
    {
        var oldParentId = node.ParentId;
        var siblings = Children(nodes.Where(n => n.Id != node.Id), parentId);
        siblings.Insert(Math.Clamp(position ?? siblings.Count, 0, siblings.Count), node);
        node.ParentId = parentId;
        Renumber(siblings);
        if (oldParentId != parentId)
        {
            Renumber(Children(nodes.Where(n => n.Id != node.Id), oldParentId));
        }
    }

    /// <summary>Sets orders 0, 1, 2… changing only the nodes whose order differs.</summary>
    public static void Renumber(IReadOnlyList<CompetencyNode> siblings)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            if (siblings[i].Order != i)
            {
                siblings[i].Order = i;
            }
        }
    }
}
