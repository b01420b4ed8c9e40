using Hangfire;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.SharedKernel.Jobs;

/// <summary>A background job that failed, with its exception's message.</summary>
internal sealed record FailedJob(string Id, string Name, string? Reason, DateTime? FailedAtUtc)
{
    /// <summary>The job's page on the dashboard, which the app serves outside its own pages.</summary>
    public string Href => $"{BackgroundJobs.DashboardPath.TrimStart('/')}/jobs/details/{Uri.EscapeDataString(Id)}";
}

/// <param name="NowUtc">When it was looked at, to tell how long ago things happened.</param>
internal sealed record BackgroundWorkStanding(long FailedJobCount, IReadOnlyList<FailedJob> LatestFailedJobs, OutboxStanding Mail, OutboxStanding Events, DateTime NowUtc);

/// <summary>
/// What an administrator should know of the work done in the background: failed jobs in Hangfire, and the mail and
/// integration events waiting or failing in the modules' outboxes.
/// </summary>
internal sealed class BackgroundWork(
    JobStorage storage, IEnumerable<IOutbox<OutgoingMail>> mail, IEnumerable<IOutbox<IntegrationEventRecord>> events, IAccessControl access,
    TimeProvider clock)
{
    public const string FailedJobsPath = BackgroundJobs.DashboardPath + "/jobs/failed";

    public async Task<Result<BackgroundWorkStanding>> GetAsync(int latest, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(PlatformPermissions.JobsDashboard))
        {
            return Error.Forbidden;
        }
        var monitoring = storage.GetMonitoringApi();
        var failed = monitoring.FailedJobs(0, latest)
            .Select(j => new FailedJob(j.Key, j.Value.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : j.Key, j.Value.ExceptionMessage, j.Value.FailedAt))
            .OrderByDescending(j => j.FailedAtUtc)
            .ToList();
        return new BackgroundWorkStanding(monitoring.FailedCount(), failed, await SumAsync(mail, cancellationToken), await SumAsync(events, cancellationToken),
            clock.GetUtcNow().UtcDateTime);
    }

    private static async Task<OutboxStanding> SumAsync<TRecord>(IEnumerable<IOutbox<TRecord>> outboxes, CancellationToken cancellationToken)
        where TRecord : OutboxRecord
    {
        var total = OutboxStanding.None;
        foreach (var outbox in outboxes)
        {
            total = total.Plus(await outbox.StandingAsync(cancellationToken));
        }
        return total;
    }
}
