namespace TrainingHub.Wellbeing.Anonymity;

/// <summary>A group of a report: its respondents counted, including those of the groups under it.</summary>
internal sealed record GroupCount(Guid Id, int Respondents);

/// <summary>
/// When an aggregate of answers may be shown without singling anyone out (see the wellbeing notes): a group needs at
/// least the minimum number of respondents; under a shown parent, the parent less the shown children must be nobody or
/// at least the minimum too, so hidden groups cannot be worked out by subtraction; filters are combined first and the
/// combination must reach the minimum; and two groups or periods whose respondents differ by fewer than the minimum
/// people are not compared.
/// </summary>
internal static class AnonymityRules
{
    public const int DefaultMinimum = 5;

    /// <summary>No setting can bring the minimum lower than this.</summary>
    public const int Floor = 3;

    /// <summary>The minimum in force: the one set, never below <see cref="Floor"/>, or the default.</summary>
    public static int Minimum(int? configured) => Math.Max(Floor, configured ?? DefaultMinimum);

    /// <summary>Whether a group (or a combination of filters, counted together) has enough respondents to be shown.</summary>
    public static bool MayShow(int respondents, int minimum) => respondents >= minimum;

    /// <summary>
    /// The children of a parent that may be shown. Those under the minimum are hidden; then, while the people not in a
    /// shown child (the hidden children and the parent's own) are more than nobody but fewer than the minimum, the
    /// smallest shown child is hidden as well. Nothing is shown under a parent that is itself too small.
    /// </summary>
    public static IReadOnlySet<Guid> ShownChildren(int parentRespondents, IReadOnlyList<GroupCount> children, int minimum)
    {
        if (!MayShow(parentRespondents, minimum))
        {
            return new HashSet<Guid>();
        }
        var shown = children.Where(c => MayShow(c.Respondents, minimum)).OrderBy(c => c.Respondents).ThenBy(c => c.Id).ToList();
        while (shown.Count > 0 && parentRespondents - shown.Sum(c => c.Respondents) is > 0 and var rest && rest < minimum)
        {
            shown.RemoveAt(0);
        }
        return shown.Select(c => c.Id).ToHashSet();
    }

    /// <summary>
    /// Whether figures of two groups or periods may be set side by side as a change: the same respondents, or respondents
    /// differing by at least the minimum, so that no small set of people's answers shows as the difference.
    /// </summary>
    public static bool MayCompare(IReadOnlySet<Guid> first, IReadOnlySet<Guid> second, int minimum)
    {
        var differing = first.Count(p => !second.Contains(p)) + second.Count(p => !first.Contains(p));
        return differing == 0 || differing >= minimum;
    }

    /// <summary>
    /// Which of a group's figures over time may be shown (oldest first): each needs to be shown at all, and its people
    /// must not be too close to those of any figure shown before it, so that no two shown figures differ by a few people.
    /// </summary>
    public static IReadOnlyList<bool> ShownOverTime(IReadOnlyList<IReadOnlySet<Guid>> respondents, Func<int, bool> mayShow, int minimum)
    {
        var shown = new List<IReadOnlySet<Guid>>();
        return respondents.Select((people, i) =>
        {
            if (!mayShow(i) || shown.Any(earlier => !MayCompare(earlier, people, minimum)))
            {
                return false;
            }
            shown.Add(people);
            return true;
        }).ToList();
    }

    /// <summary>
    /// The groups of a tree that may be shown, from the top down: the root when it has enough respondents and is allowed;
    /// under every shown group, the children <see cref="ShownChildren"/> lets through, a child not allowed counting as
    /// hidden. Nothing under a hidden group is shown.
    /// </summary>
    public static IReadOnlySet<Guid> ShownInTree(
        Guid root, Func<Guid, IReadOnlyList<Guid>> childrenOf, Func<Guid, int> respondents, Func<Guid, bool> allowed, int minimum)
    {
        var shown = new HashSet<Guid>();
        if (!allowed(root) || !MayShow(respondents(root), minimum))
        {
            return shown;
        }
        var waiting = new Queue<Guid>([root]);
        shown.Add(root);
        while (waiting.TryDequeue(out var parent))
        {
            var children = childrenOf(parent).Select(c => new GroupCount(c, allowed(c) ? respondents(c) : 0)).ToList();
            foreach (var child in ShownChildren(respondents(parent), children, minimum))
            {
                shown.Add(child);
                waiting.Enqueue(child);
            }
        }
        return shown;
    }
}
