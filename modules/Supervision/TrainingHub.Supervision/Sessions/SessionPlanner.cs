using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Sessions;

/// <summary>
/// Planning supervision, coaching and mentoring meetings. A supervisor, coach or mentor schedules them with people
/// currently assigned to them in that role, and alone moves or cancels them; both sides see their meetings.
/// </summary>
internal sealed class SessionPlanner(
    IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, ICurrentUser currentUser, IPeopleSelection people,
    SessionInvitations invitations, TimeProvider clock)
{
    public bool CanLead => access.HasPermission(SupervisionPermissions.Supervise);

    /// <summary>The people currently assigned to the signed-in person in the role a meeting of this kind needs.</summary>
    public async Task<IReadOnlyList<ParticipantChoice>> ChoicesAsync(SessionKind kind, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me || !CanLead)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var ids = await db.AssignedTo(me, SupervisionSession.LeaderRoleFor(kind), Today).Select(a => a.PersonId).ToListAsync(cancellationToken);
        return (await people.FindAsync(new PeopleCriteria(PersonIds: ids, ActiveOnly: true), cancellationToken))
            .Select(p => new ParticipantChoice(p.Id, p.FullName))
            .OrderBy(p => p.FullName, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<Result<Guid>> ScheduleAsync(ScheduleInput input, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me || !CanLead)
        {
            return Error.Forbidden;
        }
        var participantIds = input.ParticipantIds.Distinct().ToList();
        var errors = SessionRules.CheckTimes(input.Times);
        if (SessionRules.CheckParticipants(input.Kind, participantIds) is { } participantsError)
        {
            errors.Add(participantsError);
        }
        await using var db = dbFactory.CreateDbContext();
        var assignments = await db.AssignedTo(me, SupervisionSession.LeaderRoleFor(input.Kind), Today)
            .Where(a => participantIds.Contains(a.PersonId)).ToListAsync(cancellationToken);
        if (participantIds.Count > 0 && assignments.Select(a => a.PersonId).Distinct().Count() != participantIds.Count)
        {
            errors.Add(new(nameof(ScheduleInput.ParticipantIds), "Sessions:Error:NotAssigned"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var session = new SupervisionSession
        {
            Kind = input.Kind, LeaderId = me, UnitId = assignments.First(a => a.PersonId == participantIds[0]).UnitId,
            StartsAt = input.Times.StartsAt!.Value.ToUniversalTime(), DurationMinutes = input.Times.DurationMinutes!.Value,
            Place = SessionRules.Clean(input.Times.Place), VideoLink = SessionRules.Clean(input.Times.VideoLink), CreatedAt = clock.GetUtcNow(),
            Participants = [.. participantIds.Select(id => new SessionParticipant { PersonId = id })],
        };
        db.Sessions.Add(session);
        await invitations.AddAsync(db, session, SessionInvitations.Scheduled, cancellationToken);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : session.Id;
    }

    public Task<Result> RescheduleAsync(Guid sessionId, Guid version, SessionTimes times, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, version, session => session.Reschedule(times), SessionInvitations.Moved, cancellationToken);

    public Task<Result> CancelAsync(Guid sessionId, Guid version, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, version, session => session.Cancel(reason), SessionInvitations.Cancelled, cancellationToken);

    /// <summary>The signed-in person's meetings, led or attended: those still to come first in time, or the past ones latest first.</summary>
    public async Task<Result<IReadOnlyList<SessionRow>>> MineAsync(bool past, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me || !access.HasPermission(SupervisionPermissions.SessionsView))
        {
            return Error.Forbidden;
        }
        var now = clock.GetUtcNow();
        await using var db = dbFactory.CreateDbContext();
        var query = db.Sessions.AsNoTracking().Include(s => s.Participants)
            .Where(s => s.LeaderId == me || s.Participants.Any(p => p.PersonId == me));
        // The end is computed, so the database compares starts: a meeting under way still counts as to come.
        var earliestStillOn = now.AddMinutes(-SessionRules.MaxDurationMinutes);
        var sessions = (await (past ? query.Where(s => s.StartsAt < now) : query.Where(s => s.StartsAt >= earliestStillOn)).ToListAsync(cancellationToken))
            .Where(s => past ? s.EndsAt <= now : s.EndsAt > now)
            .ToList();
        var names = (await people.FindAsync(
                new PeopleCriteria(PersonIds: [.. sessions.SelectMany(s => s.Participants.Select(p => p.PersonId).Append(s.LeaderId)).Distinct()]),
                cancellationToken))
            .ToDictionary(p => p.Id, p => p.FullName);
        var rows = sessions.Select(s => new SessionRow(
            s.Id, s.Kind, s.StartsAt, s.DurationMinutes, s.Place, s.VideoLink, s.Status, s.CancelReason, names.GetValueOrDefault(s.LeaderId, "?"),
            [.. s.Participants.Select(p => new ParticipantChoice(p.PersonId, names.GetValueOrDefault(p.PersonId, "?"))).OrderBy(p => p.FullName, StringComparer.CurrentCulture)],
            s.LeaderId == me, s.Version));
        return (past ? rows.OrderByDescending(r => r.StartsAt) : rows.OrderBy(r => r.StartsAt)).ToList();
    }

    private DateOnly Today => SharedKernel.Jobs.DailyRuns.DayOf(clock.GetUtcNow());

    /// <summary>Applies a change the leader makes; anyone else is told the meeting does not exist.</summary>
    private async Task<Result> ChangeAsync(
        Guid sessionId, Guid version, Func<SupervisionSession, Result> change, string messageType, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var session = await db.Sessions.Include(s => s.Participants).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.LeaderId != currentUser.UserId)
        {
            return Error.NotFound;
        }
        db.Entry(session).Property(s => s.Version).OriginalValue = version;
        if (change(session).Failed(out var error))
        {
            return error;
        }
        await invitations.AddAsync(db, session, messageType, cancellationToken);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }
}
