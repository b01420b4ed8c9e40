using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

/// <summary>The signed-in person's enrolments with their progress: what is in progress, due soon, overdue, and done (with refreshers' earlier completions).</summary>
internal sealed class MyLearning(IDbContextFactory<LearningDbContext> dbFactory, ICurrentUser user, LessonProgress progress, TimeProvider clock)
{
    public Task<IReadOnlyList<LearnerCourse>> ListAsync(CancellationToken cancellationToken = default) =>
        user.UserId is { } personId
            ? ForAsync(personId, clock.GetUtcNow(), activeOnly: false, cancellationToken)
            : Task.FromResult<IReadOnlyList<LearnerCourse>>([]);

    /// <summary>
    /// One person's courses as the page shows them; <paramref name="activeOnly"/> leaves out the completed ones, for the
    /// home page's steps, which must show the same progress as "My learning".
    /// </summary>
    public async Task<IReadOnlyList<LearnerCourse>> ForAsync(Guid personId, DateTimeOffset now, bool activeOnly, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var enrolments = await (activeOnly
                ? db.Enrolments.Where(e => e.PersonId == personId && e.Status == EnrolmentStatus.Active)
                : db.Enrolments.Where(e => e.PersonId == personId && e.Status != EnrolmentStatus.Withdrawn))
            .AsNoTracking().ToListAsync(cancellationToken);
        var courseIds = enrolments.Select(e => e.CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var cards = new List<LearnerCourse>();
        foreach (var enrolment in enrolments)
        {
            var course = courses[enrolment.CourseId];
            var ordered = await LessonProgress.OrderedLessonIdsAsync(db, course.Id, cancellationToken);
            var done = enrolment.Status == EnrolmentStatus.Completed ? ordered.ToHashSet() : await progress.DoneLessonIdsAsync(db, enrolment, cancellationToken);
            cards.Add(new LearnerCourse(
                enrolment.Id, course.Id, course.Title, enrolment.Status, EnrolmentRules.StandingOf(enrolment.Status, enrolment.DueAt, now),
                done.Count, ordered.Count, EnrolmentRules.ProgressPercent(done.Count, ordered.Count), enrolment.EnrolledAt, enrolment.DueAt,
                enrolment.CompletedAt, LessonProgress.Continue(ordered, done), course.Status == CourseStatus.Published));
        }
        // The most pressing first: the earliest due, then the latest enrolled; completed ones by when they were finished.
        return cards.OrderBy(c => c.DueAt ?? DateTimeOffset.MaxValue).ThenByDescending(c => c.CompletedAt ?? c.EnrolledAt).ToList();
    }
}
