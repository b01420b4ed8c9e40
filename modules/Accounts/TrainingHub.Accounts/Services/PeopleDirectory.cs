using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

internal sealed record PeopleQuery(string? Search = null, Guid? PositionTypeId = null, Guid? UnitId = null, bool IncludeInactive = false);

internal sealed record PersonRow(Guid Id, string FullName, string Email, string? Position, string? HomeUnit, bool IsActive);

/// <summary>A role a person holds at a unit (<see cref="Unit"/> is null for everywhere).</summary>
internal sealed record RoleHeld(Guid AssignmentId, Guid RoleId, string Role, Guid? UnitId, string? Unit);

internal sealed record PersonDetails(
    Guid Id, string FullName, string? FullNameLatin, string Email, string? Phone, string? Position, OrganisationUnitSummary? HomeUnit,
    DateOnly? StartDate, string PreferredCulture, bool IsActive, IReadOnlyList<RoleHeld> Roles);

internal sealed record PositionChoice(Guid Id, string Name);

/// <summary>
/// Finding people and reading their profiles, limited to the people whose home unit lies in the reader's scope.
/// </summary>
internal sealed class PeopleDirectory(IDbContextFactory<AccountsDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units)
{
    /// <summary>The units where the user holds a permission (by default, seeing people): for filters and choices.</summary>
    public Task<IReadOnlyList<OrganisationUnitSummary>> GetUnitChoicesAsync(string permission = AccountPermissions.PeopleView, CancellationToken cancellationToken = default) =>
        units.GetUnitsInAsync(access.GetScope(permission), cancellationToken);

    public async Task<IReadOnlyList<PositionChoice>> GetPositionChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var types = await db.PositionTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Code).ToListAsync(cancellationToken);
        return types.Select(t => new PositionChoice(t.Id, t.Name(Cultures.ReadsEnglish))).ToList();
    }

    public Task<Result<Page<PersonRow>>> SearchAsync(PeopleQuery query, PageRequest page, CancellationToken cancellationToken = default) =>
        ListAsync(query, page, countAll: true, cancellationToken);

    /// <summary>
    /// For the quick search: the first active people the list would show for the text, without counting every match,
    /// and none for someone who may not see the list.
    /// </summary>
    public async Task<IReadOnlyList<PersonRow>> FindAsync(string text, int max, CancellationToken cancellationToken = default) =>
        (await ListAsync(new PeopleQuery(text), new PageRequest(0, max), countAll: false, cancellationToken)).TryGetValue(out var page, out _)
            ? page.Items
            : [];

    private async Task<Result<Page<PersonRow>>> ListAsync(PeopleQuery query, PageRequest page, bool countAll, CancellationToken cancellationToken)
    {
        var scope = access.GetScope(AccountPermissions.PeopleView);
        if (scope.IsEmpty)
        {
            return Error.Forbidden;
        }
        var unitNames = (await units.GetUnitsInAsync(scope, cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        await using var db = dbFactory.CreateDbContext();
        var people = db.Users.AsNoTracking();
        if (!scope.IsEverywhere)
        {
            var visible = unitNames.Keys.ToList();
            people = people.Where(p => p.HomeUnitId != null && visible.Contains(p.HomeUnitId.Value));
        }
        if (query.UnitId is { } unitId)
        {
            var within = (await units.GetUnitsInAsync(UnitScope.Under([unitId]), cancellationToken)).Select(u => u.Id).ToList();
            people = people.Where(p => p.HomeUnitId != null && within.Contains(p.HomeUnitId.Value));
        }
        if (query.PositionTypeId is { } positionTypeId)
        {
            people = people.Where(p => p.PositionTypeId == positionTypeId);
        }
        if (!query.IncludeInactive)
        {
            people = people.Where(p => p.IsActive);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToUpperInvariant();
            people = people.Where(p => p.SearchText.Contains(term) || p.NormalizedEmail!.Contains(term));
        }
        var total = countAll ? await people.CountAsync(cancellationToken) : 0;
        var rows = await people.OrderBy(p => p.FullName).Skip(page.Skip).Take(page.Take)
            .Select(p => new
            {
                p.Id, p.FullName, p.Email, p.HomeUnitId, p.IsActive,
                Position = db.PositionTypes.Where(t => t.Id == p.PositionTypeId).Select(t => Cultures.ReadsEnglish ? t.NameEn : t.NameUk).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new Page<PersonRow>(
            rows.Select(r => new PersonRow(r.Id, r.FullName, r.Email!, r.Position,
                r.HomeUnitId is { } home && unitNames.TryGetValue(home, out var name) ? name : null, r.IsActive)).ToList(),
            total);
    }

    public async Task<Result<PersonDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return Error.NotFound;
        }
        if (!await access.IsGrantedAsync(AccountPermissions.PeopleView, person.HomeUnitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        var position = await db.PositionTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == person.PositionTypeId, cancellationToken);
        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == id)
            .Join(db.Roles, a => a.RoleId, r => r.Id, (a, r) => new { a.Id, RoleId = r.Id, r.Name, a.UnitId })
            .ToListAsync(cancellationToken);
        var unitIds = assignments.Where(a => a.UnitId is not null).Select(a => a.UnitId!.Value).Append(person.HomeUnitId ?? Guid.Empty);
        var unitsById = (await units.FindManyAsync(unitIds, cancellationToken)).ToDictionary(u => u.Id);
        return new PersonDetails(
            person.Id, person.FullName, person.FullNameLatin, person.Email!, person.PhoneNumber, position?.Name(Cultures.ReadsEnglish),
            person.HomeUnitId is { } home ? unitsById.GetValueOrDefault(home) : null,
            person.StartDate, person.PreferredCulture, person.IsActive,
            assignments.Select(a => new RoleHeld(a.Id, a.RoleId, a.Name!, a.UnitId, a.UnitId is { } unit ? unitsById.GetValueOrDefault(unit)?.DisplayName : null))
                .OrderBy(r => r.Role).ToList());
    }
}
