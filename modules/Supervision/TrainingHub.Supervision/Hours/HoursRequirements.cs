using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Hours;

/// <summary>
/// The approved practice hours each position asks for in a year, set by administrators, and each person's progress
/// against what they are asked for.
/// </summary>
internal sealed class HoursRequirements(
    IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, IPositionTypes positions, TimeProvider clock)
{
    public bool CanManage => access.HasPermission(SupervisionPermissions.HoursRequirementsManage);

    /// <summary>Every position type with what it asks for, in the usual order of positions.</summary>
    public async Task<Result<IReadOnlyList<RequirementRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var requirements = await db.HoursRequirements.AsNoTracking().Include(r => r.Parts).ToDictionaryAsync(r => r.PositionTypeId, cancellationToken);
        var types = await OrderedTypesAsync(db, cancellationToken);
        return (await positions.ListAsync(cancellationToken))
            .Select(p => requirements.TryGetValue(p.Id, out var r)
                ? new RequirementRow(p.Id, p.Name(Cultures.ReadsEnglish), r.TotalHours, [.. r.Parts
                    .OrderBy(part => types.FindIndex(t => t.Id == part.ActivityTypeId))
                    .Select(part => new RequirementPartRow(part.ActivityTypeId, types.Single(t => t.Id == part.ActivityTypeId).Name, part.Hours))], r.Version)
                : new RequirementRow(p.Id, p.Name(Cultures.ReadsEnglish), null, [], null))
            .ToList();
    }

    /// <summary>
    /// Sets what a position asks for. <paramref name="version"/> is the requirement's as read, null when none was set:
    /// if someone set, changed or removed it since, the save is refused.
    /// </summary>
    public async Task<Result> SaveAsync(Guid positionTypeId, Guid? version, RequirementInput input, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        if ((await positions.ListAsync(cancellationToken)).All(p => p.Id != positionTypeId))
        {
            return Error.NotFound;
        }
        await using var db = dbFactory.CreateDbContext();
        var activityTypes = await db.ActivityTypes.Select(t => t.Id).ToListAsync(cancellationToken);
        var requirement = await db.HoursRequirements.Include(r => r.Parts).FirstOrDefaultAsync(r => r.PositionTypeId == positionTypeId, cancellationToken);
        if (requirement?.Version != version)
        {
            return Error.Conflict;
        }
        if (requirement is null)
        {
            if (!HoursRequirement.For(positionTypeId, input, activityTypes, clock.GetUtcNow()).TryGetValue(out var added, out var invalid))
            {
                return invalid;
            }
            db.HoursRequirements.Add(added);
        }
        else if (requirement.Change(input, activityTypes, clock.GetUtcNow()).Failed(out var invalid))
        {
            return invalid;
        }
        else
        {
            // A change of the parts alone still gives the requirement a new version, so an edit read before it is refused.
            db.Entry(requirement).Property(r => r.UpdatedAt).IsModified = true;
        }
        // Two administrators saving at once: the second save finds the version read moved on or, for a new one, the position taken.
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Removes what a position asks for, as read at <paramref name="version"/>: its people are then asked for no hours.</summary>
    public async Task<Result> RemoveAsync(Guid positionTypeId, Guid version, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var requirement = await db.HoursRequirements.Include(r => r.Parts).FirstOrDefaultAsync(r => r.PositionTypeId == positionTypeId, cancellationToken);
        if (requirement is null)
        {
            return Error.NotFound;
        }
        if (requirement.Version != version)
        {
            return Error.Conflict;
        }
        db.HoursRequirements.Remove(requirement);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>
    /// Each person's approved hours from 1 January to <paramref name="today"/> against what they are asked for. It
    /// checks no permission: the callers show it only to the person and to those who review their hours.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, HoursProgress>> ProgressAsync(
        IReadOnlyCollection<(Guid PersonId, Guid? PositionTypeId)> people, DateOnly today, CancellationToken cancellationToken = default)
    {
        var from = new DateOnly(today.Year, 1, 1);
        await using var db = dbFactory.CreateDbContext();
        var lines = await LinesForAsync(db, people, cancellationToken);
        var personIds = people.Select(p => p.PersonId).ToList();
        // Summed here rather than in SQL: SQLite keeps decimals as text and cannot add them.
        var approved = await db.HoursEntries.AsNoTracking()
            .Where(e => personIds.Contains(e.PersonId) && e.State == HoursState.Approved && e.Date >= from && e.Date <= today)
            .Select(e => new { e.PersonId, e.ActivityTypeId, e.Hours })
            .ToListAsync(cancellationToken);
        var types = await OrderedTypesAsync(db, cancellationToken);
        var positionNames = (await positions.ListAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Name(Cultures.ReadsEnglish));
        HoursProgressLine Against(Guid personId, RequirementLine line) => new(line.ActivityTypeId, types.Find(t => t.Id == line.ActivityTypeId)?.Name, line.Hours,
            approved.Where(e => e.PersonId == personId && (line.ActivityTypeId == null || e.ActivityTypeId == line.ActivityTypeId)).Sum(e => e.Hours));
        return people.ToDictionary(p => p.PersonId, p => new HoursProgress(
            p.PositionTypeId, p.PositionTypeId is { } position ? positionNames.GetValueOrDefault(position) : null, from, today,
            [.. lines[p.PersonId]
                .OrderBy(l => l.ActivityTypeId is { } type ? types.FindIndex(t => t.Id == type) + 1 : 0)
                .Select(l => Against(p.PersonId, l))]));
    }

    /// <summary>
    /// What each person is asked for in a year: today the lines of their position's requirement. A pathway stage's
    /// requirement would add its lines here, the higher of two lines of the same type counting.
    /// </summary>
    internal static async Task<Dictionary<Guid, IReadOnlyList<RequirementLine>>> LinesForAsync(
        SupervisionDbContext db, IReadOnlyCollection<(Guid PersonId, Guid? PositionTypeId)> people, CancellationToken cancellationToken)
    {
        var positionIds = people.Select(p => p.PositionTypeId).OfType<Guid>().Distinct().ToList();
        var requirements = await db.HoursRequirements.AsNoTracking().Include(r => r.Parts)
            .Where(r => positionIds.Contains(r.PositionTypeId))
            .ToDictionaryAsync(r => r.PositionTypeId, cancellationToken);
        return people.ToDictionary(p => p.PersonId,
            p => p.PositionTypeId is { } position && requirements.TryGetValue(position, out var requirement) ? requirement.Lines() : []);
    }

    /// <summary>The activity types in the order lists show them: the built-in ones, then those added.</summary>
    private static async Task<List<ActivityType>> OrderedTypesAsync(SupervisionDbContext db, CancellationToken cancellationToken) =>
        (await db.ActivityTypes.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(t => !t.IsBuiltIn).ThenBy(t => t.SortOrder).ThenBy(t => t.CreatedAt)
            .ToList();
}
