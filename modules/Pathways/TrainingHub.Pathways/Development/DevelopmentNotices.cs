using System.Globalization;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Pathways.Development;

/// <summary>
/// Tells people about professional development as its events are delivered: the person's supervisor (or, for someone
/// without one, the approvers over their home unit) that a training or a plan waits for them, and the person how it
/// was decided.
/// </summary>
internal sealed class DevelopmentNotices(
    INotifier notifier, IPeopleLookup people, IPeopleSelection selection, IUnitHierarchy hierarchy, ISupervisionAssignments assignments)
    : IIntegrationEventHandler<ExternalTrainingRecorded>, IIntegrationEventHandler<ExternalTrainingDecided>,
      IIntegrationEventHandler<DevelopmentPlanSubmitted>, IIntegrationEventHandler<DevelopmentPlanAgreed>
{
    public const string Category = "Pathways.Development";

    /// <summary>Where a person reads their own record.</summary>
    public const string MyRecordLink = "/pathways/development";

    public Task HandleAsync(ExternalTrainingRecorded recorded, IntegrationEventDelivery delivery, CancellationToken cancellationToken) =>
        TellDecidersAsync(recorded.PersonId, recorded.UnitId, "Notification:TrainingRecorded", _ => ExternalTrainings.ApprovalsLink, cancellationToken);

    public Task HandleAsync(ExternalTrainingDecided decided, IntegrationEventDelivery delivery, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            decided.PersonId, Category, new NotificationText(decided.Approved ? "Notification:TrainingApproved" : "Notification:TrainingDeclined"),
            MyRecordLink, cancellationToken);

    public Task HandleAsync(DevelopmentPlanSubmitted submitted, IntegrationEventDelivery delivery, CancellationToken cancellationToken) =>
        TellDecidersAsync(submitted.PersonId, submitted.UnitId, "Notification:PlanSubmitted", id => $"/pathways/people/{id}/development", cancellationToken);

    public Task HandleAsync(DevelopmentPlanAgreed agreed, IntegrationEventDelivery delivery, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(agreed.PersonId, Category, new NotificationText("Notification:PlanAgreed", agreed.Year.ToString(CultureInfo.InvariantCulture)), MyRecordLink, cancellationToken);

    private async Task TellDecidersAsync(Guid personId, Guid? unitId, string key, Func<Guid, string> link, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(personId, cancellationToken) is not { } person)
        {
            return;
        }
        IEnumerable<Guid> deciders;
        if ((await assignments.CurrentAsync(personId, cancellationToken)).SupervisorId is { } supervisor)
        {
            deciders = [supervisor];
        }
        else
        {
            var ancestry = unitId is { } id ? await hierarchy.GetAncestryAsync(id, cancellationToken) : [];
            deciders = (await selection.FindHoldersAsync(PathwaysPermissions.DevelopmentApprove, cancellationToken))
                .Where(h => h.UnitId is null || ancestry.Contains(h.UnitId.Value))
                .Select(h => h.PersonId)
                .Where(id => id != personId)
                .Distinct();
        }
        foreach (var decider in deciders)
        {
            await notifier.NotifyAsync(decider, Category, new NotificationText(key, person.FullName), link(personId), cancellationToken);
        }
    }
}
