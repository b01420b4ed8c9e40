using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

/// <summary>
/// Who may see and change a course. A learner (<see cref="LearningPermissions.CoursesView"/>) sees a published course
/// that is open for self-enrolment or that they are enrolled in; whoever enrols people sees every published course;
/// authors also see, and change, every course owned by a unit in their scope.
/// </summary>
internal sealed class CourseAccess(IAccessControl access, ICurrentUser user)
{
    public bool CanAuthor => access.HasPermission(LearningPermissions.CoursesAuthor);

    public UnitScope AuthorScope => access.GetScope(LearningPermissions.CoursesAuthor);

    /// <summary>Those who enrol people choose among every published course.</summary>
    public bool SeesAllPublished => access.HasPermission(LearningPermissions.EnrolmentsManage);

    public Task<bool> CanEditAsync(Guid owningUnitId, CancellationToken cancellationToken) =>
        access.IsGrantedAsync(LearningPermissions.CoursesAuthor, owningUnitId, cancellationToken);

    public async Task<bool> CanSeeAsync(LearningDbContext db, Course course, CancellationToken cancellationToken) =>
        (course.Status == CourseStatus.Published && access.HasPermission(LearningPermissions.CoursesView)
         && (course.OpenForSelfEnrolment || SeesAllPublished || await IsEnrolledAsync(db, course.Id, cancellationToken)))
        || await CanEditAsync(course.OwningUnitId, cancellationToken);

    /// <summary>The ids of the courses the user is or was enrolled in (withdrawn enrolments do not count).</summary>
    public async Task<HashSet<Guid>> EnrolledCourseIdsAsync(LearningDbContext db, CancellationToken cancellationToken) =>
        user.UserId is { } personId
            ? (await db.Enrolments.Where(e => e.PersonId == personId && e.Status != EnrolmentStatus.Withdrawn)
                .Select(e => e.CourseId).Distinct().ToListAsync(cancellationToken)).ToHashSet()
            : [];

    /// <summary>A course the user may see: not found when they may not, so its existence is not revealed.</summary>
    public async Task<Result<Course>> FindVisibleAsync(LearningDbContext db, Guid courseId, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        return course is not null && await CanSeeAsync(db, course, cancellationToken) ? course : Error.NotFound;
    }

    /// <summary>A tracked course the user may change now: in their scope and not archived.</summary>
    public async Task<Result<Course>> FindEditableAsync(LearningDbContext db, Guid courseId, CancellationToken cancellationToken)
    {
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null || !await CanSeeAsync(db, course, cancellationToken))
        {
            return Error.NotFound;
        }
        if (!await CanEditAsync(course.OwningUnitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        return course.Status == CourseStatus.Archived ? Error.Rule("Error:CourseArchived") : course;
    }

    private async Task<bool> IsEnrolledAsync(LearningDbContext db, Guid courseId, CancellationToken cancellationToken) =>
        user.UserId is { } personId
        && await db.Enrolments.AnyAsync(e => e.PersonId == personId && e.CourseId == courseId && e.Status != EnrolmentStatus.Withdrawn, cancellationToken);
}
