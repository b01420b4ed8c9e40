using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// Keeps <see cref="Member"/> rows in step with Accounts: each reported change is taken in at once, and everyone is
/// reconciled at start-up (after the demo people exist) and every night, which also catches a change missed while
/// this module's database could not be reached. Without Accounts in the app there is nobody to reconcile with.
/// </summary>
internal sealed class MemberSync(
    IDbContextFactory<CompetenciesDbContext> dbFactory, IUnitHierarchy hierarchy, IOrganisationDirectory units, IPeopleRoster? roster)
    : IPeopleObserver, IModuleInitializer
{
    public const string RecurringJobId = "competencies-members";

    private const int PageSize = 1000;

    // Changes Accounts reports while the app starts (its demo people, before this module's tables exist) are taken in
    // by the reconciliation that ends the start-up, so they are not written one by one.
    private volatile bool _started;

    public Task PeopleChangedAsync(IReadOnlyCollection<PersonContact> people, CancellationToken cancellationToken = default) =>
        _started ? UpsertAsync(people, [], cancellationToken) : Task.CompletedTask;

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        _started = true;
        await ReconcileAsync(cancellationToken);
    }

    /// <summary>Takes in everyone Accounts knows and forgets anyone it no longer does.</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        if (roster is null)
        {
            return;
        }
        var paths = new Dictionary<Guid, UnitPath>();
        var listed = new HashSet<Guid>();
        Guid? after = null;
        while (await roster.ListAsync(after, PageSize, cancellationToken) is { Count: > 0 } page)
        {
            await UpsertAsync(page, paths, cancellationToken);
            listed.UnionWith(page.Select(p => p.Id));
            after = page[^1].Id;
        }
        await using var db = dbFactory.CreateDbContext();
        var gone = (await db.Members.Select(m => m.Id).ToListAsync(cancellationToken)).Where(id => !listed.Contains(id)).ToList();
        foreach (var chunk in gone.Chunk(PageSize))
        {
            await db.Members.Where(m => chunk.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task UpsertAsync(IReadOnlyCollection<PersonContact> people, Dictionary<Guid, UnitPath> paths, CancellationToken cancellationToken)
    {
        foreach (var unitId in people.Select(p => p.HomeUnitId).OfType<Guid>().Distinct().Where(id => !paths.ContainsKey(id)).ToList())
        {
            paths[unitId] = await PathAsync(unitId, cancellationToken);
        }
        await using var db = dbFactory.CreateDbContext();
        var ids = people.Select(p => p.Id).ToList();
        var members = await db.Members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        foreach (var person in people)
        {
            if (!members.TryGetValue(person.Id, out var member))
            {
                member = new Member { Id = person.Id };
                members[person.Id] = member;
                db.Members.Add(member);
            }
            var path = person.HomeUnitId is { } unitId ? paths[unitId] : UnitPath.None;
            member.FullName = person.FullName;
            member.SearchName = person.FullName.ToUpperInvariant();
            member.HomeUnitId = person.HomeUnitId;
            (member.OblastId, member.HromadaId, member.OrganisationId) = (path.OblastId, path.HromadaId, path.OrganisationId);
            member.PositionTypeId = person.PositionTypeId;
            member.IsActive = person.IsActive;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Where a unit sits: the oblast, hromada and organisation on its way to the root (those it has).</summary>
    private async Task<UnitPath> PathAsync(Guid unitId, CancellationToken cancellationToken)
    {
        var ancestry = await units.FindManyAsync(await hierarchy.GetAncestryAsync(unitId, cancellationToken), cancellationToken);
        Guid? Of(UnitType type) => ancestry.FirstOrDefault(u => u.Type == type)?.Id;
        return new UnitPath(Of(UnitType.Oblast), Of(UnitType.Hromada), Of(UnitType.Organisation));
    }

    private sealed record UnitPath(Guid? OblastId, Guid? HromadaId, Guid? OrganisationId)
    {
        public static UnitPath None { get; } = new(null, null, null);
    }
}
