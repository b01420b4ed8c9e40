using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Builds the signed-in identity: the person's name, the roles they hold, and one grant claim per
/// permission and unit, which is what every authorisation check reads; and whether the person still has to turn
/// on two-factor sign-in before using the app.
/// </summary>
internal sealed class PermissionClaimsFactory(
    UserManager<ApplicationUser> userManager, IOptions<IdentityOptions> options, IDbContextFactory<AccountsDbContext> dbFactory, ModuleCatalog catalog)
    : UserClaimsPrincipalFactory<ApplicationUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountClaimTypes.FullName, user.FullName));
        await using var db = dbFactory.CreateDbContext();
        var held = await HeldRoles.ReadAsync(db, user.Id);
        identity.AddClaims(held.RoleNames.Select(name => new Claim(ClaimTypes.Role, name)));
        identity.AddClaims(held.Grants.Select(g => g.ToClaim()));
        if (!user.TwoFactorEnabled && TwoFactorSetup.IsRequiredFor(held.Grants, catalog))
        {
            identity.AddClaim(new Claim(AccountClaimTypes.TwoFactorSetupRequired, "true"));
        }
        return identity;
    }
}
