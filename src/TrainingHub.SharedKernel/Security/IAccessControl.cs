namespace TrainingHub.SharedKernel.Security;

/// <summary>
/// The one place where services and pages ask whether the current user may do something, and where.
/// Every check runs on the server; hiding a button is never the only guard.
/// </summary>
public interface IAccessControl
{
    /// <summary>True when the user holds the permission at any unit.</summary>
    bool HasPermission(string permission);

    /// <summary>True when the user holds the permission at the unit or at one of its ancestors.</summary>
    Task<bool> IsGrantedAsync(string permission, Guid unitId, CancellationToken cancellationToken = default);

    /// <summary>
    /// For things that may belong to no unit (a person without a home unit): with a unit as above, without one only
    /// when the user holds the permission everywhere.
    /// </summary>
    async Task<bool> IsGrantedAsync(string permission, Guid? unitId, CancellationToken cancellationToken = default) =>
        unitId is { } id ? await IsGrantedAsync(permission, id, cancellationToken) : GetScope(permission).IsEverywhere;

    /// <summary>The units under which the user holds the permission.</summary>
    UnitScope GetScope(string permission);
}

internal sealed class AccessControl(ICurrentUser currentUser, IUnitHierarchy hierarchy) : IAccessControl
{
    public bool HasPermission(string permission) => !GetScope(permission).IsEmpty;

    public async Task<bool> IsGrantedAsync(string permission, Guid unitId, CancellationToken cancellationToken = default)
    {
        var scope = GetScope(permission);
        if (scope.IsEmpty)
        {
            return false;
        }
        var ancestry = await hierarchy.GetAncestryAsync(unitId, cancellationToken);
        return ancestry.Count > 0 && scope.Contains(ancestry);
    }

    public UnitScope GetScope(string permission)
    {
        if (!currentUser.IsAuthenticated)
        {
            return UnitScope.Nowhere;
        }
        var grants = currentUser.Grants.Where(g => g.Permission == permission).ToList();
        return grants.Any(g => g.UnitId is null)
            ? UnitScope.Everywhere
            : UnitScope.Under(grants.Select(g => g.UnitId!.Value));
    }
}
