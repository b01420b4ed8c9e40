using TrainingHub.Notifications.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing.CheckIns;

/// <summary>
/// A person answered or skipped a round, so its reminders to them should stop. Saved with the change, so the reminders
/// stop even when the notifications module is unreachable at that moment. Who answered is anonymous data: once delivered,
/// the outbox keeps nothing of it.
/// </summary>
[IntegrationEvent("Wellbeing.InvitationSettled")]
[AnonymousData]
internal sealed record InvitationSettled(Guid PersonId, Guid RoundId);

/// <summary>Cancels the settled round's unsent reminders to the person; cancelling twice is harmless, so a repeat does no harm.</summary>
internal sealed class ReminderCancellation(IReminders reminders) : IIntegrationEventHandler<InvitationSettled>
{
    public Task HandleAsync(InvitationSettled integrationEvent, IntegrationEventDelivery delivery, CancellationToken cancellationToken) =>
        reminders.CancelAsync(RoundRun.Thing(integrationEvent.RoundId), integrationEvent.PersonId, cancellationToken);
}
