using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Workforce.Data;

namespace TrainingHub.DataGenerator;

/// <summary>
/// The country's people in place of the Accounts module, found in the copy Workforce keeps (<c>Staff</c>, the same ids),
/// as the modules that name or place people ask for them (supervision coverage looks up a country's supervisees by id).
/// Names are not kept there, so each is named by their id.
/// </summary>
internal sealed class NationalPeople(IDbContextFactory<WorkforceDbContext> dbFactory) : IPeopleSelection
{
    public async Task<IReadOnlyList<SelectedPerson>> FindAsync(PeopleCriteria criteria, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var staff = db.Staff.AsNoTracking();
        if (criteria.PersonIds is { } ids)
        {
            staff = staff.Where(s => ids.Contains(s.Id));
        }
        if (criteria.HomeUnitIds is { } units)
        {
            staff = staff.Where(s => s.UnitId != null && units.Contains(s.UnitId.Value));
        }
        if (criteria.PositionTypeId is { } position)
        {
            staff = staff.Where(s => s.PositionTypeId == position);
        }
        if (criteria.ActiveOnly)
        {
            staff = staff.Where(s => s.IsActive);
        }
        var found = await staff.Select(s => new SelectedPerson(s.Id, s.Id.ToString(), s.UnitId, s.PositionTypeId, s.IsActive)).ToListAsync(cancellationToken);
        return criteria.Limit is { } limit ? found.Take(limit).ToList() : found;
    }

    public Task<IReadOnlyList<PermissionHolder>> FindHoldersAsync(string permission, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PermissionHolder>>([]);
}
