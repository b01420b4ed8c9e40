namespace TrainingHub.SharedKernel.Security;

/// <summary>Where a user may exercise a permission: everywhere, or in the subtrees under some units.</summary>
public sealed class UnitScope
{
    private UnitScope(bool everywhere, IReadOnlySet<Guid> roots)
    {
        IsEverywhere = everywhere;
        Roots = roots;
    }

    public static UnitScope Everywhere { get; } = new(true, new HashSet<Guid>());
    public static UnitScope Nowhere { get; } = new(false, new HashSet<Guid>());

    public static UnitScope Under(IEnumerable<Guid> roots)
    {
        var set = roots.ToHashSet();
        return set.Count == 0 ? Nowhere : new UnitScope(false, set);
    }

    public bool IsEverywhere { get; }

    /// <summary>The units whose subtrees are in scope; empty when <see cref="IsEverywhere"/>.</summary>
    public IReadOnlySet<Guid> Roots { get; }

    public bool IsEmpty => !IsEverywhere && Roots.Count == 0;

    /// <summary>True when a unit whose ancestry (itself first, then its parents) is given lies in scope.</summary>
    public bool Contains(IEnumerable<Guid> unitAncestry) => IsEverywhere || unitAncestry.Any(Roots.Contains);
}
