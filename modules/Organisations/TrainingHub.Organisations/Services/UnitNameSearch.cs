namespace TrainingHub.Organisations.Services;

/// <summary>Finding units by name or code in the tree: the matches, and their ancestors so each match shows where it sits.</summary>
internal static class UnitNameSearch
{
    public static string Normalize(string term) => term.Trim().ToUpperInvariant();

    public static bool Matches(UnitNode unit, string normalizedTerm) =>
        unit.Name.ToUpperInvariant().Contains(normalizedTerm, StringComparison.Ordinal)
        || (unit.NameEn?.ToUpperInvariant().Contains(normalizedTerm, StringComparison.Ordinal) ?? false)
        || (unit.KatottgCode?.Contains(normalizedTerm, StringComparison.Ordinal) ?? false);

    /// <summary>Ids of the units to show for a search: every match and every ancestor of a match.</summary>
    public static HashSet<Guid> Filter(IReadOnlyList<UnitNode> units, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return units.Select(u => u.Id).ToHashSet();
        }
        var normalized = Normalize(term);
        var byId = units.ToDictionary(u => u.Id);
        var shown = new HashSet<Guid>();
        foreach (var match in units.Where(u => Matches(u, normalized)))
        {
            for (UnitNode? unit = match; unit is not null && shown.Add(unit.Id);)
            {
                unit = unit.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent) ? parent : null;
            }
        }
        return shown;
    }
}
