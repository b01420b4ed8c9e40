using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace TrainingHub.SharedKernel.Outbox;

/// <summary>One module's outbox of <typeparamref name="TRecord"/>, as a dispatcher sees it.</summary>
public interface IOutbox<TRecord>
    where TRecord : OutboxRecord
{
    /// <summary>Ids of records due now, oldest first.</summary>
    Task<IReadOnlyList<Guid>> DueAsync(DateTime nowUtc, int limit, CancellationToken cancellationToken);

    /// <summary>Takes a record for delivery until <paramref name="leaseUntilUtc"/>; null when another node took it first.</summary>
    Task<TRecord?> ClaimAsync(Guid id, DateTime nowUtc, DateTime leaseUntilUtc, CancellationToken cancellationToken);

    Task SaveAsync(TRecord record, CancellationToken cancellationToken);

    /// <summary>What is waiting and failing in it, for those who watch the platform.</summary>
    Task<OutboxStanding> StandingAsync(CancellationToken cancellationToken);
}

/// <summary>
/// How one or more outboxes stand: records waiting to go (some of them after a failure, being tried again), records given
/// up, when the oldest waiting one was saved, and the latest failure's reason.
/// </summary>
public sealed record OutboxStanding(int Waiting, int Retrying, int GivenUp, DateTime? OldestWaitingUtc, OutboxFailure? LatestFailure)
{
    public static OutboxStanding None { get; } = new(0, 0, 0, null, null);

    /// <summary>Retrying and given up together: what needs a look.</summary>
    public int Failing => Retrying + GivenUp;

    public OutboxStanding Plus(OutboxStanding other) => new(
        Waiting + other.Waiting, Retrying + other.Retrying, GivenUp + other.GivenUp,
        new[] { OldestWaitingUtc, other.OldestWaitingUtc }.Min(),
        new[] { LatestFailure, other.LatestFailure }.MaxBy(f => f?.AtUtc));
}

/// <param name="AtUtc">When the attempt failed.</param>
public sealed record OutboxFailure(string Error, DateTime AtUtc);

internal sealed class ModuleOutbox<TContext, TRecord>(IDbContextFactory<TContext> dbFactory) : IOutbox<TRecord>
    where TContext : DbContext
    where TRecord : OutboxRecord
{
    public async Task<IReadOnlyList<Guid>> DueAsync(DateTime nowUtc, int limit, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Set<TRecord>()
            .Where(r => r.Status == OutboxStatus.Pending && r.NextAttemptAtUtc <= nowUtc)
            .OrderBy(r => r.CreatedAtUtc)
            .Select(r => r.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    public async Task<TRecord?> ClaimAsync(Guid id, DateTime nowUtc, DateTime leaseUntilUtc, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var record = await db.Set<TRecord>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null || record.Status != OutboxStatus.Pending || record.NextAttemptAtUtc > nowUtc)
        {
            return null;
        }
        record.NextAttemptAtUtc = leaseUntilUtc;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return record;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    public async Task SaveAsync(TRecord record, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        db.Set<TRecord>().Update(record);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<OutboxStanding> StandingAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        // Delivered records pile up; the index on the status keeps both queries to the few that are not.
        var open = db.Set<TRecord>().Where(r => r.Status != OutboxStatus.Delivered);
        var byStatus = await open.GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Erring = g.Count(r => r.LastError != null), Oldest = g.Min(r => r.CreatedAtUtc) })
            .ToListAsync(cancellationToken);
        // A failure sets the next attempt that many minutes on, so the latest ones are among those to be tried last.
        var failures = await open.Where(r => r.LastError != null).OrderByDescending(r => r.NextAttemptAtUtc).Take(20)
            .Select(r => new { r.LastError, r.NextAttemptAtUtc, r.Attempts })
            .ToListAsync(cancellationToken);
        var pending = byStatus.SingleOrDefault(g => g.Status == OutboxStatus.Pending);
        return new OutboxStanding(
            pending?.Count ?? 0, pending?.Erring ?? 0, byStatus.SingleOrDefault(g => g.Status == OutboxStatus.Failed)?.Count ?? 0, pending?.Oldest,
            failures.Select(f => new OutboxFailure(f.LastError!, f.NextAttemptAtUtc - OutboxDispatcher<TRecord>.RetryDelay(f.Attempts))).MaxBy(f => f.AtUtc));
    }
}

/// <summary>What one run took up (delivered or put off) and how many of those it delivered.</summary>
public readonly record struct OutboxRun(int Taken, int Delivered);

/// <summary>
/// The loop behind every outbox: what is due in each module's outbox is claimed (its version changes) before delivery,
/// so two runs or two nodes never deliver it at once; a failure is tried again after 1, 2, 4 … minutes, and the record
/// is given up after <c>maxAttempts</c>.
/// </summary>
public abstract class OutboxDispatcher<TRecord>(IEnumerable<IOutbox<TRecord>> outboxes, int maxAttempts, TimeProvider clock, ILogger logger)
    where TRecord : OutboxRecord
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>The wait after the n-th failure: 1, 2, 4 … minutes, at most six hours.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));

    protected TimeProvider Clock => clock;

    /// <summary>Delivers a claimed record (its attempt already counted); answers why it failed, or null when it went.</summary>
    protected abstract Task<string?> DeliverAsync(TRecord record, CancellationToken cancellationToken);

    protected async Task<OutboxRun> RunAsync(CancellationToken cancellationToken)
    {
        var run = new OutboxRun();
        foreach (var outbox in outboxes)
        {
            foreach (var id in await outbox.DueAsync(clock.GetUtcNow().UtcDateTime, limit: 100, cancellationToken))
            {
                // The lease runs from the claim: in a long batch, a lease counted from the batch's start would already
                // have run out, and another node would deliver the record again while this one is delivering it.
                var claimedAt = clock.GetUtcNow().UtcDateTime;
                var record = await outbox.ClaimAsync(id, claimedAt, claimedAt + Lease, cancellationToken);
                if (record is null)
                {
                    continue;
                }
                record.Attempts++;
                var delivered = Record(record, await DeliverAsync(record, cancellationToken));
                run = new OutboxRun(run.Taken + 1, run.Delivered + (delivered ? 1 : 0));
                await outbox.SaveAsync(record, cancellationToken);
            }
        }
        return run;
    }

    private bool Record(TRecord record, string? failure)
    {
        if (failure is null)
        {
            record.Status = OutboxStatus.Delivered;
            record.LastError = null;
            return true;
        }
        record.LastError = failure.Length > OutboxModel.MaxErrorLength ? failure[..OutboxModel.MaxErrorLength] : failure;
        record.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime + RetryDelay(record.Attempts);
        if (record.Attempts >= maxAttempts)
        {
            logger.LogError("{Record} {Id} was given up after {Attempts} attempts: {Error}", typeof(TRecord).Name, record.Id, record.Attempts, record.LastError);
            record.Status = OutboxStatus.Failed;
        }
        return false;
    }
}
