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
    /// The whole tree (a few thousand rows nationally) is cut to scope in memory, which keeps the scope rule in one
    /// place. It is held in memory between calls for as long as the tree's stamp in the database stays the same, so a
    /// call costs one one-row query unless a unit changed (on any node) since the tree was read.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationUnitSummary>> GetUnitsInAsync(UnitScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.IsEmpty)
        {
            return [];
        }
        var all = await TreeAsync(cancellationToken);
        return scope.IsEverywhere ? all : Subtree.Under(all, u => u.Id, u => u.ParentId, scope.Roots);
    }

    private volatile CachedTree? _tree;

    private sealed record CachedTree(Guid Stamp, IReadOnlyList<OrganisationUnitSummary> Units);

    private async Task<IReadOnlyList<OrganisationUnitSummary>> TreeAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        // The stamp is read before the units: a change saved in between leaves a newer stamp than the one kept, so the
        // next call reads again; never the other way round.
        var stamp = await db.TreeStamps.AsNoTracking().Where(s => s.Id == TreeStamp.SingleId).Select(s => (Guid?)s.Stamp).SingleOrDefaultAsync(cancellationToken);
        if (_tree is { } kept && stamp is { } current && kept.Stamp == current)
        {
            return kept.Units;
        }
        // Read-only, as it may be shared by every caller until the next change.
        var units = (await Summaries(db.Units).ToListAsync(cancellationToken)).AsReadOnly();
        // Trees loaded behind the app's back (bulk loads keep the first stamp) are not kept.
        _tree = stamp is { } now && now != TreeStamp.Initial ? new CachedTree(now, units) : null;
        return units;
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
