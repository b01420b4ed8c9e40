using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Learning.Services;

/// <summary>
/// The settings of quiz lessons, on behalf of an author of the course's unit, and the rules every change to a quiz or
/// its questions goes through: a published course's quizzes stay fit to be asked, and a quiz that is published or has
/// been attempted gets a new version for each change, so past attempts keep the questions they were asked.
/// </summary>
internal sealed class QuizAuthoring(IDbContextFactory<LearningDbContext> dbFactory, CourseAccess courses, TimeProvider clock)
{
    public async Task<Result<QuizSettingsView>> GetAsync(Guid lessonId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var lesson = await db.Lessons.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lessonId && l.Kind == LessonKind.Quiz, cancellationToken);
        if (lesson is null)
        {
            return Error.NotFound;
        }
        var course = await FindAuthoredAsync(courses, db, lesson.CourseId, cancellationToken);
        if (course.Failed(out var error))
        {
            return error;
        }
        var saved = await db.Quizzes.AsNoTracking().SingleOrDefaultAsync(q => q.LessonId == lessonId, cancellationToken);
        var quiz = saved ?? new Quiz { CourseId = lesson.CourseId, LessonId = lessonId };
        var bank = await db.Questions.AsNoTracking().Where(q => q.CourseId == lesson.CourseId).ToListAsync(cancellationToken);
        var versionNumber = await db.QuizVersions.Where(v => v.QuizId == quiz.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var attempts = await db.QuizAttempts.CountAsync(a => a.QuizId == quiz.Id, cancellationToken);
        return new QuizSettingsView(
            lessonId, lesson.Title, saved?.Version, quiz.PassMarkPercent, quiz.AttemptLimit, quiz.TimeLimitMinutes,
            quiz.ShuffleQuestions, quiz.ShuffleOptions, quiz.QuestionIds, QuestionBank.Views(bank, []).ToList(), versionNumber, attempts);
    }

    /// <summary>
    /// Saves a quiz lesson's settings and questions; <paramref name="version"/> is null for a quiz saved for the first time.
    /// Questions must come from the course's bank.
    /// </summary>
    public async Task<Result> SaveAsync(Guid lessonId, QuizSettingsInput input, Guid? version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var lesson = await db.Lessons.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lessonId && l.Kind == LessonKind.Quiz, cancellationToken);
        if (lesson is null)
        {
            return Error.NotFound;
        }
        var found = await courses.FindEditableAsync(db, lesson.CourseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        if (QuizRules.CheckSettings(input) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }
        var bank = await db.Questions.Where(q => q.CourseId == lesson.CourseId).ToDictionaryAsync(q => q.Id, cancellationToken);
        if (input.QuestionIds.Any(id => !bank.ContainsKey(id)))
        {
            return Error.Validation(nameof(QuizSettingsInput.QuestionIds), "Error:QuestionNotInBank");
        }
        var quiz = await db.Quizzes.SingleOrDefaultAsync(q => q.LessonId == lessonId, cancellationToken);
        if ((quiz is null) != (version is null))
        {
            return Error.Conflict;
        }
        if (quiz is null)
        {
            quiz = new Quiz { CourseId = lesson.CourseId, LessonId = lessonId };
            db.Quizzes.Add(quiz);
        }
        else
        {
            db.Entry(quiz).Property(q => q.Version).OriginalValue = version!.Value;
        }
        quiz.QuestionIds = [.. input.QuestionIds];
        quiz.PassMarkPercent = input.PassMarkPercent;
        quiz.AttemptLimit = input.AttemptLimit;
        quiz.TimeLimitMinutes = input.TimeLimitMinutes;
        quiz.ShuffleQuestions = input.ShuffleQuestions;
        quiz.ShuffleOptions = input.ShuffleOptions;
        if (await ReconcileAsync(db, found.Value, [quiz], bank, clock.GetUtcNow(), cancellationToken) is { } refused)
        {
            return refused;
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>
    /// Why a course cannot be published because of its quizzes, naming the first quiz (in course order) and question that
    /// is not ready; null when every quiz lesson has questions and each question a right answer.
    /// </summary>
    public static async Task<Error?> CheckCourseAsync(LearningDbContext db, Guid courseId, CancellationToken cancellationToken)
    {
        var sectionOrder = await db.Sections.Where(s => s.CourseId == courseId).ToDictionaryAsync(s => s.Id, s => s.Order, cancellationToken);
        var lessons = (await db.Lessons.AsNoTracking().Where(l => l.CourseId == courseId && l.Kind == LessonKind.Quiz).ToListAsync(cancellationToken))
            .OrderBy(l => sectionOrder.GetValueOrDefault(l.SectionId)).ThenBy(l => l.Order);
        var quizzes = await db.Quizzes.AsNoTracking().Where(q => q.CourseId == courseId).ToDictionaryAsync(q => q.LessonId, cancellationToken);
        var bank = await db.Questions.AsNoTracking().Where(q => q.CourseId == courseId).ToDictionaryAsync(q => q.Id, cancellationToken);
        foreach (var lesson in lessons)
        {
            var content = quizzes.TryGetValue(lesson.Id, out var quiz) ? QuizVersions.With(quiz, bank) : new QuizContent(100, null, false, false, []);
            if (QuizRules.CheckQuiz("Publish", lesson.Title, content) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    /// <summary>
    /// Before a change to quizzes or bank questions is saved: on a published course each changed quiz must still be fit to be
    /// asked, and a quiz that is published or has attempts gets a new version for what changed.
    /// </summary>
    public static async Task<Error?> ReconcileAsync(
        LearningDbContext db, Course course, IReadOnlyCollection<Quiz> quizzes, IReadOnlyDictionary<Guid, Question> bank, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var lessonIds = quizzes.Select(q => q.LessonId).ToList();
        var titles = await db.Lessons.Where(l => lessonIds.Contains(l.Id) && l.Kind == LessonKind.Quiz).ToDictionaryAsync(l => l.Id, l => l.Title, cancellationToken);
        var published = course.Status == CourseStatus.Published;
        foreach (var quiz in quizzes.Where(q => titles.ContainsKey(q.LessonId)))
        {
            var content = QuizVersions.With(quiz, bank);
            if (published && QuizRules.CheckQuiz("Quiz", titles[quiz.LessonId], content) is { } error)
            {
                return error;
            }
            if (published || await db.QuizAttempts.AnyAsync(a => a.QuizId == quiz.Id, cancellationToken))
            {
                await QuizVersions.CurrentAsync(db, quiz.Id, content, now, cancellationToken);
            }
        }
        return null;
    }

    /// <summary>A course whose quizzes the user writes: not found when they may not see it, forbidden when they only read it. Archived courses are read.</summary>
    public static async Task<Result<Course>> FindAuthoredAsync(CourseAccess courses, LearningDbContext db, Guid courseId, CancellationToken cancellationToken)
    {
        var found = await courses.FindVisibleAsync(db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        return await courses.CanEditAsync(found.Value.OwningUnitId, cancellationToken) ? found.Value : Error.Forbidden;
    }
}
