using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.SharedKernel.Events;

namespace TrainingHub.Pathways.Progress;

/// <summary>
/// Keeps a placement's unit at the person's home unit when it changes, so the list of people follows them to their new
/// unit. It reads the person's current unit rather than the event's, so a late delivery never brings back an old one,
/// and repeating it is harmless.
/// </summary>
internal sealed class PlacementUnits(IDbContextFactory<PathwaysDbContext> dbFactory, IPeopleLookup people) : IIntegrationEventHandler<PersonChanged>
{
    public async Task HandleAsync(PersonChanged changed, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var placement = await db.Placements.FirstOrDefaultAsync(p => p.PersonId == changed.PersonId, cancellationToken);
        if (placement is null || await people.FindAsync(changed.PersonId, cancellationToken) is not { } person || placement.UnitId == person.HomeUnitId)
        {
            return;
        }
        placement.UnitId = person.HomeUnitId;
        await db.SaveChangesAsync(cancellationToken);
    }
}
