using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Audit.Contracts;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

internal sealed record RoleSummary(Guid Id, string Name, bool IsBuiltIn, int PermissionCount, int HolderCount);

internal sealed record RoleDetails(Guid Id, string Name, bool IsBuiltIn, IReadOnlySet<string> Permissions, int HolderCount, string Version);

internal sealed record RoleChoice(Guid Id, string Name, bool IsBuiltIn);

/// <summary>
/// Roles as named sets of permissions. Administrators (whoever manages roles everywhere) create roles, choose their
/// permissions and delete the ones they made; the built-in roles can be changed but not renamed or deleted.
/// A change reaches the people holding the role at their next page load, within a minute.
/// </summary>
internal sealed class RoleAdministration(
    IDbContextFactory<AccountsDbContext> dbFactory, IAccessControl access, ModuleCatalog catalog, IAuditTrail audit)
{
    public const int MaxNameLength = 100;

    private bool Allowed => access.GetScope(AccountPermissions.RolesManage).IsEverywhere;

    public async Task<Result<IReadOnlyList<RoleSummary>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!Allowed)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var roles = await db.Roles.AsNoTracking()
            .Select(r => new
            {
                r.Id, r.Name,
                Permissions = db.RoleClaims.Count(c => c.RoleId == r.Id && c.ClaimType == AccountsDbContext.PermissionClaimType),
                Holders = db.RoleAssignments.Where(a => a.RoleId == r.Id).Select(a => a.UserId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);
        return roles.Select(r => new RoleSummary(r.Id, r.Name!, BuiltInRoles.All.Contains(r.Name!), r.Permissions, r.Holders))
            .OrderBy(r => !r.IsBuiltIn).ThenBy(r => r.IsBuiltIn ? BuiltInRoles.All.ToList().IndexOf(r.Name) : 0).ThenBy(r => r.Name)
            .ToList();
    }

    public async Task<Result<RoleDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!Allowed)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var role = await db.Roles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (role is null)
        {
            return Error.NotFound;
        }
        var permissions = await db.RoleClaims.AsNoTracking()
            .Where(c => c.RoleId == id && c.ClaimType == AccountsDbContext.PermissionClaimType)
            .Select(c => c.ClaimValue!).ToListAsync(cancellationToken);
        var holders = await db.RoleAssignments.Where(a => a.RoleId == id).Select(a => a.UserId).Distinct().CountAsync(cancellationToken);
        return new RoleDetails(role.Id, role.Name!, BuiltInRoles.All.Contains(role.Name!), permissions.ToHashSet(), holders, role.ConcurrencyStamp!);
    }

    public async Task<Result<Guid>> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!Allowed)
        {
            return Error.Forbidden;
        }
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return Error.Validation("Name", "Roles:Error:NameRequired");
        }
        if (trimmed.Length > MaxNameLength)
        {
            return Error.Validation("Name", "Roles:Error:NameTooLong");
        }
        await using var db = dbFactory.CreateDbContext();
        var normalized = trimmed.ToUpperInvariant();
        if (await db.Roles.AnyAsync(r => r.NormalizedName == normalized, cancellationToken))
        {
            return Error.Validation("Name", "Roles:Error:NameTaken");
        }
        var role = new ApplicationRole(trimmed) { NormalizedName = normalized, ConcurrencyStamp = Guid.NewGuid().ToString() };
        db.Roles.Add(role);
        await db.SaveChangesAsync(cancellationToken);
        return role.Id;
    }

    /// <summary>Gives the role exactly <paramref name="permissions"/>; fails when someone else changed it since <paramref name="version"/>.</summary>
    public async Task<Result> SavePermissionsAsync(Guid id, IReadOnlyCollection<string> permissions, string version, CancellationToken cancellationToken = default)
    {
        if (!Allowed)
        {
            return Error.Forbidden;
        }
        var known = catalog.Permissions.Select(p => p.Name).ToHashSet();
        if (permissions.Any(p => !known.Contains(p)))
        {
            return Error.Rule("Roles:Error:UnknownPermission");
        }
        await using var db = dbFactory.CreateDbContext();
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (role is null)
        {
            return Error.NotFound;
        }
        if (role.ConcurrencyStamp != version)
        {
            return Error.Conflict;
        }
        if (role.Name == BuiltInRoles.Administrator && !permissions.Contains(AccountPermissions.RolesManage))
        {
            // Otherwise nobody could ever manage roles again.
            return Error.Rule("Roles:Error:AdministratorKeepsRoles");
        }
        var current = await db.RoleClaims.Where(c => c.RoleId == id && c.ClaimType == AccountsDbContext.PermissionClaimType).ToListAsync(cancellationToken);
        var removed = current.Where(c => !permissions.Contains(c.ClaimValue!)).ToList();
        var added = permissions.Where(p => current.All(c => c.ClaimValue != p)).Order().ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return Result.Success();
        }
        db.RoleClaims.RemoveRange(removed);
        db.RoleClaims.AddRange(added.Select(p => new Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>
        {
            RoleId = id, ClaimType = AccountsDbContext.PermissionClaimType, ClaimValue = p,
        }));
        role.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict;
        }
        await audit.RecordAsync(new AuditEvent(AuditActions.PermissionsChanged)
        {
            Module = "Accounts",
            EntityType = nameof(ApplicationRole),
            EntityId = id.ToString(),
            Summary = $"role {role.Name}: " + string.Join(", ", added.Select(p => "+" + p).Concat(removed.Select(c => "-" + c.ClaimValue))),
        }, cancellationToken);
        return Result.Success();
    }

    /// <summary>Deletes a role one made (never a built-in one); the people who held it lose it.</summary>
    public async Task<Result> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!Allowed)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (role is null)
        {
            return Error.NotFound;
        }
        if (BuiltInRoles.All.Contains(role.Name!))
        {
            return Error.Rule("Roles:Error:BuiltInCannotBeDeleted");
        }
        db.RoleAssignments.RemoveRange(await db.RoleAssignments.Where(a => a.RoleId == id).ToListAsync(cancellationToken));
        db.RoleClaims.RemoveRange(await db.RoleClaims.Where(c => c.RoleId == id).ToListAsync(cancellationToken));
        db.Roles.Remove(role);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(AuditActions.PermissionsChanged)
        {
            Module = "Accounts", EntityType = nameof(ApplicationRole), EntityId = id.ToString(), Summary = $"role {role.Name} deleted",
        }, cancellationToken);
        return Result.Success();
    }
}

