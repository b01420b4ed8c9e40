using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Hours;

/// <summary>
/// Signing practice hours. A person's hours are reviewed by their current supervisor, or by whoever may review hours
/// in the area of the person's home unit (administrators); nobody reviews their own. Entries outside that reach are
/// "not found". Approvals and their withdrawals are published to other modules with the change that makes them.
/// </summary>
internal sealed class HoursReview(
    IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, ICurrentUser currentUser, IOrganisationDirectory units,
    IPeopleSelection people, CompetencyChoices competencies, HoursRequirements requirements, TimeProvider clock)
{
    /// <summary>How many weeks back the approved list reaches, for withdrawing an approval given by mistake.</summary>
    public const int ApprovedWeeksShown = 12;

    public bool CanReview => access.HasPermission(SupervisionPermissions.HoursReview);

    private DateOnly Today => DailyRuns.DayOf(clock.GetUtcNow());

    /// <summary>
    /// The entries waiting for a signature (or, with <paramref name="approved"/>, those approved in the last
    /// <see cref="ApprovedWeeksShown"/> weeks), per person and week, the oldest week first.
    /// </summary>
    public async Task<Result<IReadOnlyList<ReviewWeek>>> WeeksAsync(bool approved = false, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await ReachAsync(db, cancellationToken) is not { } reach)
        {
            return Error.Forbidden;
        }
        var state = approved ? HoursState.Approved : HoursState.Submitted;
        var since = approved ? HoursRules.WeekOf(Today).AddDays(-7 * (ApprovedWeeksShown - 1)) : DateOnly.MinValue;
        var entries = await Reachable(db, reach).AsNoTracking().Where(e => e.State == state && e.Date >= since).ToListAsync(cancellationToken);
        var types = await db.ActivityTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var named = entries.Any(e => e.CompetencyLineageId is not null) ? await competencies.ByLineageAsync(cancellationToken) : null;
        var names = (await people.FindAsync(new PeopleCriteria(PersonIds: [.. entries.Select(e => e.PersonId).Distinct()]), cancellationToken))
            .ToDictionary(p => p.Id, p => p.FullName);
        var weeks = entries
            .GroupBy(e => (e.PersonId, Week: HoursRules.WeekOf(e.Date)))
            .Select(g => new ReviewWeek(g.Key.PersonId, names.GetValueOrDefault(g.Key.PersonId, "?"), g.Key.Week, g
                .OrderBy(e => e.Date).ThenBy(e => e.CreatedAt)
                .Select(e => new ReviewRow(e.Id, e.PersonId, e.Date, e.Hours, types[e.ActivityTypeId], e.Setting, e.Description,
                    e.CompetencyLineageId is { } lineage ? named?.GetValueOrDefault(lineage)?.Name : null, e.State, e.ReviewedAt, e.Version))
                .ToList()));
        // Waiting weeks oldest first, as the longest wait is signed first; approved ones latest first.
        return (approved ? weeks.OrderByDescending(w => w.WeekOf) : weeks.OrderBy(w => w.WeekOf))
            .ThenBy(w => w.PersonName, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>How many entries wait for the signed-in person's signature; none for those who may not review.</summary>
    public async Task<int> WaitingCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await ReachAsync(db, cancellationToken) is { } reach
            ? await Reachable(db, reach).CountAsync(e => e.State == HoursState.Submitted, cancellationToken)
            : 0;
    }

    /// <summary>
    /// This year's approved hours against what they are asked for, of those of <paramref name="personIds"/> whose hours
    /// the signed-in person reviews (by their home unit today, for an area); the others are left out.
    /// </summary>
    public async Task<Result<IReadOnlyDictionary<Guid, HoursProgress>>> ProgressAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await ReachAsync(db, cancellationToken) is not { } reach)
        {
            return Error.Forbidden;
        }
        var reached = (await people.FindAsync(new PeopleCriteria(PersonIds: personIds), cancellationToken))
            .Where(p => p.Id != reach.Me && (reach.Supervisees.Contains(p.Id) || p.HomeUnitId is { } unit && reach.AreaUnits.Contains(unit)))
            .Select(p => (p.Id, p.PositionTypeId))
            .ToList();
        return Result<IReadOnlyDictionary<Guid, HoursProgress>>.Success(await requirements.ProgressAsync(reached, Today, cancellationToken));
    }

    public Task<Result> ApproveAsync(Guid entryId, Guid version, CancellationToken cancellationToken = default) =>
        ChangeAsync(entryId, version, (db, entry, me, now) => Approved(db, entry, me, now), cancellationToken);

    public Task<Result> RejectAsync(Guid entryId, Guid version, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(entryId, version, (_, entry, me, now) => entry.Reject(me, reason, now), cancellationToken);

    /// <summary>Takes an approval back with the reason; the change is kept in the audit trail and other modules are told.</summary>
    public Task<Result> WithdrawAsync(Guid entryId, Guid version, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(entryId, version, (db, entry, me, now) =>
        {
            if (entry.Withdraw(me, reason, now).Failed(out var error))
            {
                return error;
            }
            db.Publish(new PracticeHoursApprovalWithdrawn(entry.Id, entry.PersonId, entry.CompetencyLineageId, me, now), now);
            return Result.Success();
        }, cancellationToken);

    /// <summary>Approves every entry of one person's week that waits for a signature, in one save.</summary>
    public async Task<Result<int>> ApproveWeekAsync(Guid personId, DateOnly weekOf, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await ReachAsync(db, cancellationToken) is not { } reach)
        {
            return Error.Forbidden;
        }
        var monday = HoursRules.WeekOf(weekOf);
        var sunday = monday.AddDays(6);
        var entries = await Reachable(db, reach)
            .Where(e => e.PersonId == personId && e.State == HoursState.Submitted && e.Date >= monday && e.Date <= sunday)
            .OrderBy(e => e.Date).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return Error.NotFound;
        }
        await db.ActivityTypes.LoadAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var entry in entries)
        {
            if (Approved(db, entry, reach.Me, now).Failed(out var error))
            {
                return error;
            }
        }
        return await db.SaveOrErrorAsync(cancellationToken) is { } saveError ? saveError : entries.Count;
    }

    private static Result Approved(SupervisionDbContext db, PracticeHoursEntry entry, Guid reviewerId, DateTimeOffset now)
    {
        if (entry.Approve(reviewerId, now).Failed(out var error))
        {
            return error;
        }
        // The types are loaded before any change (a small table), so the name is at hand.
        var activity = db.ActivityTypes.Local.Single(t => t.Id == entry.ActivityTypeId).NameUk;
        db.Publish(new PracticeHoursApproved(entry.Id, entry.PersonId, entry.CompetencyLineageId, entry.Date, entry.Hours, activity, reviewerId, now), now);
        return Result.Success();
    }

    private async Task<Result> ChangeAsync(
        Guid entryId, Guid version, Func<SupervisionDbContext, PracticeHoursEntry, Guid, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await ReachAsync(db, cancellationToken) is not { } reach)
        {
            return Error.Forbidden;
        }
        var entry = await Reachable(db, reach).FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return Error.NotFound;
        }
        db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        await db.ActivityTypes.LoadAsync(cancellationToken);
        if (change(db, entry, reach.Me, clock.GetUtcNow()).Failed(out var error))
        {
            return error;
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Whose hours the signed-in person reviews: the people they supervise today, and the units of their review area.</summary>
    private sealed record Reach(Guid Me, List<Guid> Supervisees, List<Guid> AreaUnits);

    private async Task<Reach?> ReachAsync(SupervisionDbContext db, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } me || !CanReview)
        {
            return null;
        }
        var supervisees = await db.AssignedTo(me, AssignmentRole.Supervisor, Today).Select(a => a.PersonId).ToListAsync(cancellationToken);
        var area = access.GetScope(SupervisionPermissions.HoursReviewInArea);
        var areaUnits = area.IsEmpty ? [] : (await units.GetUnitsInAsync(area, cancellationToken)).Select(u => u.Id).ToList();
        return new Reach(me, supervisees, areaUnits);
    }

    private static IQueryable<PracticeHoursEntry> Reachable(SupervisionDbContext db, Reach reach) =>
        db.HoursEntries.Where(e => e.PersonId != reach.Me && (reach.Supervisees.Contains(e.PersonId) || reach.AreaUnits.Contains(e.UnitId)));
}
