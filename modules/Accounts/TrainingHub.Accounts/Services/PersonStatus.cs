using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>Deactivating and reactivating people: their history stays, their sign-in stops (or starts again).</summary>
internal sealed class PersonStatus(IServiceScopeFactory scopes, RoleAssignments roles, IAccessControl access, ICurrentUser currentUser)
{
    /// <summary>
    /// True when the current user may manage people at the person's home unit and holds every permission the person
    /// holds; the same rule decides who may edit the profile and take roles away.
    /// </summary>
    public async Task<bool> CanManageAsync(Guid personId, Guid? homeUnitId, CancellationToken cancellationToken = default) =>
        await access.IsGrantedAsync(AccountPermissions.PeopleManage, homeUnitId, cancellationToken)
        && await roles.HoldsAllPermissionsOfAsync(personId, cancellationToken);

    /// <summary>Makes the person active or not; asking for what someone else has just done is simply done.</summary>
    public async Task<Result> SetActiveAsync(Guid personId, bool active, CancellationToken cancellationToken = default)
    {
        await using var work = IdentityWork.Begin(scopes);
        var users = work.Users;
        var person = await users.FindByIdAsync(personId.ToString());
        if (person is null)
        {
            return Error.NotFound;
        }
        if (!await access.IsGrantedAsync(AccountPermissions.PeopleManage, person.HomeUnitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        if (!await roles.HoldsAllPermissionsOfAsync(personId, cancellationToken))
        {
            return Error.Rule("People:Error:HoldsMorePermissions");
        }
        if (!active && person.Id == currentUser.UserId)
        {
            return Error.Rule("People:Error:CannotDeactivateSelf");
        }
        person.IsActive = active;
        // One save: the new security stamp ends the person's open sessions and API tokens at their next check.
        var saved = await users.UpdateSecurityStampAsync(person);
        return saved.Succeeded ? Result.Success() : Error.Conflict;
    }
}
