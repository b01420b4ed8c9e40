using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// Keeps <see cref="Member"/> rows in step with Accounts: each <see cref="PersonChanged"/> is taken in as it is delivered,
/// and everyone is reconciled at start-up (after the demo people exist) and every night, which also catches anything an
/// event could not bring. Without Accounts in the app there is nobody to reconcile with.
/// </summary>
internal sealed class MemberSync(
    IDbContextFactory<CompetenciesDbContext> dbFactory, IUnitHierarchy hierarchy, IOrganisationDirectory units, IPeopleLookup? people, IPeopleRoster? roster)
    : IIntegrationEventHandler<PersonChanged>, IModuleInitializer
{
    public const string RecurringJobId = "competencies-members";

    private const int PageSize = 1000;

    /// <summary>
    /// Takes in the person's details as Accounts has them now rather than as the event had them, so a delivery that
    /// comes late never brings back an older name or unit; the delivery is recorded in the same save.
    /// </summary>
    public async Task HandleAsync(PersonChanged changed, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        var person = people is null ? null : await people.FindAsync(changed.PersonId, cancellationToken);
        await UpsertAsync(person is null ? [] : [person], [], delivery, cancellationToken);
    }

    public Task InitialiseAsync(CancellationToken cancellationToken) => ReconcileAsync(cancellationToken);

    /// <summary>Takes in everyone Accounts knows and forgets anyone it no longer does.</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        if (roster is null)
        {
            return;
        }
        var paths = new Dictionary<Guid, UnitPlace>();
        var listed = await roster.EachPageAsync(PageSize, page => UpsertAsync(page, paths, null, cancellationToken), cancellationToken);
        await using var db = dbFactory.CreateDbContext();
        var gone = (await db.Members.Select(m => m.Id).ToListAsync(cancellationToken)).Where(id => !listed.Contains(id)).ToList();
        foreach (var chunk in gone.Chunk(PageSize))
        {
            await db.Members.Where(m => chunk.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task UpsertAsync(
        IReadOnlyCollection<PersonContact> changed, Dictionary<Guid, UnitPlace> paths, IntegrationEventDelivery? delivery, CancellationToken cancellationToken)
    {
        foreach (var unitId in changed.Select(p => p.HomeUnitId).OfType<Guid>().Distinct().Where(id => !paths.ContainsKey(id)).ToList())
        {
            paths[unitId] = await UnitPlace.OfAsync(unitId, hierarchy, units, cancellationToken);
        }
        await using var db = dbFactory.CreateDbContext();
        var ids = changed.Select(p => p.Id).ToList();
        var members = await db.Members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        foreach (var person in changed)
        {
            if (!members.TryGetValue(person.Id, out var member))
            {
                member = new Member { Id = person.Id };
                members[person.Id] = member;
                db.Members.Add(member);
            }
            var path = person.HomeUnitId is { } unitId ? paths[unitId] : UnitPlace.None;
            member.FullName = person.FullName;
            member.SearchName = person.FullName.ToUpperInvariant();
            member.HomeUnitId = person.HomeUnitId;
            (member.OblastId, member.HromadaId, member.OrganisationId) = (path.OblastId, path.HromadaId, path.OrganisationId);
            member.PositionTypeId = person.PositionTypeId;
            member.IsActive = person.IsActive;
        }
        if (delivery is not null)
        {
            db.MarkProcessed(delivery);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
