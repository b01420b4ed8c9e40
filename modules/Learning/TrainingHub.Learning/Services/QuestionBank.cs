using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Learning.Services;

/// <summary>
/// A course's question bank, on behalf of an author of the course's unit. Questions may be saved unfinished while the course
/// is a draft; a change to a question of a published course that would leave one of its quizzes unfit is refused.
/// </summary>
internal sealed class QuestionBank(IDbContextFactory<LearningDbContext> dbFactory, CourseAccess courses, TimeProvider clock)
{
    /// <summary>The course's questions, oldest first, each with the quizzes that ask it.</summary>
    public async Task<Result<IReadOnlyList<QuestionView>>> ListAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await QuizAuthoring.FindAuthoredAsync(courses, db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var questions = await db.Questions.AsNoTracking().Where(q => q.CourseId == courseId).ToListAsync(cancellationToken);
        var quizzes = await db.Quizzes.AsNoTracking().Where(q => q.CourseId == courseId)
            .Join(db.Lessons.Where(l => l.Kind == LessonKind.Quiz), q => q.LessonId, l => l.Id, (q, l) => new { q.QuestionIds, l.Title })
            .ToListAsync(cancellationToken);
        return Views(questions, quizzes.Select(q => (q.Title, (IReadOnlyList<Guid>)q.QuestionIds)).ToList()).ToList();
    }

    public async Task<Result<Guid>> CreateAsync(Guid courseId, QuestionInput input, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindEditableAsync(db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        if (QuizRules.CheckInput(input) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }
        var question = new Question { CourseId = courseId, Text = "", CreatedAt = clock.GetUtcNow() };
        Apply(input, question, clock.GetUtcNow());
        db.Questions.Add(question);
        return await db.SaveOrErrorAsync(cancellationToken) is { } notSaved ? notSaved : question.Id;
    }

    public async Task<Result> UpdateAsync(Guid questionId, QuestionInput input, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, questionId, version, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        if (QuizRules.CheckInput(input) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }
        var (course, question, bank) = found.Value;
        Apply(input, question, clock.GetUtcNow());
        return await SaveAsync(db, course, question.Id, bank, cancellationToken);
    }

    /// <summary>Deletes a question and takes it out of the quizzes that ask it; past attempts keep it in their versions.</summary>
    public async Task<Result> DeleteAsync(Guid questionId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, questionId, version, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (course, question, bank) = found.Value;
        db.Questions.Remove(question);
        bank.Remove(questionId);
        return await SaveAsync(db, course, questionId, bank, cancellationToken);
    }

    public static IEnumerable<QuestionView> Views(IEnumerable<Question> questions, IReadOnlyList<(string Title, IReadOnlyList<Guid> QuestionIds)> quizzes) =>
        questions.OrderBy(q => q.CreatedAt).ThenBy(q => q.Id).Select(q => new QuestionView(
            q.Id, q.Kind, q.Text, q.Points, q.Feedback, q.Options, q.AcceptedAnswers, q.Version, QuizRules.Problem(QuestionContent.From(q)),
            quizzes.Where(z => z.QuestionIds.Contains(q.Id)).Select(z => z.Title).ToList()));

    /// <summary>Checks and versions the quizzes that ask the question, taking a deleted question out of them, then saves.</summary>
    private async Task<Result> SaveAsync(
        LearningDbContext db, Course course, Guid questionId, Dictionary<Guid, Question> bank, CancellationToken cancellationToken)
    {
        var quizzes = (await db.Quizzes.Where(q => q.CourseId == course.Id).ToListAsync(cancellationToken)).Where(q => q.QuestionIds.Contains(questionId)).ToList();
        if (!bank.ContainsKey(questionId))
        {
            quizzes.ForEach(q => q.QuestionIds = q.QuestionIds.Where(id => id != questionId).ToList());
        }
        if (await QuizAuthoring.ReconcileAsync(db, course, quizzes, bank, clock.GetUtcNow(), cancellationToken) is { } refused)
        {
            return refused;
        }
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    private async Task<Result<(Course Course, Question Question, Dictionary<Guid, Question> Bank)>> FindAsync(
        LearningDbContext db, Guid questionId, Guid version, CancellationToken cancellationToken)
    {
        var courseId = await db.Questions.Where(q => q.Id == questionId).Select(q => (Guid?)q.CourseId).SingleOrDefaultAsync(cancellationToken);
        if (courseId is null)
        {
            return Error.NotFound;
        }
        var course = await courses.FindEditableAsync(db, courseId.Value, cancellationToken);
        if (course.Failed(out var error))
        {
            return error;
        }
        var bank = await db.Questions.Where(q => q.CourseId == courseId).ToDictionaryAsync(q => q.Id, cancellationToken);
        var question = bank[questionId];
        db.Entry(question).Property(q => q.Version).OriginalValue = version;
        return (course.Value, question, bank);
    }

    private static void Apply(QuestionInput input, Question question, DateTimeOffset now)
    {
        question.Kind = input.Kind;
        question.Text = input.Text.Trim();
        question.Points = input.Points;
        question.Feedback = CourseRules.Trimmed(input.Feedback);
        question.Options = input.Kind switch
        {
            QuestionKind.ShortAnswer => [],
            // True first, false second; their labels come from the page, so the stored texts stay empty.
            QuestionKind.TrueFalse => input.Options.Concat([new OptionInput(), new OptionInput()]).Take(2)
                .Select(o => new QuestionOption(o.Id, "", o.IsCorrect, CourseRules.Trimmed(o.Feedback))).ToList(),
            _ => input.Options.Select(o => new QuestionOption(o.Id, o.Text.Trim(), o.IsCorrect, CourseRules.Trimmed(o.Feedback))).ToList(),
        };
        question.AcceptedAnswers = input.Kind == QuestionKind.ShortAnswer
            ? input.AcceptedAnswers.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct().ToList()
            : [];
        question.UpdatedAt = now;
    }
}
