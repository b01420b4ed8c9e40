using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Logs;

/// <summary>
/// Writing, signing and reading session logs. The two parties (the leader and the supervisee the log is about) write
/// while it is a draft, each part saved as it is typed; coordinators with <see cref="SupervisionPermissions.LogsRead"/>
/// over the session's unit read it without the private note; anyone else is told it does not exist.
/// </summary>
internal sealed class LogBook(
    IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, ICurrentUser currentUser, IPeopleSelection people, TimeProvider clock)
{
    /// <summary>Two saves of the same log racing each other (each party typing) are retried this often.</summary>
    private const int SaveAttempts = 3;

    /// <summary>A signature on a log that changed since the signer read it: a conflict to resolve by reading it again.</summary>
    private static readonly Error ChangedSinceRead = new(ErrorKind.Conflict, "Logs:Error:ChangedSinceRead", []);

    /// <summary>
    /// The log of one participant's meeting, started when one of the two first opens it once the meeting has begun.
    /// </summary>
    public async Task<Result<LogView>> OpenAsync(Guid sessionId, Guid personId, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var session = await db.Sessions.AsNoTracking().Include(s => s.Participants).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.Participants.All(p => p.PersonId != personId))
        {
            return Error.NotFound;
        }
        var reader = me == session.LeaderId ? LogReader.Leader
            : me == personId ? LogReader.Person
            : await access.IsGrantedAsync(SupervisionPermissions.LogsRead, session.UnitId, cancellationToken) ? LogReader.Coordinator
            : (LogReader?)null;
        if (reader is null)
        {
            return Error.NotFound;
        }
        var log = await Logs(db).FirstOrDefaultAsync(l => l.SessionId == sessionId && l.PersonId == personId, cancellationToken);
        if (log is null)
        {
            if (session.Status == SessionStatus.Cancelled)
            {
                return Error.Rule("Logs:Error:Cancelled");
            }
            if (session.StartsAt > clock.GetUtcNow())
            {
                return Error.Rule("Logs:Error:NotYet");
            }
            if (reader == LogReader.Coordinator)
            {
                return Error.Rule("Logs:Error:NotWritten");
            }
            log = SessionLog.For(session, personId, clock.GetUtcNow());
            db.Logs.Add(log);
            if (await db.SaveOrErrorAsync(cancellationToken) is not null)
            {
                // The other party started it at the same moment: theirs is the log.
                db.ChangeTracker.Clear();
                log = await Logs(db).FirstAsync(l => l.SessionId == sessionId && l.PersonId == personId, cancellationToken);
            }
        }
        return await ViewAsync(session, log, reader.Value, cancellationToken);
    }

    /// <summary>Saves one text part as it is typed; the new version lets the writer sign what they last saw.</summary>
    public Task<Result<Guid>> WriteAsync(Guid logId, LogField field, string? text, CancellationToken cancellationToken = default) =>
        ChangeAsync(logId, null, (log, me, now) => log.Write(field, text, me, now), cancellationToken);

    public Task<Result<Guid>> CoverAsync(Guid logId, SupervisionFunctions functions, CancellationToken cancellationToken = default) =>
        ChangeAsync(logId, null, (log, me, now) => log.Cover(functions, me, now), cancellationToken);

    public Task<Result<Guid>> AgreeAsync(Guid logId, ActionInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(logId, null, (log, me, now) => log.Agree(input.Text, input.OwnerId, input.DueOn, me, now), cancellationToken);

    /// <summary>
    /// Signs the log as the signer last read it: if the other party changed it since, the signature is refused so that
    /// nobody signs what they have not seen.
    /// </summary>
    public Task<Result<Guid>> SignAsync(Guid logId, Guid version, CancellationToken cancellationToken = default) =>
        ChangeAsync(logId, version, (log, me, now) => log.Sign(me, now), cancellationToken);

    public Task<Result<Guid>> AddAddendumAsync(Guid logId, string? text, CancellationToken cancellationToken = default) =>
        ChangeAsync(logId, null, (log, me, now) => log.AddAddendum(text, me, now), cancellationToken);

    /// <summary>Marks an agreed action done: its owner or the leader may, also once the log is locked.</summary>
    public async Task<Result> CompleteActionAsync(Guid actionId, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        var log = action is null ? null : await db.Logs.AsNoTracking().FirstAsync(l => l.Id == action.LogId, cancellationToken);
        if (action is null || log is null)
        {
            return Error.NotFound;
        }
        if (action.Complete(log, me, clock.GetUtcNow()).Failed(out var error))
        {
            return error;
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>
    /// Logs the signed-in person has still to sign (or, for meetings they led that have begun, to write), oldest first.
    /// </summary>
    public async Task<IReadOnlyList<LogToSign>> ToSignAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var logs = await db.Logs.AsNoTracking()
            .Where(l => (l.LeaderId == me && l.LeaderSignedAt == null) || (l.PersonId == me && l.PersonSignedAt == null))
            .Join(db.Sessions, l => l.SessionId, s => s.Id, (l, s) => new { l.SessionId, l.PersonId, l.LeaderId, s.Kind, s.StartsAt })
            .ToListAsync(cancellationToken);
        // Meetings the person led that have begun and whose log nobody has started yet wait for them too.
        var now = clock.GetUtcNow();
        var unwritten = await db.Set<SessionParticipant>().AsNoTracking()
            .Join(db.Sessions.Where(s => s.LeaderId == me && s.Status == SessionStatus.Scheduled && s.StartsAt <= now),
                p => p.SessionId, s => s.Id, (p, s) => new { p.SessionId, p.PersonId, s.LeaderId, s.Kind, s.StartsAt })
            .Where(p => !db.Logs.Any(l => l.SessionId == p.SessionId && l.PersonId == p.PersonId))
            .ToListAsync(cancellationToken);
        var all = logs.Concat(unwritten).ToList();
        var names = await NamesAsync(all.Select(l => l.LeaderId == me ? l.PersonId : l.LeaderId), cancellationToken);
        return all.OrderBy(l => l.StartsAt)
            .Select(l => new LogToSign(l.SessionId, l.PersonId, l.Kind, l.StartsAt, names.GetValueOrDefault(l.LeaderId == me ? l.PersonId : l.LeaderId, "?")))
            .ToList();
    }

    /// <summary>Open actions the signed-in person owns or agreed as a leader, those due first at the top.</summary>
    public async Task<IReadOnlyList<OpenAction>> OpenActionsAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var actions = await db.Actions.AsNoTracking().Where(a => a.DoneAt == null)
            .Join(db.Logs, a => a.LogId, l => l.Id, (a, l) => new { a.Id, l.SessionId, l.PersonId, l.LeaderId, a.Text, a.OwnerId, a.DueOn })
            .Where(a => a.OwnerId == me || a.LeaderId == me)
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(actions.Select(a => a.OwnerId), cancellationToken);
        return actions.OrderBy(a => a.DueOn ?? DateOnly.MaxValue).ThenBy(a => a.Text, StringComparer.CurrentCulture)
            .Select(a => new OpenAction(a.Id, a.SessionId, a.PersonId, a.Text, names.GetValueOrDefault(a.OwnerId, "?"), a.DueOn, a.OwnerId == me))
            .ToList();
    }

    private static IQueryable<SessionLog> Logs(SupervisionDbContext db) =>
        db.Logs.Include(l => l.Actions).Include(l => l.Addenda);

    private async Task<Result<Guid>> ChangeAsync(Guid logId, Guid? version, Func<SessionLog, Guid, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        for (var attempt = 1; ; attempt++)
        {
            await using var db = dbFactory.CreateDbContext();
            var log = await Logs(db).AsSplitQuery().FirstOrDefaultAsync(l => l.Id == logId, cancellationToken);
            if (log is null || !log.IsParty(me))
            {
                return Error.NotFound;
            }
            if (version is { } read && read != log.Version)
            {
                return ChangedSinceRead;
            }
            if (change(log, me, clock.GetUtcNow()).Failed(out var error))
            {
                return error;
            }
            var saved = await db.SaveOrErrorAsync(cancellationToken);
            if (saved is null)
            {
                return log.Version;
            }
            if (saved != Error.Conflict || version is not null || attempt == SaveAttempts)
            {
                return saved == Error.Conflict && version is not null ? ChangedSinceRead : saved;
            }
        }
    }

    private async Task<LogView> ViewAsync(SupervisionSession session, SessionLog log, LogReader reader, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(
            log.Actions.Select(a => a.OwnerId).Concat(log.Addenda.Select(a => a.AuthorId)).Append(log.LeaderId).Append(log.PersonId), cancellationToken);
        string Name(Guid id) => names.GetValueOrDefault(id, "?");
        return new LogView(
            log.Id, session.Id, session.Kind, session.StartsAt, session.DurationMinutes, log.LeaderId, Name(log.LeaderId), log.PersonId, Name(log.PersonId),
            reader, log.Functions, log.Topics, log.Cases, reader == LogReader.Coordinator ? null : log.PrivateNote, log.Reflection,
            log.LeaderSignedAt, log.PersonSignedAt, log.Version,
            [.. log.Actions.OrderBy(a => a.AgreedAt).Select(a => new ActionView(a.Id, a.Text, a.OwnerId, Name(a.OwnerId), a.DueOn, a.DoneAt))],
            [.. log.Addenda.OrderBy(a => a.WrittenAt).Select(a => new AddendumView(Name(a.AuthorId), a.WrittenAt, a.Text))]);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken) =>
        (await people.FindAsync(new PeopleCriteria(PersonIds: [.. ids.Distinct()]), cancellationToken)).ToDictionary(p => p.Id, p => p.FullName);
}