/// <summary>
/// Who holds which role where. Whoever manages people at a unit may hand out there the roles whose every permission
/// they hold there themselves, so nobody can give more than they have; roles "everywhere" need the same everywhere.
/// </summary>
internal sealed class RoleAssignments(IDbContextFactory<AccountsDbContext> dbFactory, IAccessControl access, IAuditTrail audit)
{
    /// <summary>The roles the current user may give (or take away) at <paramref name="unitId"/>, or everywhere when it is null.</summary>
    public async Task<IReadOnlyList<RoleChoice>> GetGrantableRolesAsync(Guid? unitId, CancellationToken cancellationToken = default)
    {
        if (!await access.IsGrantedAsync(AccountPermissions.PeopleManage, unitId, cancellationToken))
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var roles = await db.Roles.AsNoTracking().ToListAsync(cancellationToken);
        var permissions = (await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == AccountsDbContext.PermissionClaimType).ToListAsync(cancellationToken))
            .ToLookup(c => c.RoleId, c => c.ClaimValue!);
        var held = new Dictionary<string, bool>();
        var grantable = new List<RoleChoice>();
        foreach (var role in roles)
        {
            var all = true;
            foreach (var permission in permissions[role.Id])
            {
                if (!held.TryGetValue(permission, out var holds))
                {
                    held[permission] = holds = await access.IsGrantedAsync(permission, unitId, cancellationToken);
                }
                all &= holds;
            }
            if (all)
            {
                grantable.Add(new RoleChoice(role.Id, role.Name!, BuiltInRoles.All.Contains(role.Name!)));
            }
        }
        return grantable.OrderBy(r => !r.IsBuiltIn).ThenBy(r => r.Name).ToList();
    }

    public async Task<Result> AssignAsync(Guid personId, Guid roleId, Guid? unitId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == personId, cancellationToken);
        if (person is null || !await access.IsGrantedAsync(AccountPermissions.PeopleView, person.HomeUnitId, cancellationToken))
        {
            return Error.NotFound;
        }
        if (!await access.IsGrantedAsync(AccountPermissions.PeopleManage, person.HomeUnitId, cancellationToken)
            || (await GetGrantableRolesAsync(unitId, cancellationToken)).All(r => r.Id != roleId))
        {
            return Error.Forbidden;
        }
        if (await db.RoleAssignments.AnyAsync(a => a.UserId == personId && a.RoleId == roleId && a.UnitId == unitId, cancellationToken))
        {
            return Error.Validation("Role", "Roles:Error:AlreadyHeld");
        }
        db.RoleAssignments.Add(new RoleAssignment { UserId = personId, RoleId = roleId, UnitId = unitId });
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(db, person, roleId, unitId, "given", cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// True when the current user holds, wherever the person holds a role, every permission that role gives: nobody
    /// edits, deactivates or takes roles from someone who has rights they lack (a coordinator cannot lock out an
    /// administrator, nor move them to take their rights away).
    /// </summary>
    public async Task<bool> HoldsAllPermissionsOfAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var grants = await db.RoleAssignments.Where(a => a.UserId == personId)
            .Join(db.RoleClaims.Where(c => c.ClaimType == AccountsDbContext.PermissionClaimType), a => a.RoleId, c => c.RoleId,
                (a, c) => new { a.UnitId, Permission = c.ClaimValue! })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var grant in grants)
        {
            if (!await access.IsGrantedAsync(grant.Permission, grant.UnitId, cancellationToken))
            {
                return false;
            }
        }
        return true;
    }

    public async Task<Result> RemoveAsync(Guid personId, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == personId, cancellationToken);
        var assignment = await db.RoleAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.UserId == personId, cancellationToken);
        if (person is null || assignment is null || !await access.IsGrantedAsync(AccountPermissions.PeopleView, person.HomeUnitId, cancellationToken))
        {
            return Error.NotFound;
        }
        if (!await access.IsGrantedAsync(AccountPermissions.PeopleManage, person.HomeUnitId, cancellationToken)
            || (await GetGrantableRolesAsync(assignment.UnitId, cancellationToken)).All(r => r.Id != assignment.RoleId))
        {
            return Error.Forbidden;
        }
        if (!await HoldsAllPermissionsOfAsync(personId, cancellationToken))
        {
            return Error.Rule("People:Error:HoldsMorePermissions");
        }
        var administrator = await db.Roles.Where(r => r.Name == BuiltInRoles.Administrator).Select(r => r.Id).SingleAsync(cancellationToken);
        if (assignment.RoleId == administrator && assignment.UnitId is null
            && await db.RoleAssignments.CountAsync(a => a.RoleId == administrator && a.UnitId == null, cancellationToken) == 1)
        {
            return Error.Rule("Roles:Error:LastAdministrator");
        }
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(db, person, assignment.RoleId, assignment.UnitId, "taken away", cancellationToken);
        return Result.Success();
    }

    private async Task RecordAsync(AccountsDbContext db, ApplicationUser person, Guid roleId, Guid? unitId, string what, CancellationToken cancellationToken)
    {
        var roleName = await db.Roles.Where(r => r.Id == roleId).Select(r => r.Name).SingleAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(AuditActions.PermissionsChanged)
        {
            Module = "Accounts",
            EntityType = nameof(ApplicationUser),
            EntityId = person.Id.ToString(),
            UnitId = unitId ?? person.HomeUnitId,
            Summary = $"{person.Email}: role {roleName} {what} at {unitId?.ToString() ?? "everywhere"}",
        }, cancellationToken);
    }
}
