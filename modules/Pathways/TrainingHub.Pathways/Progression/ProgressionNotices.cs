using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways.Progression;

/// <summary>
/// Tells people about progression as its events are delivered: the coordinators over the person's unit that someone
/// asks to move on, and the person (and whoever asked for them) how it was decided.
/// </summary>
internal sealed class ProgressionNotices(INotifier notifier, IPeopleLookup people, IPeopleSelection selection, IUnitHierarchy hierarchy)
    : IIntegrationEventHandler<ProgressionRequested>, IIntegrationEventHandler<ProgressionDecided>
{
    public const string Category = "Pathways.Progression";

    public async Task HandleAsync(ProgressionRequested requested, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(requested.PersonId, cancellationToken) is not { } person)
        {
            return;
        }
        var ancestry = requested.UnitId is { } unitId ? await hierarchy.GetAncestryAsync(unitId, cancellationToken) : [];
        var deciders = (await selection.FindHoldersAsync(PathwaysPermissions.ProgressionApprove, cancellationToken))
            .Where(h => h.UnitId is null || ancestry.Contains(h.UnitId.Value))
            .Select(h => h.PersonId)
            .Where(id => id != requested.PersonId)
            .Distinct();
        foreach (var decider in deciders)
        {
            await notifier.NotifyAsync(decider, Category, new NotificationText("Notification:ProgressionRequested", person.FullName), Progressions.Link, cancellationToken);
        }
    }

    public async Task HandleAsync(ProgressionDecided decided, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        var key = decided.Approved ? "Notification:ProgressionApproved" : "Notification:ProgressionDeclined";
        await notifier.NotifyAsync(decided.PersonId, Category, new NotificationText(key), "/pathways/my", cancellationToken);
        if (decided.RequestedById != decided.PersonId && await people.FindAsync(decided.PersonId, cancellationToken) is { } person)
        {
            await notifier.NotifyAsync(decided.RequestedById, Category, new NotificationText($"{key}For", person.FullName), $"/pathways/people/{person.Id}", cancellationToken);
        }
    }
}
