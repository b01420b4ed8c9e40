using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Assignments;

/// <summary>The contract other modules read assignments through.</summary>
internal sealed class CurrentAssignees(IDbContextFactory<SupervisionDbContext> dbFactory, TimeProvider clock) : ISupervisionAssignments
{
    public async Task<PersonAssignees> CurrentAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var today = DailyRuns.DayOf(clock.GetUtcNow());
        await using var db = dbFactory.CreateDbContext();
        var current = await db.Assignments.AsNoTracking()
            .Where(a => a.PersonId == personId && a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today))
            .Select(a => new { a.Role, a.AssigneeId })
            .ToListAsync(cancellationToken);
        return current.Count == 0 ? PersonAssignees.None : new PersonAssignees(
            current.FirstOrDefault(a => a.Role == AssignmentRole.Supervisor)?.AssigneeId,
            [.. current.Where(a => a.Role == AssignmentRole.Mentor).Select(a => a.AssigneeId)],
            current.FirstOrDefault(a => a.Role == AssignmentRole.Coach)?.AssigneeId);
    }
}
