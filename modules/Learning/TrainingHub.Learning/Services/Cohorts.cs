using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

internal sealed record CohortRow(Guid Id, string Name, Guid OwningUnitId, string UnitName, int MemberCount, Guid Version);

/// <summary>
/// Named groups of people to enrol together, kept by those who manage enrolments at the cohort's unit or above. Members
/// are people whose home unit is in the same person's area.
/// </summary>
internal sealed class Cohorts(
    IDbContextFactory<LearningDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IPeopleSelection people, TimeProvider clock)
{
    public bool CanManage => access.HasPermission(LearningPermissions.EnrolmentsManage);

    public async Task<Result<IReadOnlyList<CohortRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        var unitNames = (await units.GetUnitsInAsync(access.GetScope(LearningPermissions.EnrolmentsManage), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        await using var db = dbFactory.CreateDbContext();
        var rows = await db.Cohorts.AsNoTracking()
            .Select(c => new { c.Id, c.Name, c.OwningUnitId, Members = db.CohortMembers.Count(m => m.CohortId == c.Id), c.Version })
            .ToListAsync(cancellationToken);
        return rows.Where(c => unitNames.ContainsKey(c.OwningUnitId))
            .Select(c => new CohortRow(c.Id, c.Name, c.OwningUnitId, unitNames[c.OwningUnitId], c.Members, c.Version))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<Result<Guid>> CreateAsync(string name, Guid? unitId, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        var errors = CourseRules.CheckTitle("Name", name);
        if (unitId is not { } owningUnitId || !await access.IsGrantedAsync(LearningPermissions.EnrolmentsManage, owningUnitId, cancellationToken))
        {
            errors.Add(new("UnitId", "Error:ChooseUnit"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        await using var db = dbFactory.CreateDbContext();
        var cohort = new Cohort { Name = name.Trim(), OwningUnitId = unitId!.Value, CreatedAt = clock.GetUtcNow() };
        db.Cohorts.Add(cohort);
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : cohort.Id;
    }

    /// <summary>Deletes a cohort and its member list; enrolments made through it stay.</summary>
    public async Task<Result> DeleteAsync(Guid cohortId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, cohortId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        db.Entry(found.Value).Property(c => c.Version).OriginalValue = version;
        db.CohortMembers.RemoveRange(await db.CohortMembers.Where(m => m.CohortId == cohortId).ToListAsync(cancellationToken));
        db.Cohorts.Remove(found.Value);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    public async Task<Result<IReadOnlyList<PersonChoice>>> MembersAsync(Guid cohortId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, cohortId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var ids = await db.CohortMembers.Where(m => m.CohortId == cohortId).Select(m => m.PersonId).ToListAsync(cancellationToken);
        var members = await people.FindAsync(new PeopleCriteria(PersonIds: ids), cancellationToken);
        var unitNames = (await units.FindManyAsync(members.Select(p => p.HomeUnitId).OfType<Guid>().Distinct(), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        return members.Select(p => new PersonChoice(p.Id, p.FullName, p.HomeUnitId is { } unitId ? unitNames.GetValueOrDefault(unitId, "") : "")).ToList();
    }

    /// <summary>Adds an active person of the user's area; adding someone twice changes nothing.</summary>
    public async Task<Result> AddMemberAsync(Guid cohortId, Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, cohortId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var person = (await people.FindAsync(new PeopleCriteria(PersonIds: [personId], ActiveOnly: true), cancellationToken)).SingleOrDefault();
        if (person is null || !await access.IsGrantedAsync(LearningPermissions.EnrolmentsManage, person.HomeUnitId, cancellationToken))
        {
            return Error.Validation("PersonId", "Error:PersonOutOfScope");
        }
        if (!await db.CohortMembers.AnyAsync(m => m.CohortId == cohortId && m.PersonId == personId, cancellationToken))
        {
            db.CohortMembers.Add(new CohortMember { CohortId = cohortId, PersonId = personId });
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    public async Task<Result> RemoveMemberAsync(Guid cohortId, Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, cohortId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        db.CohortMembers.RemoveRange(await db.CohortMembers.Where(m => m.CohortId == cohortId && m.PersonId == personId).ToListAsync(cancellationToken));
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    private async Task<Result<Cohort>> FindAsync(LearningDbContext db, Guid cohortId, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        return cohort is not null && await access.IsGrantedAsync(LearningPermissions.EnrolmentsManage, cohort.OwningUnitId, cancellationToken)
            ? cohort
            : Error.NotFound;
    }
}
