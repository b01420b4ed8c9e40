namespace TrainingHub.Competencies.Exchange;

/// <summary>An item as a reader found it, where it found it, and where it goes among its siblings.</summary>
internal sealed record DraftItem(FrameworkItem Item, ProblemPlace Place, long SortKey);

/// <summary>Decides whether an item is an area once its depth (1 at the top) and whether it has children are known.</summary>
internal delegate bool AreaRule(FrameworkItem item, int depth, bool hasChildren);

/// <summary>
/// The rules every imported framework obeys, whatever its format: codes present and unique, parents that exist, no
/// cycles, areas only under areas, a scale with a proficiency threshold. It also puts the items in tree order.
/// Every problem is reported, not only the first.
/// </summary>
internal static class FrameworkAssembly
{
    /// <summary>Top-level items that have children are areas: the usual layout of files that do not say.</summary>
    public static readonly AreaRule GroupsAtTopAreAreas = (_, depth, hasChildren) => depth == 1 && hasChildren;

    public static FrameworkReadResult Assemble(
        FrameworkDocument framework, ProblemPlace frameworkPlace, ProblemPlace scalePlace, IReadOnlyList<DraftItem> drafts,
        AreaRule? areaRule, List<ExchangeProblem> errors, List<ExchangeProblem> warnings)
    {
        CheckFramework(framework, frameworkPlace, errors);
        var scale = CheckScale(framework.Scale, scalePlace, errors);

        var byCode = new Dictionary<string, DraftItem>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var item = draft.Item;
            if (item.Code.Length == 0)
            {
                errors.Add(new ExchangeProblem("Exchange:Error:EmptyCode", draft.Place));
                continue;
            }
            if (item.ShortNameUk.Length == 0)
            {
                errors.Add(new ExchangeProblem("Exchange:Error:EmptyName", draft.Place, item.Code));
            }
            if (!byCode.TryAdd(item.Code, draft))
            {
                var first = byCode[item.Code].Place;
                errors.Add(new ExchangeProblem("Exchange:Error:DuplicateCode", draft.Place, item.Code, (object?)first.Line ?? first.Identifier ?? ""));
            }
        }
        foreach (var draft in byCode.Values.Where(d => d.Item.ParentCode is { } parent && !byCode.ContainsKey(parent)))
        {
            errors.Add(new ExchangeProblem("Exchange:Error:UnknownParent", draft.Place, draft.Item.Code, draft.Item.ParentCode!));
        }
        var depths = WalkParents(byCode, errors);
        if (depths.Where(d => d.Value > ExchangeFile.MaxDepth).Select(d => byCode[d.Key]).MinBy(d => d.SortKey) is { } tooDeep)
        {
            errors.Add(new ExchangeProblem("Exchange:Error:TooDeep", tooDeep.Place, tooDeep.Item.Code, ExchangeFile.MaxDepth));
            return new FrameworkReadResult(null, errors, warnings);
        }

