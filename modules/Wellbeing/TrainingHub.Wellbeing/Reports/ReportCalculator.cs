using TrainingHub.Wellbeing.Anonymity;

namespace TrainingHub.Wellbeing.Reports;

/// <summary>Why a figure is not shown.</summary>
internal enum HiddenBecause
{
    /// <summary>Fewer people answered than the minimum.</summary>
    TooFew,

    /// <summary>The people who answered differ by fewer than the minimum from another figure shown (another round, or the group without the filter).</summary>
    TooClose,

    /// <summary>Showing it would let a hidden group be worked out from the figures around it.</summary>
    WouldRevealHidden,
}

/// <summary>A scale's figures in a group: the mean score and the share of scores of 50 or more, unless hidden.</summary>
internal sealed record ScaleFigures(string Scale, decimal? Mean, int? HighPercent, HiddenBecause? Hidden);

/// <summary>A group's figures in one round: who was invited, and, unless hidden, how many answered and their scales.</summary>
internal sealed record GroupFigures(int Invited, int? Respondents, HiddenBecause? Hidden, IReadOnlyList<ScaleFigures> Scales)
{
    public int? ResponsePercent => Respondents is { } answered && Invited > 0
        ? (int)Math.Round(answered * 100m / Invited, MidpointRounding.AwayFromZero) : null;
}

/// <summary>Someone invited to a round, in the group fixed when it opened.</summary>
internal sealed record Invitee(Guid UnitId, Guid? PositionTypeId);

/// <summary>Someone who answered a round, with their scores. Used inside the calculation only; never shown.</summary>
internal sealed record Respondent(Guid PersonId, Guid UnitId, Guid? PositionTypeId, IReadOnlyDictionary<string, decimal> Scores);

internal sealed record RoundAnswers(Guid RoundId, IReadOnlyList<Invitee> Invited, IReadOnlyList<Respondent> Respondents);

/// <summary>
/// The aggregate figures of closed rounds for every unit of a schedule's tree, with the anonymity rules applied to each
/// figure (the overall count and each scale alike): a group is shown only with enough respondents after the filter; a
/// filtered group only when the people it leaves out are none or enough; a group's figures over rounds only when no two
/// shown differ by fewer than the minimum people; and under each shown unit, enough siblings hidden that no hidden one
/// can be worked out by subtraction.
/// </summary>
internal static class ReportCalculator
{
    private const string Everyone = "";

