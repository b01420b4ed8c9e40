using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways.Development;

/// <param name="Done">A course completed in the plan's year, or training elsewhere of the same title approved that year.</param>
internal sealed record PlanItemView(string Title, decimal Hours, Guid? CourseId, bool Done);

/// <summary>A person's plan for a year as the record shows it; <paramref name="Id"/> is null where there is none yet.</summary>
internal sealed record PlanView(
    Guid? Id, IReadOnlyList<PlanItemView> Items, string? AgreedByName, DateTimeOffset? AgreedAt, Guid Version, bool Editable, bool MayAgree)
{
    /// <summary>No plan, for a record read only for its counts.</summary>
    public static PlanView None { get; } = new(null, [], null, null, Guid.Empty, false, false);

    public bool Agreed => AgreedAt is not null;

    public decimal PlannedHours => Items.Sum(i => i.Hours);

    public decimal DoneHours => Items.Where(i => i.Done).Sum(i => i.Hours);
}

/// <summary>
/// Yearly development plans: the person writes the plan for the current year; their supervisor (or whoever holds the
/// development approval permission over their unit) agrees it; changing it afterwards asks for a new agreement.
/// </summary>
internal sealed class DevelopmentPlans(
    IDbContextFactory<PathwaysDbContext> dbFactory, ProgressAccess progressAccess, IAccessControl access, IPeopleLookup people, TimeProvider clock)
{
    private int ThisYear => DailyRuns.DayOf(clock.GetUtcNow()).Year;

    /// <summary>
    /// The plan for the record's year; the caller has checked who may see it and passes what counts that year, from
    /// which each item is judged done or not.
    /// </summary>
    public async Task<PlanView> ViewAsync(
        PersonContact person, int year, IReadOnlyCollection<Guid> coursesCompleted, IReadOnlyList<TrainingLine> trainings, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var plan = await db.Plans.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.PersonId == person.Id && p.Year == year, cancellationToken);
        var editable = person.Id == progressAccess.Me && year == ThisYear;
        if (plan is null)
        {
            return new PlanView(null, [], null, null, Guid.Empty, editable, false);
        }
        var approvedTitles = trainings.Where(t => t.State == TrainingState.Approved).Select(t => t.Title).ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        var items = plan.Items.OrderBy(i => i.Position)
            .Select(i => new PlanItemView(i.Title, i.Hours, i.CourseId, i.CourseId is { } course ? coursesCompleted.Contains(course) : approvedTitles.Contains(i.Title)))
            .ToList();
        var agreedBy = plan.AgreedById is { } by ? (await people.FindAsync(by, cancellationToken))?.FullName : null;
        var mayAgree = !plan.Agreed && await progressAccess.MayApproveDevelopmentAsync(person, cancellationToken);
        return new PlanView(plan.Id, items, agreedBy, plan.AgreedAt, plan.Version, editable, mayAgree);
    }

    /// <summary>One's plan for the current year as it can be edited, with the version to write over (none for a new plan).</summary>
    public async Task<(List<PlanItemInput> Items, Guid? Version)> MineAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var me = access.HasPermission(PathwaysPermissions.Own) ? progressAccess.Me : null;
        var plan = me is null ? null : await db.Plans.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.PersonId == me && p.Year == ThisYear, cancellationToken);
        return plan is null
            ? ([], null)
            : (plan.Items.OrderBy(i => i.Position).Select(i => new PlanItemInput { Title = i.Title, Hours = i.Hours, CourseId = i.CourseId }).ToList(), plan.Version);
    }

    /// <summary>
    /// Writes one's plan for the current year (a new one, or over <paramref name="version"/>); the supervisor is asked to
    /// agree when it newly waits for agreement.
    /// </summary>
    public async Task<Result> SaveAsync(IReadOnlyList<PlanItemInput> items, Guid? version, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(PathwaysPermissions.Own) || progressAccess.Me is not { } me || await people.FindAsync(me, cancellationToken) is not { } person)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var plan = await db.Plans.Include(p => p.Items).FirstOrDefaultAsync(p => p.PersonId == me && p.Year == ThisYear, cancellationToken);
        if (plan is null)
        {
            plan = new DevelopmentPlan { PersonId = me, Year = ThisYear };
            db.Plans.Add(plan);
        }
        else if (plan.Version != version)
        {
            return Error.Conflict;
        }
        else
        {
            db.Entry(plan).Property(p => p.Version).OriginalValue = plan.Version;
        }
        var replaced = plan.Items.ToList();
        var written = plan.Write(items, clock.GetUtcNow());
        if (!written.Succeeded)
        {
            return written.Error!;
        }
        db.PlanItems.RemoveRange(replaced);
        db.PlanItems.AddRange(plan.Items);
        if (written.Value)
        {
            db.Publish(new DevelopmentPlanSubmitted(plan.Id, me, person.HomeUnitId), clock.GetUtcNow());
        }
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    /// <summary>The supervisor (or an approver over the person's unit) agrees the person's plan for the current year.</summary>
    public async Task<Result> AgreeAsync(Guid personId, Guid version, CancellationToken cancellationToken = default)
    {
        if (progressAccess.Me is not { } me || await people.FindAsync(personId, cancellationToken) is not { } person
            || !await progressAccess.MayApproveDevelopmentAsync(person, cancellationToken))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var plan = await db.Plans.Include(p => p.Items).FirstOrDefaultAsync(p => p.PersonId == personId && p.Year == ThisYear, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound;
        }
        if (plan.Version != version)
        {
            return Error.Conflict;
        }
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        var agreed = plan.Agree(me, clock.GetUtcNow());
        if (!agreed.Succeeded)
        {
            return agreed;
        }
        db.Publish(new DevelopmentPlanAgreed(plan.Id, personId, plan.Year), clock.GetUtcNow());
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }
}
