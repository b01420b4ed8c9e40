using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Instruments;

namespace TrainingHub.Wellbeing.Rounds;

/// <summary>A unit's check-in schedule as a coordinator sets it.</summary>
internal sealed class ScheduleInput
{
    public Guid? UnitId { get; set; }

    public Cadence Cadence { get; set; } = Cadence.Monthly;

    /// <summary>The day the next round opens; today or later.</summary>
    public DateOnly? NextOpensOn { get; set; }
}

/// <summary>A schedule as the list shows it, with how many rounds it has opened and when the last one did.</summary>
internal sealed record ScheduleRow(
    Guid Id, Guid UnitId, string UnitName, Cadence Cadence, DateOnly NextOpensOn, bool Paused, int Rounds, DateOnly? LastOpenedOn, Guid Version);

/// <summary>The check-in schedules of the units in a coordinator's area: one per unit, paused and resumed, never deleted.</summary>
internal sealed class Schedules(IDbContextFactory<WellbeingDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, TimeProvider clock)
{
    public bool CanManage => access.HasPermission(WellbeingPermissions.SchedulesManage);

    public DateOnly Today => DailyRuns.DayOf(clock.GetUtcNow());

    public async Task<Result<IReadOnlyList<ScheduleRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        var names = (await units.GetUnitsInAsync(access.GetScope(WellbeingPermissions.SchedulesManage), cancellationToken))
            .DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => u.DisplayName);
        await using var db = dbFactory.CreateDbContext();
        var schedules = (await db.Schedules.AsNoTracking().ToListAsync(cancellationToken)).Where(s => names.ContainsKey(s.UnitId)).ToList();
        var ids = schedules.Select(s => s.Id).ToList();
        var rounds = (await db.Rounds.AsNoTracking().Where(r => ids.Contains(r.ScheduleId)).Select(r => new { r.ScheduleId, r.OpensOn }).ToListAsync(cancellationToken))
            .GroupBy(r => r.ScheduleId).ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Max(r => r.OpensOn)));
        return schedules
            .Select(s => new ScheduleRow(s.Id, s.UnitId, names[s.UnitId], s.Cadence, s.NextOpensOn, s.Paused,
                rounds.GetValueOrDefault(s.Id).Count, rounds.TryGetValue(s.Id, out var r) ? r.Last : null, s.Version))
            .OrderBy(r => r.UnitName, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Sets a unit's schedule, or changes it; a change made since the version read is refused.</summary>
    public async Task<Result> SetAsync(ScheduleInput input, Guid? version, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        var errors = new List<FieldError>();
        if (input.UnitId is not { } unitId || await units.FindAsync(unitId, cancellationToken) is null
            || !await access.IsGrantedAsync(WellbeingPermissions.SchedulesManage, unitId, cancellationToken))
        {
            errors.Add(new(nameof(ScheduleInput.UnitId), "Schedules:Error:UnitOutOfScope"));
        }
        if (input.NextOpensOn is not { } opens || opens < Today)
        {
            errors.Add(new(nameof(ScheduleInput.NextOpensOn), "Schedules:Error:OpensInPast"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        await using var db = dbFactory.CreateDbContext();
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.UnitId == input.UnitId, cancellationToken);
        if (schedule is null)
        {
            db.Schedules.Add(new CheckInSchedule
            {
                UnitId = input.UnitId!.Value, Cadence = input.Cadence, NextOpensOn = input.NextOpensOn!.Value, InstrumentCode = BuiltInInstruments.Cbi,
            });
        }
        else
        {
            if (version is null)
            {
                return Error.Validation(nameof(ScheduleInput.UnitId), "Schedules:Error:AlreadySet");
            }
            db.Entry(schedule).Property(s => s.Version).OriginalValue = version.Value;
            (schedule.Cadence, schedule.NextOpensOn) = (input.Cadence, input.NextOpensOn!.Value);
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Pauses a schedule (no rounds open until it is resumed) or resumes it.</summary>
    public async Task<Result> PauseAsync(Guid id, Guid version, bool paused, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (schedule is null || !await access.IsGrantedAsync(WellbeingPermissions.SchedulesManage, schedule.UnitId, cancellationToken))
        {
            return Error.NotFound;
        }
        db.Entry(schedule).Property(s => s.Version).OriginalValue = version;
        schedule.Paused = paused;
        if (!paused && schedule.NextOpensOn < Today)
        {
            schedule.NextOpensOn = Today;
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }
}
