using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Rounds;
using TrainingHub.Wellbeing.Support;

namespace TrainingHub.Wellbeing.CheckIns;

/// <summary>
/// Every night, deletes the answers and scores of rounds that opened longer ago than the retention period
/// (<c>Wellbeing:RetentionMonths</c>, 24 by default), with any copy of their scores shared with a supervisor: what is no
/// longer needed is not kept.
/// </summary>
internal sealed class ResponseRetention(IDbContextFactory<WellbeingDbContext> dbFactory, IConfiguration configuration, TimeProvider clock)
{
    public const string RecurringJobId = "wellbeing-retention";

    public const int DefaultMonths = 24;

    public int Months => Math.Max(1, configuration.GetValue<int?>("Wellbeing:RetentionMonths") ?? DefaultMonths);

    /// <summary>Deletes what has passed the period; returns how many responses were deleted.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var before = DailyRuns.DayOf(clock.GetUtcNow()).AddMonths(-Months);
        await using var db = dbFactory.CreateDbContext();
        var rounds = await db.Rounds.Where(r => r.OpensOn < before).Select(r => r.Id).ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Invitations.Where(i => rounds.Contains(i.RoundId) && i.ResponseId != null)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.ResponseId, (Guid?)null).SetProperty(x => x.State, InvitationState.Deleted), cancellationToken);
        var deleted = await db.Responses.Where(r => rounds.Contains(r.RoundId)).ExecuteDeleteAsync(cancellationToken);
        await SharedScores.WithdrawAsync(db, rounds, null, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
