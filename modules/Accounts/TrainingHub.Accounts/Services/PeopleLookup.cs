using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;

namespace TrainingHub.Accounts.Services;

internal sealed class PeopleLookup(IDbContextFactory<AccountsDbContext> dbFactory) : IPeopleLookup
{
    public async Task<PersonContact?> FindAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.Id == personId)
            .Select(u => new PersonContact(u.Id, u.FullName, u.Email!, u.PreferredCulture, u.IsActive, u.HomeUnitId, u.PositionTypeId))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<PersonContact?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToUpperInvariant();
        await using var db = dbFactory.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new PersonContact(u.Id, u.FullName, u.Email!, u.PreferredCulture, u.IsActive, u.HomeUnitId, u.PositionTypeId))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
