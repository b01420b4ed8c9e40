using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

/// <summary>
/// Who may see and change a course. Everyone with <see cref="LearningPermissions.CoursesView"/> sees published courses;
/// authors also see, and change, every course owned by a unit in their scope.
/// </summary>
internal sealed class CourseAccess(IAccessControl access)
{
    public bool CanAuthor => access.HasPermission(LearningPermissions.CoursesAuthor);

    public UnitScope AuthorScope => access.GetScope(LearningPermissions.CoursesAuthor);

    public Task<bool> CanEditAsync(Guid owningUnitId, CancellationToken cancellationToken) =>
        access.IsGrantedAsync(LearningPermissions.CoursesAuthor, owningUnitId, cancellationToken);

    public async Task<bool> CanSeeAsync(Course course, CancellationToken cancellationToken) =>
        (course.Status == CourseStatus.Published && access.HasPermission(LearningPermissions.CoursesView))
        || await CanEditAsync(course.OwningUnitId, cancellationToken);

    /// <summary>A course the user may see: not found when they may not, so its existence is not revealed.</summary>
    public async Task<Result<Course>> FindVisibleAsync(LearningDbContext db, Guid courseId, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        return course is not null && await CanSeeAsync(course, cancellationToken) ? course : Error.NotFound;
    }

    /// <summary>A tracked course the user may change now: in their scope and not archived.</summary>
    public async Task<Result<Course>> FindEditableAsync(LearningDbContext db, Guid courseId, CancellationToken cancellationToken)
    {
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null || !await CanSeeAsync(course, cancellationToken))
        {
            return Error.NotFound;
        }
        if (!await CanEditAsync(course.OwningUnitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        return course.Status == CourseStatus.Archived ? Error.Rule("Error:CourseArchived") : course;
    }
}
