namespace TrainingHub.Organisations.Contracts;

/// <summary>
/// Reports of a unit (learning, supervision coverage) count what lies under it on lines: one for the unit itself, for
/// whoever works there directly, and one for each unit right under it, counting everything below that unit too.
/// </summary>
public static class UnitLines
{
    /// <summary>
    /// The line each unit of <paramref name="subtree"/> is counted on in a report of <paramref name="root"/>: the unit right
    /// under the root that it lies under, or the root itself. The subtree is the root and the units under it, as
    /// <see cref="IOrganisationDirectory.GetUnitsInAsync"/> gives them for the root's scope; a unit whose parent is not in it
    /// is counted on its own line.
    /// </summary>
    public static IReadOnlyDictionary<Guid, Guid> LinesUnder(this IEnumerable<OrganisationUnitSummary> subtree, Guid root)
    {
        var byId = subtree.ToDictionary(u => u.Id);
        return byId.Values.ToDictionary(u => u.Id, unit =>
        {
            var current = unit;
            while (current.Id != root && current.ParentId is { } parent && parent != root && byId.TryGetValue(parent, out var above))
            {
                current = above;
            }
            return current.Id;
        });
    }
}
