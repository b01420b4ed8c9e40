namespace TrainingHub.Organisations.Services;

internal static class Subtree
{
    /// <summary>The items under (and including) the given roots, walking parent links in memory.</summary>
    public static List<T> Under<T>(IReadOnlyList<T> all, Func<T, Guid> id, Func<T, Guid?> parentId, IEnumerable<Guid> roots)
    {
        var children = all.Where(u => parentId(u) is not null).ToLookup(u => parentId(u)!.Value);
        var rootSet = roots.ToHashSet();
        var result = new List<T>();
        var pending = new Queue<T>(all.Where(u => rootSet.Contains(id(u))));
        while (pending.TryDequeue(out var item))
        {
            result.Add(item);
            foreach (var child in children[id(item)])
            {
                pending.Enqueue(child);
            }
        }
        return result;
    }
}
