using Microsoft.AspNetCore.Identity;
using TrainingHub.Accounts.Domain;

namespace TrainingHub.Accounts.Services;

/// <summary>Only active people may sign in; deactivating someone keeps their history and blocks the door.</summary>
internal sealed class ActivePersonConfirmation : IUserConfirmation<ApplicationUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(user.IsActive);
}
