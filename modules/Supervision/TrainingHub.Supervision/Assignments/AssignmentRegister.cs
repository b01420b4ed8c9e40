using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Frequency;

namespace TrainingHub.Supervision.Assignments;

/// <summary>
/// Who supervises, mentors and coaches whom. Coordinators assign within their area, and only people who may supervise
/// there; supervisors, mentors and coaches see the people assigned to them and no one else.
/// </summary>
internal sealed class AssignmentRegister(
    IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, ICurrentUser currentUser, IOrganisationDirectory units,
    IUnitHierarchy hierarchy, IPeopleSelection people, SupervisionDue dueDates, TimeProvider clock)
{
    public bool CanManage => access.HasPermission(SupervisionPermissions.AssignmentsManage);

    public DateOnly Today => DailyRuns.DayOf(clock.GetUtcNow());

    /// <summary>The assignments of the people in the user's area, current first, found by either person's name.</summary>
    public async Task<Result<Page<AssignmentRow>>> ListAsync(AssignmentQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        var rows = await RowsAsync(query, cancellationToken);
        return new Page<AssignmentRow>([.. rows.Skip(page.Skip).Take(page.Take)], rows.Count);
    }

    /// <summary>The case load of everyone assigned to people of the user's area, the heaviest first.</summary>
    public async Task<Result<IReadOnlyList<CaseLoadRow>>> CaseLoadAsync(CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        return (await RowsAsync(new AssignmentQuery(), cancellationToken)).Where(r => r.IsCurrent).GroupBy(r => (r.AssigneeId, r.AssigneeName))
            .Select(g => new CaseLoadRow(g.Key.AssigneeId, g.Key.AssigneeName, g.Count(r => r.Role == AssignmentRole.Supervisor),
                g.Count(r => r.Role == AssignmentRole.Mentor), g.Count(r => r.Role == AssignmentRole.Coach), g.Count(r => r.Due is { Overdue: true })))
            .OrderByDescending(r => r.Total).ThenBy(r => r.AssigneeName, StringComparer.CurrentCulture)
            .ToList();
    }

    private async Task<List<AssignmentRow>> RowsAsync(AssignmentQuery query, CancellationToken cancellationToken)
    {
        var unitNames = (await units.GetUnitsInAsync(access.GetScope(SupervisionPermissions.AssignmentsManage), cancellationToken))
            .ToDictionary(u => u.Id, u => u.DisplayName);
        var today = Today;
        await using var db = dbFactory.CreateDbContext();
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => unitNames.Keys.Contains(a.UnitId) && (query.IncludeEnded || a.EndsOn == null || a.EndsOn >= today))
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(assignments.SelectMany(a => new[] { a.PersonId, a.AssigneeId }), cancellationToken);
        var search = query.Search?.Trim();
        var supervised = assignments.Where(a => a.Role == AssignmentRole.Supervisor && a.IsCurrentOn(today)).ToList();
        var due = await dueDates.ForAsync(db, [.. supervised.Select(a => a.PersonId)], clock.GetUtcNow(), today, cancellationToken);
        return assignments
            .Select(a => new AssignmentRow(a.Id, a.PersonId, names.GetValueOrDefault(a.PersonId, "?"), unitNames[a.UnitId], a.AssigneeId,
                names.GetValueOrDefault(a.AssigneeId, "?"), a.Role, a.StartsOn, a.EndsOn, a.IsCurrentOn(today), a.Version,
                supervised.Contains(a) ? due.GetValueOrDefault(a.PersonId) : null))
            .Where(r => !query.OverdueOnly || r.Due is { Overdue: true })
            .Where(r => string.IsNullOrEmpty(search)
                || r.PersonName.Contains(search, StringComparison.CurrentCultureIgnoreCase)
                || r.AssigneeName.Contains(search, StringComparison.CurrentCultureIgnoreCase))
            .OrderByDescending(r => r.IsCurrent).ThenBy(r => r.PersonName, StringComparer.CurrentCulture).ThenBy(r => r.Role).ThenByDescending(r => r.StartsOn)
            .ToList();
    }

    /// <summary>
    /// Assigns someone who may supervise at the person's home unit to an active person of the user's area; a person has
    /// one supervisor and one coach at a time, and the same mentor once.
    /// </summary>
    public async Task<Result<Guid>> AssignAsync(AssignInput input, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        var found = input.PersonId is { } personId && input.AssigneeId is { } assigneeId
            ? await people.FindAsync(new PeopleCriteria(PersonIds: [personId, assigneeId], ActiveOnly: true), cancellationToken)
            : [];
        var person = found.FirstOrDefault(p => p.Id == input.PersonId);
        var assignee = found.FirstOrDefault(p => p.Id == input.AssigneeId);
        if (input.PersonId is not null && (person?.HomeUnitId is not { } homeUnit
            || !await access.IsGrantedAsync(SupervisionPermissions.AssignmentsManage, homeUnit, cancellationToken)))
        {
            return Error.Validation(nameof(AssignInput.PersonId), "Assignments:Error:PersonOutOfScope");
        }
        await using var db = dbFactory.CreateDbContext();
        var existing = input.PersonId is { } id ? await db.Assignments.Where(a => a.PersonId == id).ToListAsync(cancellationToken) : [];
        var errors = AssignmentRules.Check(input, existing);
        if (errors.Count == 0 && (assignee is null || !await MaySuperviseAtAsync(assignee.Id, person!.HomeUnitId!.Value, cancellationToken)))
        {
            errors.Add(new(nameof(AssignInput.AssigneeId), "Assignments:Error:AssigneeCannotSupervise"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var assignment = new Assignment
        {
            PersonId = person!.Id, AssigneeId = assignee!.Id, Role = input.Role, UnitId = person.HomeUnitId!.Value,
            StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn, CreatedAt = clock.GetUtcNow(),
        };
        db.Assignments.Add(assignment);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : assignment.Id;
    }

    /// <summary>Ends an assignment after <paramref name="lastDay"/>; refused when someone changed it since it was read.</summary>
    public async Task<Result> EndAsync(Guid assignmentId, Guid version, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null || !await access.IsGrantedAsync(SupervisionPermissions.AssignmentsManage, assignment.UnitId, cancellationToken))
        {
            return Error.NotFound;
        }
        db.Entry(assignment).Property(a => a.Version).OriginalValue = version;
        if (assignment.End(lastDay).Failed(out var error))
        {
            return error;
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>The people assigned to the signed-in person today (and, with <paramref name="includeEnded"/>, before).</summary>
    public async Task<Result<IReadOnlyList<SuperviseeRow>>> MySuperviseesAsync(bool includeEnded = false, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me || !access.HasPermission(SupervisionPermissions.Supervise))
        {
            return Error.Forbidden;
        }
        var today = Today;
        await using var db = dbFactory.CreateDbContext();
        var mine = await db.Assignments.AsNoTracking()
            .Where(a => a.AssigneeId == me && a.StartsOn <= today && (includeEnded || a.EndsOn == null || a.EndsOn >= today))
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(mine.Select(a => a.PersonId), cancellationToken);
        var unitNames = (await units.FindManyAsync(mine.Select(a => a.UnitId).Distinct(), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        var due = await dueDates.ForAsync(
            db, [.. mine.Where(a => a.Role == AssignmentRole.Supervisor).Select(a => a.PersonId)], clock.GetUtcNow(), today, cancellationToken);
        return mine
            .Select(a => new SuperviseeRow(a.Id, a.PersonId, names.GetValueOrDefault(a.PersonId, "?"), unitNames.GetValueOrDefault(a.UnitId, ""), a.Role,
                a.StartsOn, a.EndsOn, a.Role == AssignmentRole.Supervisor ? due.GetValueOrDefault(a.PersonId) : null))
            // Those overdue for supervision first, then the soonest due, as a supervisor plans their week.
            .OrderBy(r => r.Role).ThenByDescending(r => r.Due?.Overdue).ThenBy(r => r.Due?.NextDue).ThenBy(r => r.PersonName, StringComparer.CurrentCulture)
            .ToList();
    }

    private async Task<bool> MaySuperviseAtAsync(Guid personId, Guid unitId, CancellationToken cancellationToken)
    {
        var ancestry = await hierarchy.GetAncestryAsync(unitId, cancellationToken);
        return (await people.FindHoldersAsync(SupervisionPermissions.Supervise, cancellationToken))
            .Any(h => h.PersonId == personId && (h.UnitId is null || ancestry.Contains(h.UnitId.Value)));
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken) =>
        (await people.FindAsync(new PeopleCriteria(PersonIds: [.. ids.Distinct()]), cancellationToken)).ToDictionary(p => p.Id, p => p.FullName);
}