    /// <param name="parents">Each unit of the tree with its parent (the root's is outside the tree or null).</param>
    /// <param name="rounds">The rounds, oldest first.</param>
    /// <param name="highFrom">The score from which a scale counts as high.</param>
    public static IReadOnlyList<IReadOnlyDictionary<Guid, GroupFigures>> Calculate(
        Guid root, IReadOnlyDictionary<Guid, Guid?> parents, IReadOnlyList<RoundAnswers> rounds, IReadOnlyList<string> scales,
        int highFrom, Guid? positionTypeId, int minimum)
    {
        var children = parents.Where(p => p.Key != root && p.Value is { } parent && parents.ContainsKey(parent))
            .GroupBy(p => p.Value!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(p => p.Key).ToList());
        IReadOnlyList<Guid> ChildrenOf(Guid unit) => children.TryGetValue(unit, out var list) ? list : [];
        IEnumerable<Guid> Upwards(Guid unit) => UnitsCounting(root, parents, unit);
        bool Filtered(Guid? position) => positionTypeId is null || position == positionTypeId;
        string[] metrics = [Everyone, .. scales];

        // People per round, metric and unit (with those of the units under it): after the filter, and without it.
        var sets = rounds.Select(round => metrics.ToDictionary(m => m, m =>
        {
            var all = new Dictionary<Guid, HashSet<Guid>>();
            var filtered = new Dictionary<Guid, HashSet<Guid>>();
            foreach (var person in round.Respondents.Where(r => m == Everyone || r.Scores.ContainsKey(m)))
            {
                foreach (var unit in Upwards(person.UnitId))
                {
                    Add(all, unit, person.PersonId);
                    if (Filtered(person.PositionTypeId))
                    {
                        Add(filtered, unit, person.PersonId);
                    }
                }
            }
            return (All: all, Filtered: filtered);
        })).ToList();
        IReadOnlySet<Guid> People(Dictionary<Guid, HashSet<Guid>> byUnit, Guid unit) => byUnit.TryGetValue(unit, out var found) ? found : new HashSet<Guid>();

        // Which rounds each unit's figure may appear in, judged on its own: enough people, not too close to the group
        // without the filter, and not too close to any earlier round shown.
        var allowed = metrics.ToDictionary(m => m, m => parents.Keys.ToDictionary(unit => unit, unit =>
        {
            var filteredSets = sets.Select(s => People(s[m].Filtered, unit)).ToList();
            return AnonymityRules.ShownOverTime(filteredSets, i => AnonymityRules.MayShow(filteredSets[i].Count, minimum)
                && AnonymityRules.MayCompare(filteredSets[i], People(sets[i][m].All, unit), minimum), minimum);
        }));

        return rounds.Select((round, i) =>
        {
            int Count(string metric, Guid unit) => People(sets[i][metric].Filtered, unit).Count;
            var shownGroups = AnonymityRules.ShownInTree(root, ChildrenOf, u => Count(Everyone, u), u => allowed[Everyone][u][i], minimum);
            var shownScales = scales.ToDictionary(s => s, s => AnonymityRules.ShownInTree(
                root, ChildrenOf, u => Count(s, u), u => shownGroups.Contains(u) && allowed[s][u][i], minimum));
            var invited = new Dictionary<Guid, int>();
            foreach (var invitee in round.Invited.Where(p => Filtered(p.PositionTypeId)))
            {
                foreach (var unit in Upwards(invitee.UnitId))
                {
                    invited[unit] = invited.GetValueOrDefault(unit) + 1;
                }
            }
            var scores = round.Respondents.ToDictionary(r => r.PersonId, r => r.Scores);
            HiddenBecause? Why(string metric, Guid unit, IReadOnlySet<Guid> shown) =>
                shown.Contains(unit) ? null
                : !AnonymityRules.MayShow(Count(metric, unit), minimum) ? HiddenBecause.TooFew
                : !allowed[metric][unit][i] ? HiddenBecause.TooClose
                : HiddenBecause.WouldRevealHidden;
            return (IReadOnlyDictionary<Guid, GroupFigures>)parents.Keys.ToDictionary(unit => unit, unit =>
            {
                var shown = shownGroups.Contains(unit);
                var scaleFigures = scales.Select(s =>
                {
                    if (!shownScales[s].Contains(unit))
                    {
                        return new ScaleFigures(s, null, null, shown ? Why(s, unit, shownScales[s]) : Why(Everyone, unit, shownGroups));
                    }
                    var values = People(sets[i][s].Filtered, unit).Select(p => scores[p][s]).ToList();
                    return new ScaleFigures(s, Math.Round(values.Average(), 1, MidpointRounding.AwayFromZero),
                        (int)Math.Round(values.Count(v => v >= highFrom) * 100m / values.Count, MidpointRounding.AwayFromZero), null);
                }).ToList();
                return new GroupFigures(invited.GetValueOrDefault(unit), shown ? Count(Everyone, unit) : null, Why(Everyone, unit, shownGroups), scaleFigures);
            });
        }).ToList();
    }

    /// <summary>
    /// How many answered a round in a unit (with the units under it) after the filter, counted as
    /// <see cref="Calculate"/> counts them whether or not the figure is shown: for the rules among units reported apart
    /// (see <see cref="WellbeingFigures"/>). Never shown itself.
    /// </summary>
    public static int Answered(Guid root, IReadOnlyDictionary<Guid, Guid?> parents, RoundAnswers round, Guid? positionTypeId, Guid unit) =>
        round.Respondents.Where(r => (positionTypeId is null || r.PositionTypeId == positionTypeId) && UnitsCounting(root, parents, r.UnitId).Contains(unit))
            .Select(r => r.PersonId).Distinct().Count();

    /// <summary>The units whose figures count someone of the given unit: it and those above it up to the root.</summary>
    private static IEnumerable<Guid> UnitsCounting(Guid root, IReadOnlyDictionary<Guid, Guid?> parents, Guid unit)
    {
        // A unit no longer in the tree counts at the root only.
        if (!parents.ContainsKey(unit))
        {
            yield return root;
            yield break;
        }
        for (Guid? current = unit; current is { } id && parents.ContainsKey(id); current = id == root ? null : parents[id])
        {
            yield return id;
        }
    }

    private static void Add(Dictionary<Guid, HashSet<Guid>> byUnit, Guid unit, Guid person)
    {
        if (!byUnit.TryGetValue(unit, out var people))
        {
            byUnit[unit] = people = [];
        }
        people.Add(person);
    }
}
