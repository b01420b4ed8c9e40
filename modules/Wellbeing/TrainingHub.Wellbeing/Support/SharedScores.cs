using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Events;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;

namespace TrainingHub.Wellbeing.Support;

/// <summary>Scores shared with a request for a conversation live only as long as the answers behind them.</summary>
internal static class SharedScores
{
    /// <summary>
    /// Marks the requests of these rounds (of one person, or of everyone) as no longer sharing scores, and publishes
    /// their withdrawal to be saved with the caller's change.
    /// </summary>
    public static async Task WithdrawAsync(WellbeingDbContext db, IReadOnlyCollection<Guid> roundIds, Guid? personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var shared = await db.ConversationRequests
            .Where(r => roundIds.Contains(r.RoundId) && r.SharedScores && (personId == null || r.PersonId == personId))
            .ToListAsync(cancellationToken);
        foreach (var request in shared)
        {
            request.SharedScores = false;
            db.Publish(new SharedScoresWithdrawn(request.Id), now);
        }
    }
}
