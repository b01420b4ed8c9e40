using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Hours;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Logs;

/// <summary>An observation as the log shows it.</summary>
internal sealed record ObservationView(string Competency, string Note, DateTimeOffset ObservedAt);

/// <summary>
/// Competency observations recorded from a meeting's log: the leader records one, and it reaches the competencies
/// module as evidence through <see cref="CompetencyObserved"/>, saved with the observation. The two parties and the
/// coordinators who may read the log see them.
/// </summary>
internal sealed class LogObservations(
    IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, ICurrentUser currentUser, CompetencyChoices competencies, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ObservationView>>> ListAsync(Guid logId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await db.Logs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == logId, cancellationToken) is not { } log || !await MayReadAsync(log, cancellationToken))
        {
            return Error.NotFound;
        }
        var names = await competencies.ByLineageAsync(cancellationToken);
        return (await db.Observations.AsNoTracking().Where(o => o.LogId == logId).ToListAsync(cancellationToken))
            .OrderBy(o => o.ObservedAt)
            .Select(o => new ObservationView(names.TryGetValue(o.CompetencyLineageId, out var c) ? $"{c.Code} {c.Name}" : "?", o.Note, o.ObservedAt))
            .ToList();
    }

    public async Task<Result> RecordAsync(Guid logId, Guid? competencyLineageId, string? note, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.Logs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == logId, cancellationToken) is not { } log)
        {
            return Error.NotFound;
        }
        var now = clock.GetUtcNow();
        if (!CompetencyObservation.Record(log, competencyLineageId, note, me, now).TryGetValue(out var observation, out var error))
        {
            return error;
        }
        if (!(await competencies.ByLineageAsync(cancellationToken)).ContainsKey(observation.CompetencyLineageId))
        {
            return Error.Validation(nameof(CompetencyObservation.CompetencyLineageId), "Logs:Error:ChooseCompetency");
        }
        var startsAt = await db.Sessions.Where(s => s.Id == log.SessionId).Select(s => s.StartsAt).FirstAsync(cancellationToken);
        db.Observations.Add(observation);
        db.Publish(new CompetencyObserved(observation.Id, log.PersonId, observation.CompetencyLineageId, me,
            DateOnly.FromDateTime(KyivTime.ToKyiv(startsAt)), observation.Note, now), now);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    private async Task<bool> MayReadAsync(SessionLog log, CancellationToken cancellationToken) =>
        currentUser.UserId is { } me && (log.IsParty(me) || await access.IsGrantedAsync(SupervisionPermissions.LogsRead, log.UnitId, cancellationToken));
}
