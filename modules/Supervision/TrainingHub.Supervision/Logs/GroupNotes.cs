using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Logs;

/// <summary>
/// The shared part of a group supervision's logs: what the group worked on together, written by the leader and read by
/// everyone in the group beside their own log. It is locked once every participant's log is.
/// </summary>
[SensitiveData]
internal sealed class GroupNote : IHasVersion, IAuditedInUnit
{
    public Guid SessionId { get; set; }

    public Guid UnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    public string? Text { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>The shared part as its reader sees it; <see cref="Editable"/> for the leader while any log is open.</summary>
internal sealed record GroupNoteView(string? Text, bool Editable);

/// <summary>Reading and writing the shared part of a group supervision, with the logs' rules on who reads and writes.</summary>
internal sealed class GroupNotes(IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<GroupNoteView>> ReadAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await GroupAsync(db, sessionId, cancellationToken) is not { } session || !await MayReadAsync(session, cancellationToken))
        {
            return Error.NotFound;
        }
        var note = await db.GroupNotes.AsNoTracking().FirstOrDefaultAsync(n => n.SessionId == sessionId, cancellationToken);
        return new GroupNoteView(note?.Text, session.LeaderId == currentUser.UserId && !await AllLockedAsync(db, session, cancellationToken));
    }

    public async Task<Result> WriteAsync(Guid sessionId, string? text, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await GroupAsync(db, sessionId, cancellationToken) is not { } session || !await MayReadAsync(session, cancellationToken))
        {
            return Error.NotFound;
        }
        if (session.LeaderId != currentUser.UserId)
        {
            return Error.Forbidden;
        }
        if (await AllLockedAsync(db, session, cancellationToken))
        {
            return Error.Rule("Logs:Error:Locked");
        }
        var clean = LogRules.Clean(text);
        if (clean?.Length > LogRules.MaxTextLength)
        {
            return Error.Validation("Text", "Logs:Error:TooLong", LogRules.MaxTextLength);
        }
        var note = await db.GroupNotes.FirstOrDefaultAsync(n => n.SessionId == sessionId, cancellationToken);
        if (note is null)
        {
            note = new GroupNote { SessionId = sessionId, UnitId = session.UnitId };
            db.GroupNotes.Add(note);
        }
        (note.Text, note.UpdatedAt) = (clean, clock.GetUtcNow());
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    private static Task<SupervisionSession?> GroupAsync(SupervisionDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        db.Sessions.AsNoTracking().Include(s => s.Participants)
            .FirstOrDefaultAsync(s => s.Id == sessionId && s.Kind == SessionKind.Group && s.Status == SessionStatus.Scheduled, cancellationToken);

    private async Task<bool> MayReadAsync(SupervisionSession session, CancellationToken cancellationToken) =>
        currentUser.UserId is { } me
        && (session.LeaderId == me || session.Participants.Any(p => p.PersonId == me)
            || await access.IsGrantedAsync(SupervisionPermissions.LogsRead, session.UnitId, cancellationToken));

    /// <summary>Whether every participant's log is signed by both: then the shared part is part of a finished record.</summary>
    private static async Task<bool> AllLockedAsync(SupervisionDbContext db, SupervisionSession session, CancellationToken cancellationToken) =>
        await db.Logs.CountAsync(l => l.SessionId == session.Id && l.LeaderSignedAt != null && l.PersonSignedAt != null, cancellationToken)
            == session.Participants.Count;
}
