using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

/// <summary>
/// Enrolling people in a published course and withdrawing them, on behalf of someone holding
/// <see cref="LearningPermissions.EnrolmentsManage"/>: only people whose home unit lies in their area, and only active ones.
/// A bulk enrolment is saved in one go and leaves out those already enrolled.
/// </summary>
internal sealed class Enrolments(
    IDbContextFactory<LearningDbContext> dbFactory, CourseAccess courses, IAccessControl access, ICurrentUser user, IOrganisationDirectory units,
    IPeopleSelection people, IPositionTypes positions, EnrolmentReminders reminders, LessonProgress progress, TimeProvider clock)
{
    public bool CanManage => access.HasPermission(LearningPermissions.EnrolmentsManage);

    public async Task<Result<EnrolmentCourse>> GetCourseAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindVisibleAsync(db, courseId, cancellationToken);
        if (!found.TryGetValue(out var course, out var error))
        {
            return error;
        }
        return new EnrolmentCourse(course.Id, course.Title, course.Status, course.OpenForSelfEnrolment,
            await db.Lessons.CountAsync(l => l.CourseId == courseId, cancellationToken));
    }

    /// <summary>
    /// One page of the course's enrolments of people in the user's area, by name, whose name contains the search; a
    /// person's earlier enrolments (refreshers, withdrawals) follow their latest one.
    /// </summary>
    public async Task<Result<Page<EnrolmentRow>>> ListAsync(Guid courseId, string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        var course = await GetCourseAsync(courseId, cancellationToken);
        if (course.Failed(out var error))
        {
            return error;
        }
        await using var db = dbFactory.CreateDbContext();
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.CourseId == courseId).ToListAsync(cancellationToken);
        var scopeUnits = await ScopeUnitsAsync(cancellationToken);
        var found = (await people.FindAsync(new PeopleCriteria(PersonIds: enrolments.Select(e => e.PersonId).Distinct().ToList(), Search: search), cancellationToken))
            .Where(p => InScope(scopeUnits, p))
            .ToDictionary(p => p.Id);
        var now = clock.GetUtcNow();
        var rows = enrolments.Where(e => found.ContainsKey(e.PersonId))
            .OrderBy(e => found[e.PersonId].FullName, StringComparer.CurrentCulture).ThenBy(e => e.PersonId).ThenByDescending(e => e.EnrolledAt)
            .ToList();
        var shown = rows.Skip(page.Skip).Take(page.Take).ToList();
        var unitNames = (await units.FindManyAsync(shown.Select(e => found[e.PersonId].HomeUnitId).OfType<Guid>().Distinct(), cancellationToken))
            .ToDictionary(u => u.Id, u => u.DisplayName);
        var items = new List<EnrolmentRow>();
        foreach (var e in shown)
        {
            var person = found[e.PersonId];
            var done = e.Status == EnrolmentStatus.Completed ? course.Value.LessonCount : (await progress.DoneLessonIdsAsync(db, e, cancellationToken)).Count;
            items.Add(new EnrolmentRow(e.Id, e.PersonId, person.FullName, person.HomeUnitId is { } unitId ? unitNames.GetValueOrDefault(unitId, "") : "",
                e.Method, e.Status, EnrolmentRules.StandingOf(e.Status, e.DueAt, now), EnrolmentRules.ProgressPercent(done, course.Value.LessonCount),
                e.EnrolledAt, e.DueAt, e.CompletedAt, e.Version));
        }
        return new Page<EnrolmentRow>(items, rows.Count);
    }

    /// <summary>Units, position types and cohorts in the user's area, for the enrol dialog.</summary>
    public async Task<EnrolChoices> GetChoicesAsync(CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(LearningPermissions.EnrolmentsManage);
        if (scope.IsEmpty)
        {
            return new EnrolChoices([], [], []);
        }
        var inScope = (await units.GetUnitsInAsync(scope, cancellationToken))
            .OrderBy(u => u.Type).ThenBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
        var unitNames = inScope.ToDictionary(u => u.Id, u => u.DisplayName);
        await using var db = dbFactory.CreateDbContext();
        var cohorts = (await db.Cohorts.AsNoTracking()
                .Select(c => new { c.Id, c.Name, c.OwningUnitId, Members = db.CohortMembers.Count(m => m.CohortId == c.Id) })
                .ToListAsync(cancellationToken))
            .Where(c => unitNames.ContainsKey(c.OwningUnitId))
            .Select(c => new CohortChoice(c.Id, c.Name, unitNames[c.OwningUnitId], c.Members))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
        var positionChoices = (await positions.ListAsync(cancellationToken)).Select(p => new PositionChoice(p.Id, p.Name(Cultures.ReadsEnglish))).ToList();
        return new EnrolChoices(inScope, positionChoices, cohorts);
    }

    /// <summary>
    /// Enrols the chosen people in a published course, all in one save: individually, everyone whose home unit is the chosen
    /// unit or under it, everyone in a position type, or a cohort's members. People outside the user's area or deactivated
    /// are left out, and so is anyone already actively enrolled.
    /// </summary>
    public async Task<Result<EnrolOutcome>> EnrolAsync(Guid courseId, EnrolInput input, CancellationToken cancellationToken = default)
    {
        var course = await GetCourseAsync(courseId, cancellationToken);
        if (course.Failed(out var error))
        {
            return error;
        }
        if (course.Value.Status != CourseStatus.Published)
        {
            return Error.Rule("Error:EnrolPublishedOnly");
        }
        var now = clock.GetUtcNow();
        var errors = EnrolmentRules.Check(input.Due, now);
        var chosen = await ChooseAsync(input, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var scopeUnits = await ScopeUnitsAsync(cancellationToken);
        var eligible = chosen!.Where(p => p.IsActive && InScope(scopeUnits, p)).Select(p => p.Id).ToList();
        await using var db = dbFactory.CreateDbContext();
        var already = (await db.Enrolments.Where(e => e.CourseId == courseId && e.Status == EnrolmentStatus.Active && eligible.Contains(e.PersonId))
            .Select(e => e.PersonId).ToListAsync(cancellationToken)).ToHashSet();
        var added = eligible.Where(id => !already.Contains(id)).Select(id => new Enrolment
        {
            PersonId = id, CourseId = courseId, Method = input.Method, EnrolledBy = user.UserId!.Value, EnrolledAt = now,
            DueAt = EnrolmentRules.DueAt(input.Due, now), Status = EnrolmentStatus.Active,
        }).ToList();
        db.Enrolments.AddRange(added);
        if (await db.SaveOrErrorAsync(cancellationToken) is { } notSaved)
        {
            return notSaved;
        }
        foreach (var enrolment in added)
        {
            await reminders.PlanAsync(enrolment, course.Value.Title, cancellationToken);
        }
        return new EnrolOutcome(added.Count, already.Count, chosen!.Count - eligible.Count);
    }

    /// <summary>Withdraws an active enrolment: its reminders stop; the row stays in the history.</summary>
    public async Task<Result> WithdrawAsync(Guid enrolmentId, Guid version, CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return Error.NotFound;
        }
        var person = (await people.FindAsync(new PeopleCriteria(PersonIds: [enrolment.PersonId]), cancellationToken)).SingleOrDefault();
        if (person is null || !await access.IsGrantedAsync(LearningPermissions.EnrolmentsManage, person.HomeUnitId, cancellationToken))
        {
            return Error.NotFound;
        }
        if (enrolment.Status != EnrolmentStatus.Active)
        {
            return Error.Rule("Error:EnrolmentNotActive");
        }
        db.Entry(enrolment).Property(e => e.Version).OriginalValue = version;
        enrolment.Status = EnrolmentStatus.Withdrawn;
        enrolment.WithdrawnAt = clock.GetUtcNow();
        if (await db.SaveOrErrorAsync(cancellationToken) is { } error)
        {
            return error;
        }
        await reminders.CancelAsync(enrolment, cancellationToken);
        return Result.Success();
    }

    /// <summary>Enrols the signed-in person in a published course open for self-enrolment; nothing is due.</summary>
    public async Task<Result<Guid>> EnrolSelfAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } personId || !access.HasPermission(LearningPermissions.CoursesView))
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindVisibleAsync(db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        if (found.Value.Status != CourseStatus.Published || !found.Value.OpenForSelfEnrolment)
        {
            return Error.Rule("Error:NotOpenForSelfEnrolment");
        }
        if (await db.Enrolments.AnyAsync(e => e.CourseId == courseId && e.PersonId == personId && e.Status == EnrolmentStatus.Active, cancellationToken))
        {
            return Error.Rule("Error:AlreadyEnrolled");
        }
        var enrolment = new Enrolment
        {
            PersonId = personId, CourseId = courseId, Method = EnrolmentMethod.Self, EnrolledBy = personId, EnrolledAt = clock.GetUtcNow(),
            Status = EnrolmentStatus.Active,
        };
        db.Enrolments.Add(enrolment);
        return await db.SaveOrErrorAsync(cancellationToken) is { } notSaved ? notSaved : enrolment.Id;
    }

    /// <summary>The people the input names, before the area and activity checks; null with errors added when the input is incomplete.</summary>
    private async Task<IReadOnlyList<SelectedPerson>?> ChooseAsync(EnrolInput input, List<FieldError> errors, CancellationToken cancellationToken)
    {
        switch (input.Method)
        {
            case EnrolmentMethod.Individual when input.PersonIds.Count == 0:
                errors.Add(new(nameof(EnrolInput.PersonIds), "Error:ChoosePeople"));
                return null;
            case EnrolmentMethod.Individual:
                return await people.FindAsync(new PeopleCriteria(PersonIds: input.PersonIds.Distinct().ToList()), cancellationToken);
            case EnrolmentMethod.Unit when input.UnitId is not { } unitId || !await access.IsGrantedAsync(LearningPermissions.EnrolmentsManage, unitId, cancellationToken):
                errors.Add(new(nameof(EnrolInput.UnitId), "Error:ChooseUnit"));
                return null;
            case EnrolmentMethod.Unit:
                var subtree = (await units.GetUnitsInAsync(UnitScope.Under([input.UnitId!.Value]), cancellationToken)).Select(u => u.Id).ToList();
                return await people.FindAsync(new PeopleCriteria(HomeUnitIds: subtree), cancellationToken);
            case EnrolmentMethod.PositionType when input.PositionTypeId is null:
                errors.Add(new(nameof(EnrolInput.PositionTypeId), "Error:ChoosePosition"));
                return null;
            case EnrolmentMethod.PositionType:
                return await people.FindAsync(new PeopleCriteria(HomeUnitIds: await ScopeUnitsAsync(cancellationToken), PositionTypeId: input.PositionTypeId), cancellationToken);
            case EnrolmentMethod.Cohort:
                await using (var db = dbFactory.CreateDbContext())
                {
                    var cohort = input.CohortId is { } cohortId ? await db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken) : null;
                    if (cohort is null || !await access.IsGrantedAsync(LearningPermissions.EnrolmentsManage, cohort.OwningUnitId, cancellationToken))
                    {
                        errors.Add(new(nameof(EnrolInput.CohortId), "Error:ChooseCohort"));
                        return null;
                    }
                    var members = await db.CohortMembers.Where(m => m.CohortId == cohort.Id).Select(m => m.PersonId).ToListAsync(cancellationToken);
                    return await people.FindAsync(new PeopleCriteria(PersonIds: members), cancellationToken);
                }
            default:
                errors.Add(new(nameof(EnrolInput.Method), "Error:ChooseMethod"));
                return null;
        }
    }

    /// <summary>The units in the user's area for enrolling people; null when it is everywhere.</summary>
    private async Task<IReadOnlyCollection<Guid>?> ScopeUnitsAsync(CancellationToken cancellationToken)
    {
        var scope = access.GetScope(LearningPermissions.EnrolmentsManage);
        return scope.IsEverywhere ? null : (await units.GetUnitsInAsync(scope, cancellationToken)).Select(u => u.Id).ToHashSet();
    }

    private static bool InScope(IReadOnlyCollection<Guid>? scopeUnits, SelectedPerson person) =>
        scopeUnits is null || (person.HomeUnitId is { } unitId && scopeUnits.Contains(unitId));
}
