using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;

namespace TrainingHub.Accounts.Services;

internal sealed class PeopleSelection(IDbContextFactory<AccountsDbContext> dbFactory) : IPeopleSelection
{
    public async Task<IReadOnlyList<SelectedPerson>> FindAsync(PeopleCriteria criteria, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var people = db.Users.AsNoTracking();
        if (criteria.HomeUnitIds is { } unitIds)
        {
            var ids = unitIds.ToList();
            people = people.Where(u => u.HomeUnitId != null && ids.Contains(u.HomeUnitId.Value));
        }
        if (criteria.PositionTypeId is { } positionTypeId)
        {
            people = people.Where(u => u.PositionTypeId == positionTypeId);
        }
        if (criteria.PersonIds is { } personIds)
        {
            var ids = personIds.ToList();
            people = people.Where(u => ids.Contains(u.Id));
        }
        if (!string.IsNullOrWhiteSpace(criteria.Search))
        {
            // The search column is upper-cased on save, so matching ignores case in Cyrillic on both databases.
            var term = criteria.Search.Trim().ToUpperInvariant();
            people = people.Where(u => u.SearchText.Contains(term));
        }
        if (criteria.ActiveOnly)
        {
            people = people.Where(u => u.IsActive);
        }
        var ordered = people.OrderBy(u => u.FullName).ThenBy(u => u.Id);
        var limited = criteria.Limit is { } limit ? ordered.Take(limit) : ordered;
        return await limited.Select(u => new SelectedPerson(u.Id, u.FullName, u.HomeUnitId, u.PositionTypeId, u.IsActive)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PermissionHolder>> FindHoldersAsync(string permission, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var roleIds = db.RoleClaims.Where(c => c.ClaimType == AccountsDbContext.PermissionClaimType && c.ClaimValue == permission).Select(c => c.RoleId);
        return await db.RoleAssignments.AsNoTracking()
            .Where(a => roleIds.Contains(a.RoleId))
            .Join(db.Users.Where(u => u.IsActive), a => a.UserId, u => u.Id, (a, _) => new PermissionHolder(a.UserId, a.UnitId))
            .Distinct()
            .ToListAsync(cancellationToken);
    }
}
