using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Hours;

/// <summary>
/// The signed-in person's own practice hours: logging and changing drafts, submitting them to their supervisor, and the
/// approved totals. Each person reaches only their own entries; anyone else's are "not found".
/// </summary>
internal sealed class HoursLog(
    IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, ICurrentUser currentUser, IPeopleLookup people,
    CompetencyChoices competencies, HoursRequirements requirements, TimeProvider clock)
{
    public DateOnly Today => DailyRuns.DayOf(clock.GetUtcNow());

    private Guid? Me => access.HasPermission(SupervisionPermissions.HoursLog) ? currentUser.UserId : null;

    /// <summary>The person's entries of a period (all when open), the latest day first.</summary>
    public async Task<Result<IReadOnlyList<HoursRow>>> MineAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        if (Me is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var entries = await db.HoursEntries.AsNoTracking()
            .Where(e => e.PersonId == me && (from == null || e.Date >= from) && (to == null || e.Date <= to))
            .ToListAsync(cancellationToken);
        var types = await db.ActivityTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        var named = entries.Any(e => e.CompetencyLineageId is not null) ? await competencies.ByLineageAsync(cancellationToken) : null;
        return entries
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.CreatedAt)
            .Select(e => new HoursRow(e.Id, e.Date, e.Hours, e.ActivityTypeId, types[e.ActivityTypeId].Name, e.Setting, e.Description,
                e.CompetencyLineageId, e.CompetencyLineageId is { } lineage ? named?.GetValueOrDefault(lineage)?.Name : null, e.State, e.ReviewReason,
                e.ApprovalWithdrawn, e.Version))
            .ToList();
    }

    /// <summary>The person's approved hours per activity type within the period; other states never count.</summary>
    public async Task<Result<HoursTotals>> TotalsAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        if (Me is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        // Summed here rather than in SQL: SQLite keeps decimals as text and cannot add them, and a person's entries are few.
        var approved = await db.HoursEntries.AsNoTracking()
            .Where(e => e.PersonId == me && e.State == HoursState.Approved && (from == null || e.Date >= from) && (to == null || e.Date <= to))
            .Select(e => new { e.ActivityTypeId, e.Hours })
            .ToListAsync(cancellationToken);
        var types = await db.ActivityTypes.AsNoTracking().ToListAsync(cancellationToken);
        return new HoursTotals(from, to, types
            .Select(t => new HoursTotal(t.Id, t.Name, approved.Where(e => e.ActivityTypeId == t.Id).Sum(e => e.Hours)))
            .Where(t => t.Hours > 0)
            .OrderByDescending(t => t.Hours).ThenBy(t => t.ActivityName, StringComparer.CurrentCulture)
            .ToList());
    }

    /// <summary>The person's approved hours of this year against what their position asks; no lines when it asks for nothing.</summary>
    public async Task<Result<HoursProgress>> ProgressAsync(CancellationToken cancellationToken = default)
    {
        if (Me is not { } me)
        {
            return Error.Forbidden;
        }
        var position = (await people.FindAsync(me, cancellationToken))?.PositionTypeId;
        return (await requirements.ProgressAsync([(me, position)], Today, cancellationToken))[me];
    }

    /// <summary>Logs a draft for the signed-in person, counted at their home unit.</summary>
    public async Task<Result<Guid>> LogAsync(HoursInput input, CancellationToken cancellationToken = default)
    {
        if (Me is not { } me)
        {
            return Error.Forbidden;
        }
        if ((await people.FindAsync(me, cancellationToken))?.HomeUnitId is not { } unitId)
        {
            return Error.Rule("Hours:Error:NoHomeUnit");
        }
        await using var db = dbFactory.CreateDbContext();
        if (await CheckChoicesAsync(db, input, cancellationToken) is { } invalid)
        {
            return invalid;
        }
        var logged = PracticeHoursEntry.Log(me, unitId, input, Today, await OtherHoursAsync(db, me, input.Date, null, cancellationToken), clock.GetUtcNow());
        if (!logged.TryGetValue(out var entry, out var error))
        {
            return error;
        }
        db.HoursEntries.Add(entry);
        return await db.SaveOrErrorAsync(cancellationToken) is { } saveError ? saveError : entry.Id;
    }

    /// <summary>Changes one of the person's drafts or rejected entries; refused if it changed since it was read.</summary>
    public async Task<Result> EditAsync(Guid entryId, Guid version, HoursInput input, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await OwnAsync(db, entryId, version, cancellationToken) is not { } entry)
        {
            return Error.NotFound;
        }
        if (await CheckChoicesAsync(db, input, cancellationToken) is { } invalid)
        {
            return invalid;
        }
        if (entry.Edit(input, Today, await OtherHoursAsync(db, entry.PersonId, input.Date, entry.Id, cancellationToken)).Failed(out var error))
        {
            return error;
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Deletes a draft or a rejected entry the person no longer wants; what was submitted stays.</summary>
    public async Task<Result> DeleteAsync(Guid entryId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await OwnAsync(db, entryId, version, cancellationToken) is not { } entry)
        {
            return Error.NotFound;
        }
        if (!entry.IsEditable || entry.ApprovalWithdrawn)
        {
            return Error.Rule("Hours:Error:NotDeletable");
        }
        db.HoursEntries.Remove(entry);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Submits the chosen drafts and rejected entries to the supervisor in one go; the others are left as they are.</summary>
    public async Task<Result<int>> SubmitAsync(IReadOnlyCollection<Guid> entryIds, CancellationToken cancellationToken = default)
    {
        if (Me is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var entries = await db.HoursEntries.Where(e => e.PersonId == me && entryIds.Contains(e.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var submitted = entries.Count(e => e.Submit(now).Succeeded);
        if (submitted == 0)
        {
            return Error.Rule("Hours:Error:NothingToSubmit");
        }
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : submitted;
    }

    private async Task<PracticeHoursEntry?> OwnAsync(SupervisionDbContext db, Guid entryId, Guid version, CancellationToken cancellationToken)
    {
        var entry = Me is { } me ? await db.HoursEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.PersonId == me, cancellationToken) : null;
        if (entry is not null)
        {
            db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        }
        return entry;
    }

    /// <summary>The person's hours in their other entries of the day, whatever their state, for the daily limit.</summary>
    private static async Task<decimal> OtherHoursAsync(SupervisionDbContext db, Guid personId, DateOnly? date, Guid? except, CancellationToken cancellationToken) =>
        date is not { } day ? 0 : (await db.HoursEntries.AsNoTracking()
            .Where(e => e.PersonId == personId && e.Date == day && e.Id != except)
            .Select(e => e.Hours).ToListAsync(cancellationToken)).Sum();

    /// <summary>The type must exist and a named competency must be one of the published ones.</summary>
    private async Task<Error?> CheckChoicesAsync(SupervisionDbContext db, HoursInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (input.ActivityTypeId is { } typeId && !await db.ActivityTypes.AnyAsync(t => t.Id == typeId, cancellationToken))
        {
            errors.Add(new(nameof(HoursInput.ActivityTypeId), "Hours:Error:TypeRequired"));
        }
        if (input.CompetencyLineageId is { } lineage && !(await competencies.ByLineageAsync(cancellationToken)).ContainsKey(lineage))
        {
            errors.Add(new(nameof(HoursInput.CompetencyLineageId), "Hours:Error:CompetencyUnknown"));
        }
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }
}
