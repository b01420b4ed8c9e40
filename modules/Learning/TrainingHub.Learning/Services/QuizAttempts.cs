using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Content;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

/// <summary>
/// People taking quizzes of courses they can see. An attempt is asked from the quiz version current when it starts, with
/// its order shuffled once and kept; answers are saved as they are given and refused after the deadline; the server marks
/// the attempt on submission, or with what was saved once its time ran out. Each person reaches only their own attempts.
/// </summary>
internal sealed class QuizAttempts(
    IDbContextFactory<LearningDbContext> dbFactory, CourseAccess courses, ICurrentUser user, LessonProgress progress, TimeProvider clock)
{
    private const string SaveRace = "Error:SaveConflictedWithOtherChange";

    /// <summary>A quiz lesson's rules and the user's attempts at it, with attempts whose time ran out marked.</summary>
    public async Task<Result<QuizOverview>> GetOverviewAsync(Guid lessonId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindQuizAsync(db, lessonId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (lesson, quiz, personId) = found.Value;
        if (quiz is null)
        {
            return new QuizOverview(lessonId, lesson.Title, false, 0, 0, null, null, [], null, false);
        }
        var content = await QuizVersions.CurrentContentAsync(db, quiz, cancellationToken);
        var ready = QuizRules.CheckQuiz("Quiz", lesson.Title, content) is null;
        var attempts = await MineAsync(db, quiz.Id, personId, cancellationToken);
        if (await SaveAsync(db, cancellationToken) is { } notSaved)
        {
            return notSaved;
        }
        var open = attempts.FirstOrDefault(a => a.SubmittedAt is null);
        var canStart = open is not null || (ready && (quiz.AttemptLimit is not { } limit || attempts.Count < limit));
        return new QuizOverview(
            lessonId, lesson.Title, ready, content.Questions.Count, content.PassMarkPercent, quiz.AttemptLimit, content.TimeLimitMinutes,
            attempts.OrderBy(a => a.Number).Select(Summary).ToList(), open?.Id, canStart);
    }

    /// <summary>Starts an attempt, or continues the one in progress; refused once the attempt limit is used up.</summary>
    public async Task<Result<QuizPaper>> StartAsync(Guid lessonId, CancellationToken cancellationToken = default)
    {
        // Two starts at once may both make the next version or attempt number; the loser tries once more.
        var result = await TryStartAsync(lessonId, cancellationToken);
        return result.Error?.Key == SaveRace ? await TryStartAsync(lessonId, cancellationToken) : result;
    }

    /// <summary>The questions of the user's attempt in progress, with the answers saved so far.</summary>
    public async Task<Result<QuizPaper>> GetPaperAsync(Guid attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindOpenAttemptAsync(db, attemptId, cancellationToken);
        if (!found.TryGetValue(out var attempt, out var error))
        {
            return error;
        }
        return await PaperAsync(db, attempt, await LessonTitleAsync(db, attempt.LessonId, cancellationToken), cancellationToken);
    }

    /// <summary>Saves the answer to one question; refused once the attempt is submitted or its time is up.</summary>
    public async Task<Result> SaveAnswerAsync(Guid attemptId, Guid questionId, AnswerValue answer, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindOpenAttemptAsync(db, attemptId, cancellationToken);
        if (!found.TryGetValue(out var attempt, out var error))
        {
            return error;
        }
        var asked = attempt.Layout.FirstOrDefault(q => q.QuestionId == questionId);
        var question = asked is null ? null : (await ContentAsync(db, attempt, cancellationToken)).Questions.Single(q => q.Id == questionId);
        if (asked is null || question is null
            || answer.OptionIds.Any(id => !asked.OptionIds.Contains(id)) || answer.OptionIds.Distinct().Count() != answer.OptionIds.Count
            || (question.Kind != QuestionKind.MultipleChoice && answer.OptionIds.Count > 1))
        {
            return Error.Validation("Answer", "Error:AnswerInvalid");
        }
        if (answer.Text?.Length > QuizRules.MaxAnswerLength)
        {
            return Error.Validation("Answer", "Error:TooLong", QuizRules.MaxAnswerLength);
        }
        var saved = await db.QuizAnswers.SingleOrDefaultAsync(a => a.AttemptId == attemptId && a.QuestionId == questionId, cancellationToken);
        if (saved is null)
        {
            saved = new QuizAnswer { AttemptId = attemptId, QuestionId = questionId };
            db.QuizAnswers.Add(saved);
        }
        saved.OptionIds = [.. answer.OptionIds];
        saved.Text = question.Kind == QuestionKind.ShortAnswer ? answer.Text : null;
        saved.SavedAt = clock.GetUtcNow();
        return await SaveAsync(db, cancellationToken) ?? Result.Success();
    }

    /// <summary>Submits the attempt and marks it; after the deadline it is marked with the answers saved in time.</summary>
    public async Task<Result<AttemptReview>> SubmitAsync(Guid attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindMineAsync(db, attemptId, cancellationToken);
        if (!found.TryGetValue(out var attempt, out var error))
        {
            return error;
        }
        if (attempt.SubmittedAt is null)
        {
            var now = clock.GetUtcNow();
            await FinishAsync(db, attempt, timedOut: !QuizScoring.IsOpen(attempt.Deadline, now), now, cancellationToken);
            if (await SaveAsync(db, cancellationToken) is { } notSaved)
            {
                return notSaved;
            }
        }
        return await ReviewAsync(db, attempt, cancellationToken);
    }

    /// <summary>A submitted attempt with the right answers and feedback; an attempt in progress is not reviewed.</summary>
    public async Task<Result<AttemptReview>> GetReviewAsync(Guid attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindMineAsync(db, attemptId, cancellationToken);
        if (!found.TryGetValue(out var attempt, out var error))
        {
            return error;
        }
        await FinishIfExpiredAsync(db, attempt, cancellationToken);
        if (attempt.SubmittedAt is null)
        {
            return Error.Rule("Error:AttemptNotSubmitted");
        }
        return await SaveAsync(db, cancellationToken) is { } notSaved ? notSaved : await ReviewAsync(db, attempt, cancellationToken);
    }

    private async Task<Result<QuizPaper>> TryStartAsync(Guid lessonId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindQuizAsync(db, lessonId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (lesson, quiz, personId) = found.Value;
        if (quiz is null)
        {
            return Error.Rule("Error:QuizNotReady");
        }
        var attempts = await MineAsync(db, quiz.Id, personId, cancellationToken);
        var attempt = attempts.FirstOrDefault(a => a.SubmittedAt is null);
        if (attempt is null)
        {
            var content = await QuizVersions.CurrentContentAsync(db, quiz, cancellationToken);
            if (QuizRules.CheckQuiz("Quiz", lesson.Title, content) is not null)
            {
                return Error.Rule("Error:QuizNotReady");
            }
            if (quiz.AttemptLimit is { } limit && attempts.Count >= limit)
            {
                return await SaveAsync(db, cancellationToken) ?? Error.Rule("Error:AttemptLimitReached");
            }
            var now = clock.GetUtcNow();
            var version = await QuizVersions.CurrentAsync(db, quiz.Id, content, now, cancellationToken);
            attempt = new QuizAttempt
            {
                QuizId = quiz.Id, QuizVersionId = version.Id, CourseId = lesson.CourseId, LessonId = lesson.Id, PersonId = personId,
                Number = attempts.Select(a => a.Number).DefaultIfEmpty().Max() + 1, Layout = Shuffle(content), StartedAt = now,
                Deadline = content.TimeLimitMinutes is { } minutes ? now.AddMinutes(minutes) : null, MaxScore = content.Questions.Sum(q => q.Points),
            };
            db.QuizAttempts.Add(attempt);
        }
        return await SaveAsync(db, cancellationToken) is { } notSaved ? notSaved : await PaperAsync(db, attempt, lesson.Title, cancellationToken);
    }

    /// <summary>The quiz lesson of a course the user can see, with its quiz if it has been set up.</summary>
    private async Task<Result<(Lesson Lesson, Quiz? Quiz, Guid PersonId)>> FindQuizAsync(LearningDbContext db, Guid lessonId, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } personId)
        {
            return Error.Forbidden;
        }
        var lesson = await db.Lessons.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lessonId && l.Kind == LessonKind.Quiz, cancellationToken);
        if (lesson is null || !(await courses.FindVisibleAsync(db, lesson.CourseId, cancellationToken)).Succeeded)
        {
            return Error.NotFound;
        }
        var quiz = await db.Quizzes.AsNoTracking().SingleOrDefaultAsync(q => q.LessonId == lessonId, cancellationToken);
        return (lesson, quiz, personId);
    }

    /// <summary>The user's own attempt at a quiz of a course they can see; anybody else's is not found.</summary>
    private async Task<Result<QuizAttempt>> FindMineAsync(LearningDbContext db, Guid attemptId, CancellationToken cancellationToken)
    {
        var attempt = user.UserId is { } personId
            ? await db.QuizAttempts.SingleOrDefaultAsync(a => a.Id == attemptId && a.PersonId == personId, cancellationToken)
            : null;
        return attempt is not null && (await courses.FindVisibleAsync(db, attempt.CourseId, cancellationToken)).Succeeded ? attempt : Error.NotFound;
    }

    /// <summary>The user's attempt while it takes answers; one whose time ran out is marked now and refused.</summary>
    private async Task<Result<QuizAttempt>> FindOpenAttemptAsync(LearningDbContext db, Guid attemptId, CancellationToken cancellationToken)
    {
        var found = await FindMineAsync(db, attemptId, cancellationToken);
        if (!found.TryGetValue(out var attempt, out var error))
        {
            return error;
        }
        if (attempt.SubmittedAt is not null)
        {
            return Error.Rule("Error:AttemptSubmitted");
        }
        if (await FinishIfExpiredAsync(db, attempt, cancellationToken))
        {
            return await SaveAsync(db, cancellationToken) ?? Error.Rule("Error:TimeUp");
        }
        return found;
    }

    private async Task<List<QuizAttempt>> MineAsync(LearningDbContext db, Guid quizId, Guid personId, CancellationToken cancellationToken)
    {
        var attempts = await db.QuizAttempts.Where(a => a.QuizId == quizId && a.PersonId == personId).ToListAsync(cancellationToken);
        foreach (var attempt in attempts)
        {
            await FinishIfExpiredAsync(db, attempt, cancellationToken);
        }
        return attempts;
    }

    private Task<bool> FinishIfExpiredAsync(LearningDbContext db, QuizAttempt attempt, CancellationToken cancellationToken) =>
        FinishIfExpiredAsync(db, attempt, clock.GetUtcNow(), cancellationToken);

    /// <summary>Marks an unsubmitted attempt whose time ran out, with the answers saved by then; answers whether it did.</summary>
    public static async Task<bool> FinishIfExpiredAsync(LearningDbContext db, QuizAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (attempt.SubmittedAt is not null || QuizScoring.IsOpen(attempt.Deadline, now))
        {
            return false;
        }
        await FinishAsync(db, attempt, timedOut: true, now, cancellationToken);
        return true;
    }

    /// <summary>Marks the attempt with its saved answers; one that ran out of time counts as submitted at its deadline.</summary>
    private static async Task FinishAsync(LearningDbContext db, QuizAttempt attempt, bool timedOut, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var score = QuizScoring.Score(await ContentAsync(db, attempt, cancellationToken), await AnswersAsync(db, attempt.Id, cancellationToken));
        attempt.SubmittedAt = timedOut ? attempt.Deadline : now;
        attempt.TimedOut = timedOut;
        attempt.Score = score.Score;
        attempt.MaxScore = score.MaxScore;
        attempt.Passed = score.Passed;
    }

    /// <summary>
    /// Saves, then counts each pass marked in this operation, whether submitted or closed because its time ran out: the quiz's
    /// lesson is done, and when it was the last one the person's enrolment completes.
    /// </summary>
    private async Task<Error?> SaveAsync(LearningDbContext db, CancellationToken cancellationToken)
    {
        var passed = db.ChangeTracker.Entries<QuizAttempt>()
            .Where(e => e.Entity.Passed == true && e.Property(a => a.Passed).IsModified)
            .Select(e => (e.Entity.PersonId, e.Entity.CourseId))
            .Distinct().ToList();
        if (await db.SaveOrErrorAsync(cancellationToken) is { } error)
        {
            return error;
        }
        foreach (var (personId, courseId) in passed)
        {
            await progress.RefreshCompletionAsync(personId, courseId, cancellationToken);
        }
        return null;
    }

    private async Task<QuizPaper> PaperAsync(LearningDbContext db, QuizAttempt attempt, string title, CancellationToken cancellationToken)
    {
        var questions = (await ContentAsync(db, attempt, cancellationToken)).Questions.ToDictionary(q => q.Id);
        return new QuizPaper(
            attempt.Id, attempt.CourseId, attempt.LessonId, title, attempt.Number, attempt.Deadline,
            attempt.Layout.Select(asked =>
            {
                var question = questions[asked.QuestionId];
                var options = question.Options.ToDictionary(o => o.Id);
                return new PaperQuestion(question.Id, question.Kind, LessonMarkdown.ToSafeHtml(question.Text), question.Points,
                    asked.OptionIds.Select(id => new PaperOption(id, options[id].Text)).ToList());
            }).ToList(),
            await AnswersAsync(db, attempt.Id, cancellationToken));
    }

    private async Task<AttemptReview> ReviewAsync(LearningDbContext db, QuizAttempt attempt, CancellationToken cancellationToken)
    {
        var content = await ContentAsync(db, attempt, cancellationToken);
        var questions = content.Questions.ToDictionary(q => q.Id);
        var answers = await AnswersAsync(db, attempt.Id, cancellationToken);
        var score = QuizScoring.Score(content, answers);
        return new AttemptReview(
            attempt.Id, attempt.CourseId, attempt.LessonId, await LessonTitleAsync(db, attempt.LessonId, cancellationToken), attempt.Number,
            attempt.StartedAt, attempt.SubmittedAt!.Value, attempt.TimedOut, score, content.PassMarkPercent,
            attempt.Layout.Select((asked, index) =>
            {
                var question = questions[asked.QuestionId];
                var answer = answers.GetValueOrDefault(question.Id) ?? AnswerValue.Empty;
                var options = question.Options.ToDictionary(o => o.Id);
                return new ReviewQuestion(
                    index + 1, question.Kind, LessonMarkdown.ToSafeHtml(question.Text), question.Points, QuizScoring.IsRight(question, answer),
                    asked.OptionIds.Select(id => options[id]).Select(o => new ReviewOption(o.Text, answer.OptionIds.Contains(o.Id), o.IsCorrect, o.Feedback)).ToList(),
                    answer.Text, question.AcceptedAnswers, question.Feedback is null ? null : LessonMarkdown.ToSafeHtml(question.Feedback));
            }).ToList());
    }

    private static async Task<QuizContent> ContentAsync(LearningDbContext db, QuizAttempt attempt, CancellationToken cancellationToken) =>
        QuizVersions.Read(await db.QuizVersions.AsNoTracking().SingleAsync(v => v.Id == attempt.QuizVersionId, cancellationToken));

    private static async Task<Dictionary<Guid, AnswerValue>> AnswersAsync(LearningDbContext db, Guid attemptId, CancellationToken cancellationToken) =>
        await db.QuizAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId)
            .ToDictionaryAsync(a => a.QuestionId, a => new AnswerValue(a.OptionIds, a.Text), cancellationToken);

    private static async Task<string> LessonTitleAsync(LearningDbContext db, Guid lessonId, CancellationToken cancellationToken) =>
        await db.Lessons.Where(l => l.Id == lessonId).Select(l => l.Title).SingleOrDefaultAsync(cancellationToken) ?? "";

    /// <summary>
    /// The order one attempt is asked in. True/false keeps "true" first, as its options are labelled by place.
    /// </summary>
    private static List<AttemptQuestion> Shuffle(QuizContent content)
    {
        var questions = content.Questions.ToArray();
        if (content.ShuffleQuestions)
        {
            Random.Shared.Shuffle(questions);
        }
        return questions.Select(q =>
        {
            var options = q.Options.Select(o => o.Id).ToArray();
            if (content.ShuffleOptions && q.Kind != QuestionKind.TrueFalse)
            {
                Random.Shared.Shuffle(options);
            }
            return new AttemptQuestion(q.Id, [.. options]);
        }).ToList();
    }

    private static AttemptSummary Summary(QuizAttempt a) =>
        new(a.Id, a.Number, a.StartedAt, a.SubmittedAt, a.TimedOut, a.Score, a.MaxScore,
            a.Score is { } score && a.MaxScore > 0 ? score * 100 / a.MaxScore : null, a.Passed);
}
