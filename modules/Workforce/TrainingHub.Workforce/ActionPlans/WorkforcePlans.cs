using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Workforce.Contracts;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.ActionPlans;

/// <summary>Where a target stands today: reached, still open before its date, past its date and not reached, or not measurable yet.</summary>
internal enum TargetProgress
{
    Met,
    Open,
    Overdue,
    NoData,
}

/// <summary>A target with the area's figure today.</summary>
internal sealed record PlanLine(Guid Id, PlanMeasure Measure, int Target, DateOnly DueOn, string? Note, double? Current, TargetProgress Progress, Guid Version);

/// <summary>A target as the form edits it.</summary>
internal sealed class PlanInput
{
    public PlanMeasure Measure { get; set; } = PlanMeasure.PostsFilledPercent;

    public int Target { get; set; }

    public DateOnly? DueOn { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// The workforce action plan of an oblast or a hromada: targets with dates, set by coordinators over it
/// (<see cref="WorkforcePermissions.StaffingEdit"/>) and read beside the area's figures today by those who see its staffing.
/// </summary>
internal sealed class WorkforcePlans(
    IDbContextFactory<WorkforceDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, PeopleShares shares, TimeProvider clock)
{
    private DateOnly Today => DailyRuns.DayOf(clock.GetUtcNow());

    /// <summary>The plan of the report's area (none for the country and organisations), each target beside its figure today.</summary>
    public async Task<Result<IReadOnlyList<PlanLine>>> ForAsync(StaffingReport report, CancellationToken cancellationToken = default)
    {
        if (report.Unit is not { Type: UnitType.Oblast or UnitType.Hromada } unit)
        {
            return Array.Empty<PlanLine>();
        }
        if (!await access.IsGrantedAsync(WorkforcePermissions.View, unit.Id, cancellationToken))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var targets = await db.PlanTargets.AsNoTracking().Where(t => t.UnitId == unit.Id).OrderBy(t => t.DueOn).ThenBy(t => t.Measure).ToListAsync(cancellationToken);
        var asked = new Dictionary<PlanMeasure, PeopleShare?>();
        foreach (var (measure, question) in PeopleMeasures.Where(m => targets.Any(t => t.Measure == m.Key)))
        {
            asked[measure] = await SharesAsync(question, unit, cancellationToken);
        }
        return targets.Select(t =>
        {
            var current = Current(t.Measure, report, asked.GetValueOrDefault(t.Measure));
            var progress = current is not { } value ? TargetProgress.NoData
                : t.IsMet(value) ? TargetProgress.Met
                : t.DueOn < Today ? TargetProgress.Overdue : TargetProgress.Open;
            return new PlanLine(t.Id, t.Measure, t.Target, t.DueOn, t.Note, current, progress, t.Version);
        }).ToList();
    }

    public async Task<Result<Guid>> AddAsync(Guid unitId, PlanInput input, CancellationToken cancellationToken = default)
    {
        if (await UnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return await access.IsGrantedAsync(WorkforcePermissions.StaffingEdit, unitId, cancellationToken) ? Error.NotFound : Error.Forbidden;
        }
        var target = new PlanTarget { UnitId = unitId };
        if (Set(target, input, unit) is { } invalid)
        {
            return invalid;
        }
        await using var db = dbFactory.CreateDbContext();
        db.PlanTargets.Add(target);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : target.Id;
    }

    public async Task<Result> ChangeAsync(Guid id, Guid version, PlanInput input, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await db.PlanTargets.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } target)
        {
            return Error.NotFound;
        }
        if (await UnitAsync(target.UnitId, cancellationToken) is not { } unit)
        {
            return Error.Forbidden;
        }
        if (target.Version != version)
        {
            return Error.Conflict;
        }
        if (Set(target, input, unit) is { } invalid)
        {
            return invalid;
        }
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    public async Task<Result> RemoveAsync(Guid id, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await db.PlanTargets.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } target)
        {
            return Error.NotFound;
        }
        if (await UnitAsync(target.UnitId, cancellationToken) is null)
        {
            return Error.Forbidden;
        }
        if (target.Version != version)
        {
            return Error.Conflict;
        }
        db.PlanTargets.Remove(target);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    private Error? Set(PlanTarget target, PlanInput input, OrganisationUnitSummary unit) =>
        input.DueOn is not { } dueOn
            ? Error.Validation(nameof(PlanTarget.DueOn), "Plan:Error:DueRequired")
            : target.Set(input.Measure, input.Target, dueOn, input.Note, Today, unit.Type == UnitType.Hromada);

    /// <summary>An oblast or hromada the user may plan for; null otherwise.</summary>
    private async Task<OrganisationUnitSummary?> UnitAsync(Guid unitId, CancellationToken cancellationToken) =>
        await access.IsGrantedAsync(WorkforcePermissions.StaffingEdit, unitId, cancellationToken)
        && await units.FindAsync(unitId, cancellationToken) is { Type: UnitType.Oblast or UnitType.Hromada } unit
            ? unit
            : null;

    /// <summary>The measures other modules answer about each person.</summary>
    private static readonly Dictionary<PlanMeasure, PeopleQuestion> PeopleMeasures = new()
    {
        [PlanMeasure.PeopleCertified] = PeopleQuestion.Certified,
        [PlanMeasure.SupervisionCoveragePercent] = PeopleQuestion.Supervised,
        [PlanMeasure.ProfileMetPercent] = PeopleQuestion.MeetProfile,
    };

    private static double? Current(PlanMeasure measure, StaffingReport report, PeopleShare? asked) => measure switch
    {
        PlanMeasure.PostsFilledPercent => report.Total.VacancyPercent is { } vacant ? 100 - vacant : null,
        PlanMeasure.SocialWorkers => report.Total.SocialWorkers,
        PlanMeasure.ResidentsPerSocialWorker => report.Total.PeoplePerSocialWorker,
        PlanMeasure.Volunteers => report.Volunteers.Volunteers,
        PlanMeasure.PeopleCertified => asked?.Yes,
        PlanMeasure.SupervisionCoveragePercent or PlanMeasure.ProfileMetPercent => asked?.Percent,
        PlanMeasure.ServicesProvided => report.Services.Count(s => s.Providing > 0),
        _ => null,
    };

    /// <summary>The answers about the area's active people; unknown without the module that answers.</summary>
    private async Task<PeopleShare?> SharesAsync(PeopleQuestion question, OrganisationUnitSummary unit, CancellationToken cancellationToken)
    {
        var subtree = (await units.GetUnitsInAsync(UnitScope.Under([unit.Id]), cancellationToken)).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        return await shares.ByUnitAsync(question, unit, subtree, cancellationToken) is { } byUnit
            ? byUnit.Values.Aggregate(PeopleShare.Empty, (sum, s) => sum + s)
            : null;
    }
}
