using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Pathways.Development;

/// <summary>
/// Tells people about external training as its events are delivered: the person's supervisor (or, for someone without
/// one, the approvers over their home unit) that a training waits for them, and the person how it was decided.
/// </summary>
internal sealed class TrainingNotices(
    INotifier notifier, IPeopleLookup people, IPeopleSelection selection, IUnitHierarchy hierarchy, ISupervisionAssignments assignments)
    : IIntegrationEventHandler<ExternalTrainingRecorded>, IIntegrationEventHandler<ExternalTrainingDecided>
{
    public const string Category = "Pathways.Development";

    public async Task HandleAsync(ExternalTrainingRecorded recorded, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(recorded.PersonId, cancellationToken) is not { } person)
        {
            return;
        }
        IEnumerable<Guid> deciders;
        if ((await assignments.CurrentAsync(recorded.PersonId, cancellationToken)).SupervisorId is { } supervisor)
        {
            deciders = [supervisor];
        }
        else
        {
            var ancestry = recorded.UnitId is { } unitId ? await hierarchy.GetAncestryAsync(unitId, cancellationToken) : [];
            deciders = (await selection.FindHoldersAsync(PathwaysPermissions.DevelopmentApprove, cancellationToken))
                .Where(h => h.UnitId is null || ancestry.Contains(h.UnitId.Value))
                .Select(h => h.PersonId)
                .Where(id => id != recorded.PersonId)
                .Distinct();
        }
        foreach (var decider in deciders)
        {
            await notifier.NotifyAsync(
                decider, Category, new NotificationText("Notification:TrainingRecorded", person.FullName), ExternalTrainings.ApprovalsLink, cancellationToken);
        }
    }

    public Task HandleAsync(ExternalTrainingDecided decided, IntegrationEventDelivery delivery, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            decided.PersonId, Category, new NotificationText(decided.Approved ? "Notification:TrainingApproved" : "Notification:TrainingDeclined"),
            "/pathways/development", cancellationToken);
}
