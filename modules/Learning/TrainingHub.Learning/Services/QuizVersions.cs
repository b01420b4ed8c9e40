using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;

namespace TrainingHub.Learning.Services;

/// <summary>
/// Freezes quizzes into versions. A version is made only when the quiz as it stands differs from its latest version, so
/// editing a draft that nobody has taken makes none, and attempts always point at the questions they were asked.
/// </summary>
internal static class QuizVersions
{
    /// <summary>The quiz as it stands: its settings and its questions from the bank, in the quiz's order.</summary>
    public static async Task<QuizContent> CurrentContentAsync(LearningDbContext db, Quiz quiz, CancellationToken cancellationToken)
    {
        var ids = quiz.QuestionIds.ToList();
        var questions = (await db.Questions.AsNoTracking().Where(q => q.CourseId == quiz.CourseId && ids.Contains(q.Id)).ToListAsync(cancellationToken))
            .ToDictionary(q => q.Id);
        return With(quiz, questions);
    }

    /// <summary>The quiz as it stands, from bank questions already loaded (which may include changes not yet saved).</summary>
    public static QuizContent With(Quiz quiz, IReadOnlyDictionary<Guid, Question> bank) =>
        new(quiz.PassMarkPercent, quiz.TimeLimitMinutes, quiz.ShuffleQuestions, quiz.ShuffleOptions,
            quiz.QuestionIds.Where(bank.ContainsKey).Select(id => QuestionContent.From(bank[id])).ToList());

    public static QuizContent Read(QuizVersion version) => JsonSerializer.Deserialize<QuizContent>(version.Content, JsonColumns.Options)!;

    /// <summary>The latest version if it matches <paramref name="content"/>; otherwise a new one, added to the context for the caller to save.</summary>
    public static async Task<QuizVersion> CurrentAsync(
        LearningDbContext db, Guid quizId, QuizContent content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await db.QuizVersions.AsNoTracking().Where(v => v.QuizId == quizId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        var json = JsonSerializer.Serialize(content, JsonColumns.Options);
        if (latest?.Content == json)
        {
            return latest;
        }
        var version = new QuizVersion { QuizId = quizId, Number = (latest?.Number ?? 0) + 1, Content = json, CreatedAt = now };
        db.QuizVersions.Add(version);
        return version;
    }
}
