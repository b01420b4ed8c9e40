using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;

namespace TrainingHub.Accounts.Services;

internal sealed class PeopleLookup(IDbContextFactory<AccountsDbContext> dbFactory) : IPeopleLookup, IPeopleRoster
{
    private static readonly Expression<Func<ApplicationUser, PersonContact>> ToContact =
        u => new PersonContact(u.Id, u.FullName, u.Email!, u.PreferredCulture, u.IsActive, u.HomeUnitId, u.PositionTypeId);

    public static Func<ApplicationUser, PersonContact> Contact { get; } = ToContact.Compile();

    public async Task<PersonContact?> FindAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.Id == personId).Select(ToContact).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<PersonContact?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToUpperInvariant();
        await using var db = dbFactory.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(ToContact).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PersonContact>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default)
    {
        if (personIds.Count == 0)
        {
            return [];
        }
        var ids = personIds.Distinct().ToList();
        await using var db = dbFactory.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(ToContact).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PersonContact>> ListAsync(Guid? afterId, int count, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var people = db.Users.AsNoTracking();
        if (afterId is { } after)
        {
            people = people.Where(u => u.Id > after);
        }
        return await people.OrderBy(u => u.Id).Take(count).Select(ToContact).ToListAsync(cancellationToken);
    }
}
