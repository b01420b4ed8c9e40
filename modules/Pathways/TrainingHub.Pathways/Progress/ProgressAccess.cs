using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Pathways.Progress;

/// <summary>Who may see a person's pathway and who may act on it, decided on the server for every call.</summary>
internal sealed class ProgressAccess(IAccessControl access, ICurrentUser currentUser, ISupervisionAssignments assignments)
{
    public Guid? Me => currentUser.UserId;

    /// <summary>
    /// The person themself; those assigned to them (supervisor, mentors, coach); and whoever holds the progress
    /// permission over their home unit.
    /// </summary>
    public async Task<bool> MayViewAsync(PersonContact person, CancellationToken cancellationToken)
    {
        if (Me is not { } me)
        {
            return false;
        }
        if (person.Id == me)
        {
            return access.HasPermission(PathwaysPermissions.Own);
        }
        return (access.HasPermission(PathwaysPermissions.ProgressView)
                && await access.IsGrantedAsync(PathwaysPermissions.ProgressView, person.HomeUnitId, cancellationToken))
            || (await assignments.CurrentAsync(person.Id, cancellationToken)).Includes(me);
    }

    /// <summary>
    /// Someone who holds the role and the sign-off permission, never for themself. A supervisor's sign-off is the person's
    /// own supervisor's where they have one; otherwise, and for other roles, the permission over the person's home unit decides.
    /// </summary>
    public async Task<bool> MaySignOffAsync(PersonContact person, string role, CancellationToken cancellationToken)
    {
        if (Me is not { } me || person.Id == me || !access.HasPermission(PathwaysPermissions.StagesSignOff) || !currentUser.Principal.IsInRole(role))
        {
            return false;
        }
        if (role == BuiltInRoles.Supervisor && (await assignments.CurrentAsync(person.Id, cancellationToken)).SupervisorId is { } supervisor)
        {
            return supervisor == me;
        }
        return await access.IsGrantedAsync(PathwaysPermissions.StagesSignOff, person.HomeUnitId, cancellationToken);
    }

    /// <summary>
    /// Never for oneself: the person's current supervisor, or the development approval permission over the person's home
    /// unit. Decides on training taken elsewhere and agrees yearly development plans.
    /// </summary>
    public async Task<bool> MayApproveDevelopmentAsync(PersonContact person, CancellationToken cancellationToken)
    {
        if (Me is not { } me || person.Id == me || !access.HasPermission(PathwaysPermissions.DevelopmentApprove))
        {
            return false;
        }
        return (await assignments.CurrentAsync(person.Id, cancellationToken)).SupervisorId == me
            || await access.IsGrantedAsync(PathwaysPermissions.DevelopmentApprove, person.HomeUnitId, cancellationToken);
    }

    public Task<bool> MayPlaceAsync(PersonContact person, CancellationToken cancellationToken) =>
        access.IsGrantedAsync(PathwaysPermissions.PlacementsManage, person.HomeUnitId, cancellationToken);

    public UnitScope Scope(string permission) => access.GetScope(permission);
}
