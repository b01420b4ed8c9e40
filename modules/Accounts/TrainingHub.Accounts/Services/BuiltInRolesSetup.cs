using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Makes sure the built-in roles exist and hands each permission no installation has seen before to the
/// roles its module names as default holders.
/// </summary>
internal sealed class BuiltInRolesSetup(IDbContextFactory<AccountsDbContext> dbFactory, ModuleCatalog catalog) : IModuleInitializer
{
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, cancellationToken);
        foreach (var name in BuiltInRoles.All.Where(n => !roles.ContainsKey(n)))
        {
            var role = new ApplicationRole(name) { NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(role);
            roles[name] = role;
        }
        var known = (await db.KnownPermissions.Select(p => p.Name).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var permission in catalog.Permissions.Where(p => !known.Contains(p.Name)))
        {
            foreach (var roleName in permission.GrantedByDefaultTo)
            {
                var claim = new Claim(AccountsDbContext.PermissionClaimType, permission.Name);
                db.RoleClaims.Add(new() { RoleId = roles[roleName].Id, ClaimType = claim.Type, ClaimValue = claim.Value });
            }
            db.KnownPermissions.Add(new KnownPermission { Name = permission.Name });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
