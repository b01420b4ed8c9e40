using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Data;
using TrainingHub.Organisations.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Organisations.Services;

/// <summary>
/// Reading and changing the organisation tree on behalf of the current user. Every method checks the
/// user's permission at the unit concerned; pages call nothing else.
/// </summary>
internal sealed class OrganisationTree(IDbContextFactory<OrganisationsDbContext> dbFactory, IAccessControl access, OrganisationDirectory directory)
{
    /// <summary>The units the user may browse: the subtrees under the units where they hold the view permission.</summary>
    public Task<IReadOnlyList<UnitNode>> GetVisibleUnitsAsync(CancellationToken cancellationToken = default) =>
        GetUnitsInScopeAsync(OrganisationPermissions.UnitsView, cancellationToken);

    /// <summary>
    /// One page of the units the user may browse whose name (either language) or KATOTTG code contains the search,
    /// by level and then name.
    /// </summary>
    public async Task<Result<Page<UnitNode>>> SearchAsync(string? search, UnitType? type, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(OrganisationPermissions.UnitsView))
        {
            return Error.Forbidden;
        }
        IEnumerable<UnitNode> units = await GetVisibleUnitsAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = UnitNameSearch.Normalize(search);
            units = units.Where(u => UnitNameSearch.Matches(u, term));
        }
        if (type is { } wanted)
        {
            units = units.Where(u => u.Type == wanted);
        }
        var matches = units.OrderBy(u => u.Type).ThenBy(u => u.Name).ThenBy(u => u.Id).ToList();
        return new Page<UnitNode>(matches.Skip(page.Skip).Take(page.Take).ToList(), matches.Count);
    }

    public async Task<Result<UnitDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return Error.NotFound;
        }
        if (!await access.IsGrantedAsync(OrganisationPermissions.UnitsView, id, cancellationToken))
        {
            return Error.Forbidden;
        }
        var ancestors = new List<UnitNode>();
        for (var parentId = unit.ParentId; parentId is not null;)
        {
            var parent = await db.Units.AsNoTracking().SingleAsync(u => u.Id == parentId, cancellationToken);
            ancestors.Insert(0, ToNode(parent));
            parentId = parent.ParentId;
        }
        var childCount = await db.Units.CountAsync(u => u.ParentId == id, cancellationToken);
        var canEdit = await access.IsGrantedAsync(OrganisationPermissions.UnitsEdit, id, cancellationToken);
        return new UnitDetails(ToNode(unit), unit.Kind, unit.Population, unit.ChildPopulation, unit.Version, ancestors, childCount, canEdit);
    }

    /// <summary>One page of a unit's children, optionally filtered by name.</summary>
    public async Task<Result<Page<UnitNode>>> GetChildrenAsync(Guid id, string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!await access.IsGrantedAsync(OrganisationPermissions.UnitsView, id, cancellationToken))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var query = db.Units.AsNoTracking().Where(u => u.ParentId == id);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // NormalizedName is upper-cased in .NET, so the match ignores case for Cyrillic on both databases.
            var term = UnitNameSearch.Normalize(search);
            query = query.Where(u => u.NormalizedName.Contains(term) || (u.NameEn != null && u.NameEn.ToUpper().Contains(term)));
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(u => u.Type).ThenBy(u => u.Name)
            .Skip(page.Skip).Take(page.Take)
            .Select(AsNode)
            .ToListAsync(cancellationToken);
        return new Page<UnitNode>(items, total);
    }

    /// <summary>Units under which the user may create a unit of the given type.</summary>
    public async Task<IReadOnlyList<OrganisationUnitSummary>> GetParentChoicesAsync(UnitType type, CancellationToken cancellationToken = default)
    {
        var editable = await GetUnitsInScopeAsync(OrganisationPermissions.UnitsEdit, cancellationToken);
        return editable.Where(u => UnitRules.CanSitUnder(type, u.Type)).OrderBy(u => u.Name)
            .Select(u => new OrganisationUnitSummary(u.Id, u.Name, u.NameEn, u.Type, u.ParentId, u.KatottgCode)).ToList();
    }

    public async Task<Result<Guid>> CreateAsync(UnitInput input, CancellationToken cancellationToken = default)
    {
        var allowed = input.ParentId is { } parentId
            ? await access.IsGrantedAsync(OrganisationPermissions.UnitsEdit, parentId, cancellationToken)
            : access.GetScope(OrganisationPermissions.UnitsEdit).IsEverywhere;
        if (!allowed)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var errors = await CheckAsync(db, input, existingId: null, cancellationToken);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var unit = new OrganisationUnit { Name = "", Type = input.Type, ParentId = input.ParentId };
        Apply(input, unit);
        db.Units.Add(unit);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : unit.Id;
    }

    /// <summary>Changes a unit's fields. <paramref name="version"/> is the version the person started editing from.</summary>
    public async Task<Result> UpdateAsync(Guid id, UnitInput input, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindEditableAsync(db, id, cancellationToken);
        if (!found.TryGetValue(out var unit, out var error))
        {
            return error;
        }
        input.Type = unit.Type;
        input.ParentId = unit.ParentId;
        var errors = await CheckAsync(db, input, id, cancellationToken);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        Apply(input, unit);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    public async Task<Result> DeleteAsync(Guid id, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindEditableAsync(db, id, cancellationToken);
        if (!found.TryGetValue(out var unit, out var error))
        {
            return error;
        }
        if (await db.Units.AnyAsync(u => u.ParentId == id, cancellationToken))
        {
            return Error.Rule("Error:UnitHasChildren");
        }
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        db.Units.Remove(unit);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Loads a unit to change it: not found, or forbidden when it lies outside the user's editing scope.</summary>
    private async Task<Result<OrganisationUnit>> FindEditableAsync(OrganisationsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return Error.NotFound;
        }
        return await access.IsGrantedAsync(OrganisationPermissions.UnitsEdit, id, cancellationToken) ? unit : Error.Forbidden;
    }

    private static async Task<List<FieldError>> CheckAsync(OrganisationsDbContext db, UnitInput input, Guid? existingId, CancellationToken cancellationToken)
    {
        var errors = UnitRules.CheckFields(input);
        UnitType? parentType = null;
        if (input.ParentId is { } parentId)
        {
            parentType = await db.Units.Where(u => u.Id == parentId).Select(u => (UnitType?)u.Type).SingleOrDefaultAsync(cancellationToken);
            if (parentType is null)
            {
                errors.Add(new(nameof(UnitInput.ParentId), "Error:ParentNotFound"));
                return errors;
            }
        }
        if (!UnitRules.CanSitUnder(input.Type, parentType))
        {
            errors.Add(new(nameof(UnitInput.ParentId), UnitRules.ParentRuleKey(input.Type)));
        }
        if (!string.IsNullOrWhiteSpace(input.Name))
        {
            var normalized = OrganisationUnit.Normalize(input.Name);
            if (await db.Units.AnyAsync(u => u.ParentId == input.ParentId && u.NormalizedName == normalized && u.Id != existingId, cancellationToken))
            {
                errors.Add(new(nameof(UnitInput.Name), "Error:NameTakenAmongSiblings"));
            }
        }
        if (UnitRules.Clean(input.KatottgCode) is { } code && errors.All(e => e.Field != nameof(UnitInput.KatottgCode)))
        {
            var holder = await db.Units.Where(u => u.KatottgCode == code && u.Id != existingId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
            if (holder is not null)
            {
                errors.Add(new(nameof(UnitInput.KatottgCode), "Error:KatottgTaken", holder));
            }
        }
        return errors;
    }

    private static void Apply(UnitInput input, OrganisationUnit unit)
    {
        unit.Name = input.Name.Trim();
        unit.NormalizedName = OrganisationUnit.Normalize(input.Name);
        unit.NameEn = UnitRules.Clean(input.NameEn);
        unit.Kind = unit.Type == UnitType.Organisation ? input.Kind : null;
        unit.KatottgCode = unit.Type == UnitType.Organisation ? null : UnitRules.Clean(input.KatottgCode);
        unit.Population = input.Population;
        unit.ChildPopulation = input.ChildPopulation;
    }


    private static readonly Expression<Func<OrganisationUnit, UnitNode>> AsNode =
        u => new UnitNode(u.Id, u.Name, u.NameEn, u.Type, u.ParentId, u.KatottgCode);

    private static readonly Func<OrganisationUnit, UnitNode> ToNode = AsNode.Compile();

    /// <summary>The units under which the user holds a permission.</summary>
    private async Task<IReadOnlyList<UnitNode>> GetUnitsInScopeAsync(string permission, CancellationToken cancellationToken) =>
        (await directory.GetUnitsInAsync(access.GetScope(permission), cancellationToken))
            .Select(u => new UnitNode(u.Id, u.Name, u.NameEn, u.Type, u.ParentId, u.KatottgCode))
            .ToList();
}
