using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace TrainingHub.SharedKernel.Mail;

/// <summary>A module's outbox, as the dispatcher sees it.</summary>
public interface IMailOutbox
{
    /// <summary>Ids of messages due now.</summary>
    Task<IReadOnlyList<Guid>> DueAsync(DateTime nowUtc, int limit, CancellationToken cancellationToken);

    /// <summary>Takes a message for sending until <paramref name="leaseUntilUtc"/>; null when another node took it first.</summary>
    Task<OutgoingMail?> ClaimAsync(Guid id, DateTime nowUtc, DateTime leaseUntilUtc, CancellationToken cancellationToken);

    Task SaveAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

internal sealed class MailOutbox<TContext>(IDbContextFactory<TContext> dbFactory) : IMailOutbox
    where TContext : DbContext
{
    public async Task<IReadOnlyList<Guid>> DueAsync(DateTime nowUtc, int limit, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Set<OutgoingMail>()
            .Where(m => m.Status == MailStatus.Pending && m.NextAttemptAtUtc <= nowUtc)
            .OrderBy(m => m.NextAttemptAtUtc)
            .Select(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    public async Task<OutgoingMail?> ClaimAsync(Guid id, DateTime nowUtc, DateTime leaseUntilUtc, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var mail = await db.Set<OutgoingMail>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mail is null || mail.Status != MailStatus.Pending || mail.NextAttemptAtUtc > nowUtc)
        {
            return null;
        }
        mail.NextAttemptAtUtc = leaseUntilUtc;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return mail;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    public async Task SaveAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        db.Set<OutgoingMail>().Update(mail);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Sends what is due from every module's outbox. A message is claimed (its version changes) before it is sent,
/// so two runs or two nodes never send it twice; a failure is retried with growing delays.
/// </summary>
public sealed class MailDispatcher(IEnumerable<IMailOutbox> outboxes, IMailTransport transport, TimeProvider clock, ILogger<MailDispatcher> logger)
{
    public const int MaxAttempts = 10;
    public const string RecurringJobId = "mail-outbox";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>The wait after the n-th failure: 1, 2, 4 … minutes, at most six hours.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var outbox in outboxes)
        {
            foreach (var id in await outbox.DueAsync(clock.GetUtcNow().UtcDateTime, limit: 100, cancellationToken))
            {
                // The lease runs from the claim: in a long batch, a lease counted from the batch's start would already
                // have run out, and another node would send the message again while this one is sending it.
                var claimedAt = clock.GetUtcNow().UtcDateTime;
                var mail = await outbox.ClaimAsync(id, claimedAt, claimedAt + Lease, cancellationToken);
                if (mail is null)
                {
                    continue;
                }
                if (await TrySendAsync(mail, cancellationToken))
                {
                    sent++;
                }
                await outbox.SaveAsync(mail, cancellationToken);
            }
        }
        return sent;
    }

    private async Task<bool> TrySendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        mail.Attempts++;
        try
        {
            await transport.SendAsync(mail, cancellationToken);
            mail.Status = MailStatus.Sent;
            mail.SentAtUtc = clock.GetUtcNow().UtcDateTime;
            mail.LastError = null;
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Sending {MessageType} mail {MailId} failed (attempt {Attempt})", mail.MessageType, mail.Id, mail.Attempts);
            mail.LastError = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
            mail.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime + RetryDelay(mail.Attempts);
            if (mail.Attempts >= MaxAttempts)
            {
                mail.Status = MailStatus.Failed;
            }
            return false;
        }
    }
}
