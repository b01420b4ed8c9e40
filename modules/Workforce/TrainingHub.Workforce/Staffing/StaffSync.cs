using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Volunteers;

namespace TrainingHub.Workforce.Staffing;

/// <summary>
/// Keeps <see cref="StaffMember"/> rows in step with Accounts: each <see cref="PersonChanged"/> as it is delivered, and
/// everyone at start-up (after the demo people exist) and every night, which also catches a unit moved to another
/// hromada. An active volunteer who takes up another position is recorded as a <see cref="VolunteerMove"/>. Without
/// Accounts in the app there is nobody to count.
/// </summary>
internal sealed class StaffSync(
    IDbContextFactory<WorkforceDbContext> dbFactory, IUnitHierarchy hierarchy, IOrganisationDirectory units, IPeopleLookup? people, IPeopleRoster? roster,
    TimeProvider clock)
    : IIntegrationEventHandler<PersonChanged>, IModuleInitializer
{
    public const string RecurringJobId = "workforce-staff";

    private const int PageSize = 1000;

    /// <summary>Takes in the person as Accounts has them now, so a late delivery never brings back an older unit or position.</summary>
    public async Task HandleAsync(PersonChanged changed, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        var person = people is null ? null : await people.FindAsync(changed.PersonId, cancellationToken);
        await UpsertAsync(person is null ? [] : [person], [], delivery, cancellationToken);
    }

    public Task InitialiseAsync(CancellationToken cancellationToken) => ReconcileAsync(cancellationToken);

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        if (roster is null)
        {
            return;
        }
        var places = new Dictionary<Guid, UnitPlace>();
        var listed = await roster.EachPageAsync(PageSize, page => UpsertAsync(page, places, null, cancellationToken), cancellationToken);
        await using var db = dbFactory.CreateDbContext();
        var gone = (await db.Staff.Select(m => m.Id).ToListAsync(cancellationToken)).Where(id => !listed.Contains(id)).ToList();
        foreach (var chunk in gone.Chunk(PageSize))
        {
            await db.Staff.Where(m => chunk.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task UpsertAsync(
        IReadOnlyCollection<PersonContact> changed, Dictionary<Guid, UnitPlace> places, IntegrationEventDelivery? delivery, CancellationToken cancellationToken)
    {
        foreach (var unitId in changed.Select(p => p.HomeUnitId).OfType<Guid>().Distinct().Where(id => !places.ContainsKey(id)).ToList())
        {
            places[unitId] = await UnitPlace.OfAsync(unitId, hierarchy, units, cancellationToken);
        }
        await using var db = dbFactory.CreateDbContext();
        var ids = changed.Select(p => p.Id).ToList();
        var staff = await db.Staff.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var volunteering = (await db.CountedPositions.Where(c => c.CountedAs == CountedAs.Volunteer).Select(c => c.PositionTypeId).ToListAsync(cancellationToken))
            .ToHashSet();
        var today = DailyRuns.DayOf(clock.GetUtcNow());
        foreach (var person in changed)
        {
            if (!staff.TryGetValue(person.Id, out var member))
            {
                member = new StaffMember { Id = person.Id };
                staff[person.Id] = member;
                db.Staff.Add(member);
            }
            var place = person.HomeUnitId is { } unitId ? places[unitId] : UnitPlace.None;
            if (member.IsActive && person.IsActive && member.PositionTypeId is { } was && volunteering.Contains(was)
                && person.PositionTypeId is { } now && !volunteering.Contains(now))
            {
                db.VolunteerMoves.Add(new VolunteerMove
                {
                    PersonId = person.Id, MovedOn = today, ToPositionTypeId = now, UnitId = person.HomeUnitId,
                    OblastId = place.OblastId, HromadaId = place.HromadaId, OrganisationId = place.OrganisationId,
                });
            }
            member.UnitId = person.HomeUnitId;
            (member.OblastId, member.HromadaId, member.OrganisationId) = (place.OblastId, place.HromadaId, place.OrganisationId);
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
