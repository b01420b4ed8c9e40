using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Frequency;

internal enum IntervalUnit
{
    Days,
    Weeks,
    Months,
}

/// <summary>One step as a form edits it: every <see cref="Every"/> days, weeks or months, until week <see cref="UntilWeeks"/>.</summary>
internal sealed class FrequencyStepInput
{
    public int? UntilWeeks { get; set; }

    public int? Every { get; set; } = 1;

    public IntervalUnit Unit { get; set; } = IntervalUnit.Weeks;

    public FrequencyStep ToStep() => new(UntilWeeks, Unit switch
    {
        IntervalUnit.Months => Interval.EveryMonths(Every ?? 0),
        IntervalUnit.Weeks => Interval.EveryDays((Every ?? 0) * 7),
        _ => Interval.EveryDays(Every ?? 0),
    });

    /// <summary>The steps a form holds: the last lasts from then on, whatever week it had before the one after it was removed.</summary>
    public static List<FrequencyStep> ToSteps(IReadOnlyList<FrequencyStepInput> steps) =>
        [.. steps.Select((s, i) => i == steps.Count - 1 ? s.ToStep() with { UntilWeeks = null } : s.ToStep())];

    public static FrequencyStepInput From(FrequencyStep step) => step.Interval switch
    {
        { Months: > 0 } interval => new() { UntilWeeks = step.UntilWeeks, Every = interval.Months, Unit = IntervalUnit.Months },
        { Days: var days } when days % 7 == 0 => new() { UntilWeeks = step.UntilWeeks, Every = days / 7, Unit = IntervalUnit.Weeks },
        { Days: var days } => new() { UntilWeeks = step.UntilWeeks, Every = days, Unit = IntervalUnit.Days },
    };
}

/// <summary>Where a policy applies (no unit: everywhere; no position type: every position) and its steps.</summary>
internal sealed class FrequencyInput
{
    public Guid? UnitId { get; set; }

    public Guid? PositionTypeId { get; set; }

    public List<FrequencyStepInput> Steps { get; set; } = [.. FrequencyPolicy.NewlyQualified.Steps.Select(FrequencyStepInput.From)];
}

/// <summary>A policy as the list shows it; <see cref="CanChange"/> is false for those set above the user's area.</summary>
internal sealed record FrequencySettingRow(
    Guid Id, Guid? UnitId, string? UnitName, Guid? PositionTypeId, string? PositionName, FrequencyPolicy Policy, Guid Version, bool CanChange);

/// <summary>
/// The frequency policies people with the permission see and set: those for everywhere (set by whoever holds the
/// permission everywhere) and those of the units in their area.
/// </summary>
internal sealed class FrequencySettings(
    IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IPositionTypes positionTypes, TimeProvider clock)
{
    private UnitScope Scope => access.GetScope(SupervisionPermissions.FrequencyManage);

    public bool CanManage => !Scope.IsEmpty;

    /// <summary>Whether the user may set policies that apply everywhere.</summary>
    public bool CanSetEverywhere => Scope.IsEverywhere;

    public async Task<Result<IReadOnlyList<FrequencySettingRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        var inScope = (await units.GetUnitsInAsync(Scope, cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        var positions = (await positionTypes.ListAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Name(SharedKernel.Localization.Cultures.ReadsEnglish));
        await using var db = dbFactory.CreateDbContext();
        return (await db.FrequencySettings.AsNoTracking().ToListAsync(cancellationToken))
            .Where(s => s.UnitId is null || inScope.ContainsKey(s.UnitId.Value))
            .Select(s => new FrequencySettingRow(s.Id, s.UnitId, s.UnitId is { } unit ? inScope[unit] : null, s.PositionTypeId,
                s.PositionTypeId is { } position ? positions.GetValueOrDefault(position, "?") : null, s.Policy, s.Version,
                s.UnitId is not null || CanSetEverywhere))
            .OrderBy(r => r.UnitId is not null).ThenBy(r => r.UnitName, StringComparer.CurrentCulture)
            .ThenBy(r => r.PositionTypeId is not null).ThenBy(r => r.PositionName, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Sets a policy for a place that has none yet.</summary>
    public async Task<Result<Guid>> AddAsync(FrequencyInput input, CancellationToken cancellationToken = default)
    {
        if (await CheckPlaceAsync(input, cancellationToken) is { } refused)
        {
            return refused;
        }
        await using var db = dbFactory.CreateDbContext();
        var place = FrequencySetting.PlaceOf(input.UnitId, input.PositionTypeId);
        if (await db.FrequencySettings.AnyAsync(s => s.Place == place, cancellationToken))
        {
            return Error.Validation(nameof(FrequencyInput.PositionTypeId), "Frequency:Error:AlreadySet");
        }
        var setting = new FrequencySetting { UnitId = input.UnitId, PositionTypeId = input.PositionTypeId, Place = place };
        if (setting.Change(FrequencyStepInput.ToSteps(input.Steps), clock.GetUtcNow()).Failed(out var invalid))
        {
            return invalid;
        }
        db.FrequencySettings.Add(setting);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : setting.Id;
    }

    /// <summary>Changes a policy's steps; refused when someone changed it since it was read.</summary>
    public async Task<Result> ChangeAsync(Guid id, Guid version, IReadOnlyList<FrequencyStepInput> steps, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await FindAsync(db, id, version, cancellationToken) is not { } setting)
        {
            return Error.NotFound;
        }
        if (setting.Change(FrequencyStepInput.ToSteps(steps), clock.GetUtcNow()).Failed(out var invalid))
        {
            return invalid;
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Removes a policy: its people follow the next one up again.</summary>
    public async Task<Result> RemoveAsync(Guid id, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await FindAsync(db, id, version, cancellationToken) is not { } setting)
        {
            return Error.NotFound;
        }
        db.FrequencySettings.Remove(setting);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    private async Task<FrequencySetting?> FindAsync(SupervisionDbContext db, Guid id, Guid version, CancellationToken cancellationToken)
    {
        var setting = await db.FrequencySettings.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (setting is null || !await MaySetAtAsync(setting.UnitId, cancellationToken))
        {
            return null;
        }
        db.Entry(setting).Property(s => s.Version).OriginalValue = version;
        return setting;
    }

    private async Task<Error?> CheckPlaceAsync(FrequencyInput input, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        if (input.UnitId is null && !CanSetEverywhere)
        {
            return Error.Validation(nameof(FrequencyInput.UnitId), "Frequency:Error:UnitRequired");
        }
        if (input.UnitId is { } unit && (await units.FindAsync(unit, cancellationToken) is null || !await MaySetAtAsync(unit, cancellationToken)))
        {
            return Error.Validation(nameof(FrequencyInput.UnitId), "Frequency:Error:UnitOutOfScope");
        }
        if (input.PositionTypeId is { } position && (await positionTypes.ListAsync(cancellationToken)).All(p => p.Id != position))
        {
            return Error.Validation(nameof(FrequencyInput.PositionTypeId), "Frequency:Error:UnknownPosition");
        }
        return null;
    }

    private async Task<bool> MaySetAtAsync(Guid? unitId, CancellationToken cancellationToken) =>
        unitId is { } unit ? await access.IsGrantedAsync(SupervisionPermissions.FrequencyManage, unit, cancellationToken) : CanSetEverywhere;
}
