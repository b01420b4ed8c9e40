using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Mentoring;

/// <summary>
/// Mentoring pairs: a pair is a mentor assignment, and its goals and end review hang on it. The mentor and the mentee
/// see and change their pair's goals; coordinators with <see cref="SupervisionPermissions.AssignmentsManage"/> over the
/// pair's unit read; anyone else is told the pair does not exist.
/// </summary>
internal sealed class MentoringPairs(
    IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, ICurrentUser currentUser, IPeopleSelection people, TimeProvider clock)
{
    /// <summary>The signed-in person's pairs, as mentor or mentee: current ones first, then those ended, latest first.</summary>
    public async Task<IReadOnlyList<PairView>> MineAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var today = Today;
        var pairs = await db.Assignments.AsNoTracking()
            .Where(a => a.Role == AssignmentRole.Mentor && (a.AssigneeId == me || a.PersonId == me) && a.StartsOn <= today)
            .ToListAsync(cancellationToken);
        var views = new List<PairView>();
        foreach (var pair in pairs.OrderByDescending(p => p.IsCurrentOn(today)).ThenByDescending(p => p.EndsOn ?? DateOnly.MaxValue).ThenBy(p => p.StartsOn))
        {
            views.Add(await ViewAsync(db, pair, pair.AssigneeId == me ? PairReader.Mentor : PairReader.Mentee, me, cancellationToken));
        }
        return views;
    }

    /// <summary>One pair, for the two of it or a coordinator of its unit.</summary>
    public async Task<Result<PairView>> OpenAsync(Guid assignmentId, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var pair = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assignmentId && a.Role == AssignmentRole.Mentor, cancellationToken);
        var reader = pair is null ? null
            : me == pair.AssigneeId ? PairReader.Mentor
            : me == pair.PersonId ? PairReader.Mentee
            : await access.IsGrantedAsync(SupervisionPermissions.AssignmentsManage, pair.UnitId, cancellationToken) ? PairReader.Coordinator
            : (PairReader?)null;
        if (pair is null || reader is null)
        {
            return Error.NotFound;
        }
        return await ViewAsync(db, pair, reader.Value, me, cancellationToken);
    }

    /// <summary>Either of the pair proposes a goal; it is open from then on.</summary>
    public async Task<Result<Guid>> ProposeAsync(Guid assignmentId, GoalInput input, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var pair = await PairAsync(db, assignmentId, cancellationToken);
        if (pair is null)
        {
            return Error.NotFound;
        }
        if (!MentoringGoal.Propose(pair, input, me, Today, clock.GetUtcNow()).TryGetValue(out var goal, out var error))
        {
            return error;
        }
        db.Goals.Add(goal);
        return await db.SaveOrErrorAsync(cancellationToken) is { } saveError ? saveError : goal.Id;
    }

    public Task<Result> AchieveAsync(Guid goalId, CancellationToken cancellationToken = default) =>
        ChangeGoalAsync(goalId, (goal, pair, me) => goal.Achieve(pair, me, Today, clock.GetUtcNow()), cancellationToken);

    public Task<Result> DropAsync(Guid goalId, string? reason, CancellationToken cancellationToken = default) =>
        ChangeGoalAsync(goalId, (goal, pair, me) => goal.Drop(pair, reason, me, Today, clock.GetUtcNow()), cancellationToken);

    /// <summary>Submits the signed-in person's end review of the pair; it is final, so a second one is refused.</summary>
    public async Task<Result> ReviewAsync(Guid assignmentId, ReviewInput input, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var pair = await PairAsync(db, assignmentId, cancellationToken);
        if (pair is null)
        {
            return Error.NotFound;
        }
        if (!MentoringReview.Submit(pair, input, me, Today, clock.GetUtcNow()).TryGetValue(out var review, out var error))
        {
            return error;
        }
        if (await db.Reviews.AnyAsync(r => r.AssignmentId == assignmentId && r.AuthorId == me, cancellationToken))
        {
            return Error.Rule("Mentoring:Error:ReviewSubmitted");
        }
        db.Reviews.Add(review);
        // Two submissions racing each other meet the unique index: the second is refused as already submitted.
        return await db.SaveOrErrorAsync(cancellationToken) is null ? Result.Success() : Error.Rule("Mentoring:Error:ReviewSubmitted");
    }

    private DateOnly Today => DailyRuns.DayOf(clock.GetUtcNow());

    private static Task<Assignment?> PairAsync(SupervisionDbContext db, Guid assignmentId, CancellationToken cancellationToken) =>
        db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assignmentId && a.Role == AssignmentRole.Mentor, cancellationToken);

    private async Task<Result> ChangeGoalAsync(Guid goalId, Func<MentoringGoal, Assignment, Guid, Result> change, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == goalId, cancellationToken);
        var pair = goal is null ? null : await PairAsync(db, goal.AssignmentId, cancellationToken);
        if (goal is null || pair is null)
        {
            return Error.NotFound;
        }
        if (change(goal, pair, me).Failed(out var error))
        {
            return error;
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    private async Task<PairView> ViewAsync(SupervisionDbContext db, Assignment pair, PairReader reader, Guid me, CancellationToken cancellationToken)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.AssignmentId == pair.Id).ToListAsync(cancellationToken);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.AssignmentId == pair.Id).ToListAsync(cancellationToken);
        var meetings = await db.Sessions.AsNoTracking()
            .Where(s => s.Kind == SessionKind.Mentoring && s.LeaderId == pair.AssigneeId && s.Participants.Any(p => p.PersonId == pair.PersonId))
            .Select(s => new PairMeeting(s.Id, s.StartsAt, s.DurationMinutes, s.Status))
            .ToListAsync(cancellationToken);
        var names = (await people.FindAsync(new PeopleCriteria(PersonIds: [.. goals.Select(g => g.ProposedBy).Append(pair.AssigneeId).Append(pair.PersonId).Distinct()]),
            cancellationToken)).ToDictionary(p => p.Id, p => p.FullName);
        string Name(Guid id) => names.GetValueOrDefault(id, "?");
        ReviewView Show(MentoringReview r) => new(Name(r.AuthorId), r.AuthorId == pair.AssigneeId, r.WentWell, r.Next, r.GoalsMet, r.SubmittedAt);

        var mentorSubmitted = reviews.Any(r => r.AuthorId == pair.AssigneeId);
        var menteeSubmitted = reviews.Any(r => r.AuthorId == pair.PersonId);
        var review = new ReviewState(
            MentoringRules.ReviewIsDue(pair, Today), mentorSubmitted, menteeSubmitted,
            reviews.FirstOrDefault(r => r.AuthorId == me) is { } mine ? Show(mine) : null,
            mentorSubmitted && menteeSubmitted ? [.. reviews.OrderByDescending(r => r.AuthorId == pair.AssigneeId).Select(Show)] : []);
        return new PairView(
            pair.Id, pair.AssigneeId, Name(pair.AssigneeId), pair.PersonId, Name(pair.PersonId), pair.StartsOn, pair.EndsOn, pair.IsCurrentOn(Today), reader,
            [.. goals.OrderBy(g => g.Status).ThenBy(g => g.TargetOn ?? DateOnly.MaxValue).ThenBy(g => g.ProposedAt)
                .Select(g => new GoalView(g.Id, g.Text, g.TargetOn, g.Status, Name(g.ProposedBy), g.ClosedAt, g.DropReason))],
            [.. meetings.OrderBy(m => m.StartsAt)],
            review);
    }
}
