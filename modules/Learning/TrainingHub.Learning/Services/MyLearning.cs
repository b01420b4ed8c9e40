using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

/// <summary>The signed-in person's enrolments with their progress: what is in progress, due soon, overdue, and done (with refreshers' earlier completions).</summary>
internal sealed class MyLearning(IDbContextFactory<LearningDbContext> dbFactory, ICurrentUser user, LessonProgress progress, TimeProvider clock)
{
    public async Task<IReadOnlyList<LearnerCourse>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } personId)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.PersonId == personId && e.Status != EnrolmentStatus.Withdrawn).ToListAsync(cancellationToken);
        var courseIds = enrolments.Select(e => e.CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var now = clock.GetUtcNow();
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
