using Microsoft.EntityFrameworkCore;
using TrainingHub.Notifications.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Wellbeing.Contracts;

namespace TrainingHub.Supervision.Support;

/// <summary>
/// Takes in a person's request for a supportive conversation: it goes to whoever supervises them now, who is told that a
/// supervisee asks (never who in the notification, which may go out by e-mail, and never any score). Without a supervisor
/// nobody else receives it; the person is told so and pointed to the support resources on their check-ins page.
/// </summary>
internal sealed class SupportRequestIntake(IDbContextFactory<SupervisionDbContext> dbFactory, ISupervisionAssignments assignments, INotifier notifier)
    : IIntegrationEventHandler<ConversationRequested>
{
    public const string Category = "Supervision.Support";

    /// <summary>Where the person finds the support resources (their check-ins page, beside their scores).</summary>
    public const string ResourcesLink = "/wellbeing/check-ins";

    public async Task HandleAsync(ConversationRequested requested, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await db.SupportRequests.AnyAsync(r => r.Id == requested.RequestId, cancellationToken))
        {
            // Told before the save, which also records the delivery: should the save fail, the retry tells again rather than never.
            if ((await assignments.CurrentAsync(requested.PersonId, cancellationToken)).SupervisorId is { } supervisorId)
            {
                await notifier.NotifyAsync(supervisorId, Category, new NotificationText("Notification:ConversationRequested"), SupportRequests.Link, cancellationToken);
                db.SupportRequests.Add(SupportRequest.Receive(requested, supervisorId));
            }
            else
            {
                await notifier.NotifyAsync(requested.PersonId, Category, new NotificationText("Notification:NoSupervisorForConversation"), ResourcesLink,
                    cancellationToken);
            }
        }
        db.MarkProcessed(delivery);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Removes the scores a person shared with a request once they deleted the answers behind them; harmless to repeat.</summary>
internal sealed class SharedScoresWithdrawal(IDbContextFactory<SupervisionDbContext> dbFactory) : IIntegrationEventHandler<SharedScoresWithdrawn>
{
    public async Task HandleAsync(SharedScoresWithdrawn withdrawn, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        (await db.SupportRequests.FirstOrDefaultAsync(r => r.Id == withdrawn.RequestId, cancellationToken))?.WithdrawScores();
        db.MarkProcessed(delivery);
        await db.SaveChangesAsync(cancellationToken);
    }
}