        var items = InTreeOrder(byCode, areaRule);
        var placed = items.ToDictionary(i => i.Code);
        foreach (var item in items.Where(i => i.IsArea && i.ParentCode is { } parent && byCode.ContainsKey(parent)))
        {
            if (!placed[item.ParentCode!].IsArea)
            {
                errors.Add(new ExchangeProblem("Exchange:Error:AreaInsideCompetency", byCode[item.Code].Place, item.Code, item.ParentCode!));
            }
        }
        items = [.. items.Select(item => item with { RelatedCodes = KnownRelated(item, byCode, warnings) })];
        if (items.Count == 0)
        {
            warnings.Add(new ExchangeProblem("Exchange:Warning:NoCompetencies", frameworkPlace));
        }
        return new FrameworkReadResult(framework with { Scale = scale, Items = items }, errors, warnings);
    }

    private static void CheckFramework(FrameworkDocument framework, ProblemPlace place, List<ExchangeProblem> errors)
    {
        if (framework.Code.Length == 0)
        {
            errors.Add(new ExchangeProblem("Exchange:Error:EmptyFrameworkCode", place));
        }
        if (framework.NameUk.Length == 0)
        {
            errors.Add(new ExchangeProblem("Exchange:Error:EmptyFrameworkName", place));
        }
    }

    /// <summary>The scale with a default level: when the file names none, the threshold is the default.</summary>
    private static IReadOnlyList<ScaleLevel> CheckScale(IReadOnlyList<ScaleLevel> scale, ProblemPlace place, List<ExchangeProblem> errors)
    {
        if (scale.Count == 0)
        {
            errors.Add(new ExchangeProblem("Exchange:Error:ScaleMissing", place));
            return scale;
        }
        if (scale.Any(l => l.NameUk.Length == 0))
        {
            errors.Add(new ExchangeProblem("Exchange:Error:ScaleLevelWithoutName", place));
        }
        var thresholds = scale.Count(l => l.IsProficiencyThreshold);
        if (thresholds != 1)
        {
            errors.Add(new ExchangeProblem(thresholds == 0 ? "Exchange:Error:ScaleNoThreshold" : "Exchange:Error:ScaleSeveralThresholds", place));
            return scale;
        }
        var defaultIndex = scale.ToList().FindIndex(l => l.IsDefault);
        if (defaultIndex < 0)
        {
            defaultIndex = scale.ToList().FindIndex(l => l.IsProficiencyThreshold);
        }
        return [.. scale.Select((l, i) => l with { IsDefault = i == defaultIndex })];
    }

    /// <summary>
    /// Follows each item's parent links up once, so the work grows with the file however deep its chains are and in
    /// whatever order they are listed. Reports each cycle once, at the first of its items in the file, and gives every
    /// item outside a cycle its depth: 1 at the top, or under a parent the file does not have (reported already).
    /// </summary>
    private static Dictionary<string, int> WalkParents(Dictionary<string, DraftItem> byCode, List<ExchangeProblem> errors)
    {
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        var cyclic = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in byCode.Keys)
        {
            var path = new List<string>();
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            int? depth = 0;
            var code = start;
            while (code is not null && byCode.TryGetValue(code, out var draft))
            {
                if (depths.TryGetValue(code, out var known))
                {
                    depth = known;
                    break;
                }
                if (cyclic.Contains(code))
                {
                    depth = null;
                    break;
                }
                if (onPath.TryGetValue(code, out var seenAt))
                {
                    var cycle = path[seenAt..];
                    var first = cycle.MinBy(c => byCode[c].SortKey)!;
                    errors.Add(new ExchangeProblem("Exchange:Error:Cycle", byCode[first].Place, first,
                        string.Join(" → ", cycle.Append(cycle[0]))));
                    depth = null;
                    break;
                }
                onPath[code] = path.Count;
                path.Add(code);
                code = draft.Item.ParentCode;
            }
            // Items that lead into a cycle have no depth either; they are listed after the tree.
            for (var i = path.Count - 1; i >= 0; i--)
            {
                if (depth is null)
                {
                    cyclic.Add(path[i]);
                }
                else
                {
                    depth++;
                    depths[path[i]] = depth.Value;
                }
            }
        }
        return depths;
    }

    /// <summary>
    /// Depth first from the top, siblings by their sort key, numbered from 1. Items the tree cannot reach (in a cycle
    /// or under an unknown parent) come last, so that a preview of a broken file still lists them. A stack rather than
    /// recursion, so the walk never depends on the call stack.
    /// </summary>
    private static List<FrameworkItem> InTreeOrder(Dictionary<string, DraftItem> byCode, AreaRule? areaRule)
    {
        var children = byCode.Values
            .GroupBy(d => d.Item.ParentCode is { } parent && byCode.ContainsKey(parent) ? parent : "")
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.SortKey).ToList());
        var ordered = new List<FrameworkItem>();
        var visited = new HashSet<string>();
        var pending = new Stack<(DraftItem Draft, int Order, int Depth)>();
        void PushInReverse(List<DraftItem> siblings, int depth)
        {
            for (var i = siblings.Count - 1; i >= 0; i--)
            {
                pending.Push((siblings[i], i + 1, depth));
            }
        }

        PushInReverse(children.GetValueOrDefault("", []).Where(d => d.Item.ParentCode is null).ToList(), 1);
        while (pending.TryPop(out var next))
        {
            var (draft, order, depth) = next;
            if (!visited.Add(draft.Item.Code))
            {
                continue;
            }
            var kids = children.GetValueOrDefault(draft.Item.Code, []);
            var item = draft.Item with { Order = order };
            if (areaRule is not null)
            {
                item = item with { IsArea = areaRule(item, depth, kids.Count > 0) };
            }
            ordered.Add(item);
            PushInReverse(kids, depth + 1);
        }
        ordered.AddRange(byCode.Values.Where(d => !visited.Contains(d.Item.Code)).OrderBy(d => d.SortKey).Select(d => d.Item));
        return ordered;
    }

    private static IReadOnlyList<string> KnownRelated(FrameworkItem item, Dictionary<string, DraftItem> byCode, List<ExchangeProblem> warnings)
    {
        var known = new List<string>();
        foreach (var related in item.RelatedCodes.Where(r => r != item.Code).Distinct())
        {
            if (byCode.ContainsKey(related))
            {
                known.Add(related);
            }
            else
            {
                warnings.Add(new ExchangeProblem("Exchange:Warning:UnknownRelated", byCode[item.Code].Place, item.Code, related));
            }
        }
        return known;
    }
}
