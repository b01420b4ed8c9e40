using System.Text;
using TrainingHub.Learning.Domain;

namespace TrainingHub.Learning.Services;

/// <summary>
/// How answers are marked, on the server only. Each question earns all its points or none: a multiple-choice answer is
/// right only when exactly the correct options are chosen (no partial credit, so guessing every box never pays). A short
/// answer is right when it matches an accepted answer ignoring case, spaces at either end or repeated inside, and which of
/// the apostrophes used in Ukrainian (’ ' ʼ ‘ `) was typed.
/// </summary>
internal static class QuizScoring
{
    private static readonly char[] Apostrophes = ['\u2019', '\u02BC', '\u2018', '`', '\u00B4'];

    public static bool IsRight(QuestionContent question, AnswerValue? answer)
    {
        if (answer is null || answer.IsEmpty)
        {
            return false;
        }
        if (question.Kind == QuestionKind.ShortAnswer)
        {
            var given = Normalise(answer.Text);
            return question.AcceptedAnswers.Any(a => Normalise(a) == given && given.Length > 0);
        }
        var correct = question.Options.Where(o => o.IsCorrect).Select(o => o.Id).ToHashSet();
        return correct.Count > 0 && correct.SetEquals(answer.OptionIds);
    }

    public static AttemptScore Score(QuizContent content, IReadOnlyDictionary<Guid, AnswerValue> answers)
    {
        var max = content.Questions.Sum(q => q.Points);
        var score = content.Questions.Where(q => IsRight(q, answers.GetValueOrDefault(q.Id))).Sum(q => q.Points);
        var percent = max == 0 ? 0 : score * 100 / max;
        return new AttemptScore(score, max, percent, max > 0 && score * 100 >= content.PassMarkPercent * max);
    }

    /// <summary>Answers are taken up to and including the deadline itself, and refused from the moment after it.</summary>
    public static bool IsOpen(DateTimeOffset? deadline, DateTimeOffset now) => deadline is null || now <= deadline;

    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var normalised = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC).Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (normalised.Length > 0 && normalised[^1] != ' ')
                {
                    normalised.Append(' ');
                }
            }
            else
            {
                normalised.Append(Array.IndexOf(Apostrophes, c) >= 0 ? '\'' : char.ToLowerInvariant(c));
            }
        }
        return normalised.ToString();
    }
}
