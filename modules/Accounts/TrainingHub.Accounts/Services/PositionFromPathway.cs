using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Data;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Events;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Gives a person the position type their pathway now leads to once they reach a stage. It asks the pathways module for
/// the position of the person's current stage rather than trusting the event's stage, so a late or repeated delivery
/// never takes a person back to an earlier position; the delivery is recorded in the same save.
/// </summary>
internal sealed class PositionFromPathway(IDbContextFactory<AccountsDbContext> dbFactory, IPathwayPositions positions) : IIntegrationEventHandler<StageReached>
{
    public async Task HandleAsync(StageReached reached, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        var code = await positions.CurrentPositionCodeAsync(reached.PersonId, cancellationToken);
        await using var db = dbFactory.CreateDbContext();
        var person = await db.Users.FirstOrDefaultAsync(u => u.Id == reached.PersonId, cancellationToken);
        var position = code is null ? null : await db.PositionTypes.FirstOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (person is not null && position is not null && person.PositionTypeId != position.Id)
        {
            person.PositionTypeId = position.Id;
        }
        db.MarkProcessed(delivery);
        await db.SaveChangesAsync(cancellationToken);
    }
}
