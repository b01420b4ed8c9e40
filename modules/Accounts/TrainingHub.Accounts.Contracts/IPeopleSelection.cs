namespace TrainingHub.Accounts.Contracts;

/// <summary>A person as a list of people to act on shows them.</summary>
public sealed record SelectedPerson(Guid Id, string FullName, Guid? HomeUnitId, Guid? PositionTypeId, bool IsActive);

/// <summary>
/// Which people to find; every criterion given must hold. Null means "any" for that criterion, an empty list matches nobody.
/// </summary>
/// <param name="HomeUnitIds">People whose home unit is one of these (pass a whole subtree to include sub-units).</param>
/// <param name="Search">Part of the full name (Ukrainian or Latin), in any case.</param>
/// <param name="ActiveOnly">Leave out deactivated people.</param>
/// <param name="Limit">At most this many, by name; null for all.</param>
public sealed record PeopleCriteria(
    IReadOnlyCollection<Guid>? HomeUnitIds = null,
    Guid? PositionTypeId = null,
    IReadOnlyCollection<Guid>? PersonIds = null,
    string? Search = null,
    bool ActiveOnly = false,
    int? Limit = null);

/// <summary>Someone who holds a permission at a unit (and so over everything under it), or everywhere when <see cref="UnitId"/> is null.</summary>
public sealed record PermissionHolder(Guid PersonId, Guid? UnitId);

/// <summary>
/// Finds groups of people for other modules: to enrol a unit or everyone in a position, to name the people in a list,
/// and to find who holds a permission (such as supervisors to tell about their learners). It checks no permission: the
/// calling module narrows the criteria to what the current user may act on.
/// </summary>
public interface IPeopleSelection
{
    Task<IReadOnlyList<SelectedPerson>> FindAsync(PeopleCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>Active people holding the permission through any of their roles, once per unit they hold it at.</summary>
    Task<IReadOnlyList<PermissionHolder>> FindHoldersAsync(string permission, CancellationToken cancellationToken = default);
}
