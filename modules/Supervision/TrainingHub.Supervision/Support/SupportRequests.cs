using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Support;

/// <summary>A shared score as the supervisor reads it, named in their language.</summary>
internal sealed record SharedScoreRow(string Name, decimal Score, bool High);

/// <summary>A request for a supportive conversation as its supervisor sees it; <see cref="Scores"/> is null when none were shared.</summary>
internal sealed record SupportRequestRow(
    Guid Id, Guid PersonId, string PersonName, DateTimeOffset RequestedAt, string? Note, IReadOnlyList<SharedScoreRow>? Scores, DateTimeOffset? HandledAt);

/// <summary>
/// Requests for a supportive conversation, for the supervisor each was addressed to and nobody else: not other
/// supervisors, coordinators or administrators, whatever they may otherwise see of the person.
/// </summary>
internal sealed class SupportRequests(
    IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, ICurrentUser currentUser, IPeopleSelection people, TimeProvider clock)
{
    public const string Link = "/supervision/support-requests";

    /// <summary>How long a handled request stays on the list.</summary>
    public static readonly TimeSpan RecentFor = TimeSpan.FromDays(90);

    private Guid? Me => access.HasPermission(SupervisionPermissions.Supervise) ? currentUser.UserId : null;

    /// <summary>One's open requests, newest first, then those handled lately.</summary>
    public async Task<Result<IReadOnlyList<SupportRequestRow>>> MineAsync(CancellationToken cancellationToken = default)
    {
        if (Me is not { } me)
        {
            return Error.Forbidden;
        }
        var since = clock.GetUtcNow() - RecentFor;
        await using var db = dbFactory.CreateDbContext();
        // Compared in memory: SQLite cannot compare DateTimeOffset values in a query, and one supervisor's requests are few.
        var requests = (await db.SupportRequests.AsNoTracking().Where(r => r.SupervisorId == me).ToListAsync(cancellationToken))
            .Where(r => r.IsOpen || r.HandledAt >= since)
            .OrderByDescending(r => r.IsOpen).ThenByDescending(r => r.RequestedAt)
            .ToList();
        var names = (await people.FindAsync(new PeopleCriteria(PersonIds: [.. requests.Select(r => r.PersonId).Distinct()]), cancellationToken))
            .ToDictionary(p => p.Id, p => p.FullName);
        return requests.Select(r => new SupportRequestRow(r.Id, r.PersonId, names.GetValueOrDefault(r.PersonId, ""), r.RequestedAt, r.Note,
                r.ReadScores()?.Select(s => new SharedScoreRow(Cultures.ReadsEnglish ? s.NameEn : s.NameUk, s.Score, s.High)).ToList(), r.HandledAt))
            .ToList();
    }

    /// <summary>How many of one's requests are open, for the supervisees page.</summary>
    public async Task<int> OpenCountAsync(CancellationToken cancellationToken = default)
    {
        if (Me is not { } me)
        {
            return 0;
        }
        await using var db = dbFactory.CreateDbContext();
        return await db.SupportRequests.CountAsync(r => r.SupervisorId == me && r.HandledAt == null, cancellationToken);
    }

    /// <summary>Marks one's request handled; anyone else is told it does not exist.</summary>
    public async Task<Result> CloseAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (Me is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.SupportRequests.FirstOrDefaultAsync(r => r.Id == id && r.SupervisorId == me, cancellationToken) is not { } request)
        {
            return Error.NotFound;
        }
        return request.Close(clock.GetUtcNow()).Failed(out var error) ? error : await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }
}
