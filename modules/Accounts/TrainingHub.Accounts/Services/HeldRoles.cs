using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Data;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>What a person holds: the names of their roles and one grant per permission and unit those roles give.</summary>
internal sealed record HeldRoles(IReadOnlyList<string> RoleNames, IReadOnlyList<PermissionGrant> Grants)
{
    /// <summary>
    /// The one reading of a person's roles, so that the signed-in identity and the two-factor rule never disagree on
    /// what someone holds.
    /// </summary>
    public static async Task<HeldRoles> ReadAsync(AccountsDbContext db, Guid userId, CancellationToken cancellationToken = default)
    {
        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(cancellationToken);
        var roleIds = assignments.Select(a => a.RoleId).Distinct().ToList();
        var roleNames = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).Select(r => r.Name!).ToListAsync(cancellationToken);
        var permissions = (await db.RoleClaims.AsNoTracking()
                .Where(c => roleIds.Contains(c.RoleId) && c.ClaimType == AccountsDbContext.PermissionClaimType)
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.RoleId, c => c.ClaimValue!);
        var grants = assignments
            .SelectMany(a => permissions[a.RoleId].Select(p => new PermissionGrant(p, a.UnitId)))
            .Distinct()
            .ToList();
        return new(roleNames.Distinct().ToList(), grants);
    }
}
