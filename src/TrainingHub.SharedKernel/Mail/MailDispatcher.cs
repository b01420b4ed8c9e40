using Hangfire;
using Microsoft.Extensions.Logging;
using TrainingHub.SharedKernel.Outbox;

namespace TrainingHub.SharedKernel.Mail;

/// <summary>Sends what is due from every module's mail outbox (see <see cref="OutboxDispatcher{TRecord}"/>).</summary>
public sealed class MailDispatcher(IEnumerable<IOutbox<OutgoingMail>> outboxes, IMailTransport transport, TimeProvider clock, ILogger<MailDispatcher> logger)
    : OutboxDispatcher<OutgoingMail>(outboxes, MaxAttempts, clock, logger)
{
    public const int MaxAttempts = 10;
    public const string RecurringJobId = "mail-outbox";

    /// <summary>Sends what is due; answers how many messages went.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> DispatchAsync(CancellationToken cancellationToken) => (await RunAsync(cancellationToken)).Delivered;

    protected override async Task<string?> DeliverAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(mail, cancellationToken);
            mail.SentAtUtc = Clock.GetUtcNow().UtcDateTime;
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Sending {MessageType} mail {MailId} failed (attempt {Attempt})", mail.MessageType, mail.Id, mail.Attempts);
            return exception.Message;
        }
    }
}
