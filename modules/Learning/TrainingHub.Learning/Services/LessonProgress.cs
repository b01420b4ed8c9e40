using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

/// <summary>
/// The signed-in learner's progress: which lessons they have finished in their current enrolment, marking a lesson done,
/// the rule that a lesson may need the one before it, and completing the enrolment when every lesson is done. Lessons
/// finished before an enrolment began (in an earlier, completed one) do not count for a refresher.
/// </summary>
internal sealed class LessonProgress(
    IDbContextFactory<LearningDbContext> dbFactory, CourseAccess courses, IAccessControl access, ICurrentUser user,
    EnrolmentReminders reminders, TimeProvider clock)
{
    /// <summary>
    /// The lessons of the course done within the enrolment: lessons marked done since it began, and quizzes passed since.
    /// Attempts whose time ran out are marked first; when that passes one, the enrolment completes if nothing else was left,
    /// just as when a passed attempt is submitted.
    /// </summary>
    public async Task<HashSet<Guid>> DoneLessonIdsAsync(LearningDbContext db, Enrolment enrolment, CancellationToken cancellationToken)
    {
        // Compared in memory: SQLite cannot compare DateTimeOffset values in a query.
        var completions = await db.LessonCompletions.AsNoTracking()
            .Where(c => c.PersonId == enrolment.PersonId && c.CourseId == enrolment.CourseId)
            .Select(c => new { c.LessonId, c.CompletedAt })
            .ToListAsync(cancellationToken);
        var (passed, passedNow) = await PassedQuizLessonIdsAsync(enrolment.PersonId, enrolment.CourseId, enrolment.EnrolledAt, cancellationToken);
        var lessons = await db.Lessons.Where(l => l.CourseId == enrolment.CourseId).Select(l => l.Id).ToListAsync(cancellationToken);
        var done = completions.Where(c => c.CompletedAt >= enrolment.EnrolledAt).Select(c => c.LessonId).Concat(passed)
            .Intersect(lessons).ToHashSet();
        if (passedNow)
        {
            await CompleteIfDoneAsync(db, enrolment, done, cancellationToken);
        }
        return done;
    }

    /// <summary>The signed-in person's progress in a course they may see, with the first lesson still to do.</summary>
    public async Task<Result<CourseProgress>> GetAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindVisibleAsync(db, courseId, cancellationToken);
        if (!found.TryGetValue(out var course, out var error))
        {
            return error;
        }
        var ordered = await OrderedLessonIdsAsync(db, courseId, cancellationToken);
        var enrolment = await CurrentEnrolmentAsync(db, courseId, cancellationToken);
        var canManage = access.HasPermission(LearningPermissions.EnrolmentsManage);
        if (enrolment is null)
        {
            var canSelfEnrol = course.Status == CourseStatus.Published && course.OpenForSelfEnrolment && user.UserId is not null;
            return new CourseProgress(null, new HashSet<Guid>(), ordered.Count, 0, null, null, Continue(ordered, new HashSet<Guid>()), canSelfEnrol, canManage);
        }
        var done = await DoneLessonIdsAsync(db, enrolment, cancellationToken);
        return new CourseProgress(enrolment.Id, done, ordered.Count, EnrolmentRules.ProgressPercent(done.Count, ordered.Count),
            EnrolmentRules.StandingOf(enrolment.Status, enrolment.DueAt, clock.GetUtcNow()), enrolment.DueAt, Continue(ordered, done), false, canManage);
    }

    /// <summary>
    /// Whether the signed-in person may open a lesson: always, unless it requires the one before it and that one is not done
    /// in their current enrolment. Authors of the course open every lesson, to preview it.
    /// </summary>
    public async Task<bool> MayOpenAsync(Guid courseId, Guid? previousLessonId, bool requiresPrevious, bool canEdit, CancellationToken cancellationToken = default)
    {
        if (!requiresPrevious || previousLessonId is not { } previousId || canEdit)
        {
            return true;
        }
        await using var db = dbFactory.CreateDbContext();
        var enrolment = await CurrentEnrolmentAsync(db, courseId, cancellationToken);
        return enrolment is not null && (await DoneLessonIdsAsync(db, enrolment, cancellationToken)).Contains(previousId);
    }

    /// <summary>
    /// Marks a text or video lesson done in the learner's active enrolment; answers the next lesson still to do, or null when the
    /// course is now complete. A lesson that requires the one before it waits for it.
    /// </summary>
    public async Task<Result<Guid?>> MarkDoneAsync(Guid courseId, Guid lessonId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindVisibleAsync(db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var enrolment = await CurrentEnrolmentAsync(db, courseId, cancellationToken);
        if (enrolment is not { Status: EnrolmentStatus.Active })
        {
            return Error.Rule("Error:NotEnrolled");
        }
        var lesson = await db.Lessons.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lessonId && l.CourseId == courseId, cancellationToken);
        var ordered = await OrderedLessonIdsAsync(db, courseId, cancellationToken);
        var index = ordered.IndexOf(lessonId);
        if (lesson is null || index < 0)
        {
            return Error.NotFound;
        }
        if (lesson.Kind is not (LessonKind.Markdown or LessonKind.ExternalVideo))
        {
            return Error.Rule("Error:LessonCompletesItself");
        }
        var done = await DoneLessonIdsAsync(db, enrolment, cancellationToken);
        if (lesson.RequiresPrevious && index > 0 && !done.Contains(ordered[index - 1]))
        {
            return Error.Rule("Error:PreviousLessonFirst");
        }
        if (done.Add(lessonId))
        {
            db.LessonCompletions.Add(new LessonCompletion { PersonId = enrolment.PersonId, CourseId = courseId, LessonId = lessonId, CompletedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        await CompleteIfDoneAsync(db, enrolment, done, cancellationToken);
        var next = ordered.Skip(index + 1).Concat(ordered.Take(index)).FirstOrDefault(id => !done.Contains(id));
        return next == Guid.Empty ? (Guid?)null : next;
    }

    /// <summary>
    /// Completes a person's active enrolment once every lesson is done, for work that finishes a lesson elsewhere (a quiz
    /// passed); answers whether it is complete now.
    /// </summary>
    public async Task<bool> RefreshCompletionAsync(Guid personId, Guid courseId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.PersonId == personId && e.CourseId == courseId && e.Status == EnrolmentStatus.Active, cancellationToken);
        if (enrolment is null)
        {
            return false;
        }
        // Marking an attempt whose time ran out may complete the enrolment already, so the answer is its status afterwards.
        await CompleteIfDoneAsync(db, enrolment, await DoneLessonIdsAsync(db, enrolment, cancellationToken), cancellationToken);
        return enrolment.Status == EnrolmentStatus.Completed;
    }

    /// <summary>
    /// The quiz lessons a person passed in attempts started at or after <paramref name="since"/>, and whether one of them was
    /// passed just now by marking an attempt whose time ran out. Marked in a context of its own: when another request marks the
    /// same attempt first, both scored the same saved answers, and only the one that saved tells of the pass.
    /// </summary>
    private async Task<(IReadOnlySet<Guid> Passed, bool PassedNow)> PassedQuizLessonIdsAsync(
        Guid personId, Guid courseId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var attempts = await db.QuizAttempts.Where(a => a.PersonId == personId && a.CourseId == courseId).ToListAsync(cancellationToken);
        var passedNow = false;
        foreach (var attempt in attempts)
        {
            passedNow |= await QuizAttempts.FinishIfExpiredAsync(db, attempt, clock.GetUtcNow(), cancellationToken) && attempt.Passed == true;
        }
        passedNow = await db.SaveOrErrorAsync(cancellationToken) is null && passedNow;
        // Compared here rather than in SQL: SQLite cannot compare date-times with offsets.
        return (attempts.Where(a => a.Passed == true && a.StartedAt >= since).Select(a => a.LessonId).ToHashSet(), passedNow);
    }

    /// <summary>
    /// Completes an active enrolment whose lessons are all done, and publishes the completion in the same save, so the
    /// competencies it maps to hear of it even if they cannot be reached right now.
    /// </summary>
    private async Task<bool> CompleteIfDoneAsync(LearningDbContext db, Enrolment enrolment, IReadOnlySet<Guid> done, CancellationToken cancellationToken)
    {
        if (enrolment.Status != EnrolmentStatus.Active || done.Count == 0
            || done.Count < await db.Lessons.CountAsync(l => l.CourseId == enrolment.CourseId, cancellationToken))
        {
            return false;
        }
        var courseTitle = await db.Courses.Where(c => c.Id == enrolment.CourseId).Select(c => c.Title).SingleAsync(cancellationToken);
        var mappings = await db.CourseCompetencies.AsNoTracking().Where(m => m.CourseId == enrolment.CourseId)
            .Select(m => new CompletedCourseCompetency(m.CompetencyLineageId, m.LevelRank)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        enrolment.Status = EnrolmentStatus.Completed;
        enrolment.CompletedAt = now;
        db.Update(enrolment);
        db.Publish(new CourseCompleted(enrolment.PersonId, enrolment.CourseId, enrolment.Id, courseTitle, now, mappings), now);
        await db.SaveChangesAsync(cancellationToken);
        await reminders.CancelAsync(enrolment, cancellationToken);
        return true;
    }

    /// <summary>The person's active enrolment in the course, or else their latest completed one; withdrawn ones do not count.</summary>
    private async Task<Enrolment?> CurrentEnrolmentAsync(LearningDbContext db, Guid courseId, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } personId)
        {
            return null;
        }
        var enrolments = await db.Enrolments.Where(e => e.PersonId == personId && e.CourseId == courseId && e.Status != EnrolmentStatus.Withdrawn)
            .ToListAsync(cancellationToken);
        return enrolments.FirstOrDefault(e => e.Status == EnrolmentStatus.Active) ?? enrolments.MaxBy(e => e.CompletedAt);
    }

    /// <summary>The course's lessons in reading order: by section, then within it.</summary>
    public static async Task<List<Guid>> OrderedLessonIdsAsync(LearningDbContext db, Guid courseId, CancellationToken cancellationToken) =>
        await db.Lessons.Where(l => l.CourseId == courseId)
            .Join(db.Sections, l => l.SectionId, s => s.Id, (l, s) => new { l.Id, SectionOrder = s.Order, l.Order })
            .OrderBy(x => x.SectionOrder).ThenBy(x => x.Order)
            .Select(x => x.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Where to continue: the first lesson not yet done, or the first lesson when everything is.</summary>
    public static Guid? Continue(IReadOnlyList<Guid> ordered, IReadOnlySet<Guid> done) =>
        ordered.Where(id => !done.Contains(id)).Select(id => (Guid?)id).FirstOrDefault() ?? ordered.Select(id => (Guid?)id).FirstOrDefault();
}
