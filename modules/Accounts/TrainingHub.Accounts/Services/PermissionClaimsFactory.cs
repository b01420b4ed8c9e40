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
        var claims = (await GetRoleAndGrantClaimsAsync(user.Id)).ToList();
        identity.AddClaims(claims);
        if (!user.TwoFactorEnabled && TwoFactorSetup.IsRequiredFor(PermissionGrant.From(new ClaimsPrincipal(identity)), catalog))
        {
            identity.AddClaim(new Claim(AccountClaimTypes.TwoFactorSetupRequired, "true"));
        }
        return identity;
    }

    private async Task<IEnumerable<Claim>> GetRoleAndGrantClaimsAsync(Guid userId)
    {
        await using var db = dbFactory.CreateDbContext();
        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == userId).ToListAsync();
        var roleIds = assignments.Select(a => a.RoleId).Distinct().ToList();
        var roleNames = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name!);
        var permissions = (await db.RoleClaims.AsNoTracking()
                .Where(c => roleIds.Contains(c.RoleId) && c.ClaimType == AccountsDbContext.PermissionClaimType)
                .ToListAsync())
            .ToLookup(c => c.RoleId, c => c.ClaimValue!);

        var roles = roleNames.Values.Distinct().Select(name => new Claim(ClaimTypes.Role, name));
        var grants = assignments
            .SelectMany(a => permissions[a.RoleId].Select(p => new PermissionGrant(p, a.UnitId)))
            .Distinct()
            .Select(g => g.ToClaim());
        return roles.Concat(grants);
    }
}
