using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Data;
using TrainingHub.Organisations.Domain;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Organisations.Services;

/// <summary>The module's public face: unit look-ups for other modules and the ancestry the kernel needs for scope checks.</summary>
internal sealed class OrganisationDirectory(IDbContextFactory<OrganisationsDbContext> dbFactory) : IOrganisationDirectory, IUnitHierarchy
{
    public async Task<OrganisationUnitSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await Summaries(db.Units.Where(u => u.Id == id)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<OrganisationUnitSummary?> FindByKatottgAsync(string katottgCode, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await Summaries(db.Units.Where(u => u.KatottgCode == katottgCode)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<OrganisationUnitSummary?> FindChildAsync(Guid parentId, string name, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var normalized = OrganisationUnit.Normalize(name);
        return await Summaries(db.Units.Where(u => u.ParentId == parentId && u.NormalizedName == normalized)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The whole tree is read (a few thousand rows nationally) and cut to scope in memory, which keeps the
    /// scope rule in one place.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationUnitSummary>> GetUnitsInAsync(UnitScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.IsEmpty)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var all = await Summaries(db.Units).ToListAsync(cancellationToken);
        return scope.IsEverywhere ? all : Subtree.Under(all, u => u.Id, u => u.ParentId, scope.Roots);
    }

    public async Task<IReadOnlyList<OrganisationUnitSummary>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        await using var db = dbFactory.CreateDbContext();
        return await Summaries(db.Units.Where(u => wanted.Contains(u.Id))).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> GetAncestryAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var ancestry = new List<Guid>();
        for (Guid? id = unitId; id is not null && ancestry.Count <= 16;)
        {
            var parentLink = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.ParentId }).SingleOrDefaultAsync(cancellationToken);
            if (parentLink is null)
            {
                break;
            }
            ancestry.Add(id.Value);
            id = parentLink.ParentId;
        }
        return ancestry;
    }

    private static IQueryable<OrganisationUnitSummary> Summaries(IQueryable<OrganisationUnit> units) =>
        units.AsNoTracking().Select(u => new OrganisationUnitSummary(u.Id, u.Name, u.NameEn, u.Type, u.ParentId, u.KatottgCode, u.Population, u.ChildPopulation));
}
