using Microsoft.AspNetCore.Identity;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>Deactivating and reactivating people: their history stays, their sign-in stops (or starts again).</summary>
internal sealed class PersonStatus(UserManager<ApplicationUser> users, IAccessControl access, ICurrentUser currentUser)
{
    /// <summary>True when the current user may deactivate or reactivate the person with this home unit.</summary>
    public Task<bool> CanManageAsync(Guid? homeUnitId, CancellationToken cancellationToken = default) =>
        access.IsGrantedAsync(AccountPermissions.PeopleManage, homeUnitId, cancellationToken);

    public async Task<Result> SetActiveAsync(Guid personId, bool active, CancellationToken cancellationToken = default)
    {
        var person = await users.FindByIdAsync(personId.ToString());
        if (person is null)
        {
            return Error.NotFound;
        }
        if (!await CanManageAsync(person.HomeUnitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        if (!active && person.Id == currentUser.UserId)
        {
            return Error.Rule("People:Error:CannotDeactivateSelf");
        }
        person.IsActive = active;
        await users.UpdateAsync(person);
        // A new stamp ends the person's open sessions at their next check.
        await users.UpdateSecurityStampAsync(person);
        return Result.Success();
    }
}
