using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Learning.Services;

/// <summary>
/// What makes a question and a quiz fit to be asked. A question may be saved unfinished while its course is a draft; a
/// quiz with an unfinished question (no right answer, too few choices) keeps the course from being published, and a
/// published course's quizzes cannot be changed into such a state.
/// </summary>
internal static class QuizRules
{
    public const int MaxTextLength = 10_000;
    public const int MaxOptionLength = 1_000;
    public const int MaxFeedbackLength = 2_000;
    public const int MaxOptions = 10;
    public const int MaxAcceptedAnswers = 20;
    public const int MaxPoints = 100;
    public const int MaxAttemptLimit = 100;
    public const int MaxTimeLimitMinutes = 600;
    public const int MaxAnswerLength = 500;
    public const int MaxQuestionsPerQuiz = 200;

    /// <summary>Problems with the form itself; a question with any of them is not saved.</summary>
    public static List<FieldError> CheckInput(QuestionInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(new(nameof(QuestionInput.Text), "Error:QuestionTextRequired"));
        }
        else if (input.Text.Length > MaxTextLength)
        {
            errors.Add(new(nameof(QuestionInput.Text), "Error:TooLong", MaxTextLength));
        }
        if (input.Points is < 1 or > MaxPoints)
        {
            errors.Add(new(nameof(QuestionInput.Points), "Error:PointsRange", MaxPoints));
        }
        if (input.Feedback?.Length > MaxFeedbackLength || input.Options.Any(o => o.Feedback?.Length > MaxFeedbackLength))
        {
            errors.Add(new(nameof(QuestionInput.Feedback), "Error:TooLong", MaxFeedbackLength));
        }
        if (IsChoice(input.Kind))
        {
            if (input.Options.Count > MaxOptions)
            {
                errors.Add(new(nameof(QuestionInput.Options), "Error:TooManyOptions", MaxOptions));
            }
            else if (input.Options.Any(o => string.IsNullOrWhiteSpace(o.Text)))
            {
                errors.Add(new(nameof(QuestionInput.Options), "Error:OptionTextRequired"));
            }
            else if (input.Options.Any(o => o.Text.Trim().Length > MaxOptionLength))
            {
                errors.Add(new(nameof(QuestionInput.Options), "Error:TooLong", MaxOptionLength));
            }
        }
        if (input.Kind == QuestionKind.ShortAnswer)
        {
            var answers = input.AcceptedAnswers.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
            if (answers.Count > MaxAcceptedAnswers)
            {
                errors.Add(new(nameof(QuestionInput.AcceptedAnswers), "Error:TooManyAnswers", MaxAcceptedAnswers));
            }
            else if (answers.Any(a => a.Trim().Length > MaxAnswerLength))
            {
                errors.Add(new(nameof(QuestionInput.AcceptedAnswers), "Error:TooLong", MaxAnswerLength));
            }
        }
        return errors;
    }

    /// <summary>Why the question cannot be asked yet, as a localisation key, or null when it can.</summary>
    public static string? Problem(QuestionContent question)
    {
        var correct = question.Options.Count(o => o.IsCorrect);
        return question.Kind switch
        {
            QuestionKind.ShortAnswer when !question.AcceptedAnswers.Any(a => !string.IsNullOrWhiteSpace(a)) => "Problem:NoAcceptedAnswer",
            QuestionKind.ShortAnswer => null,
            QuestionKind.TrueFalse when question.Options.Count != 2 || correct != 1 => "Problem:TrueOrFalse",
            _ when question.Options.Count < 2 => "Problem:TwoOptions",
            QuestionKind.SingleChoice when correct != 1 => "Problem:OneCorrect",
            QuestionKind.MultipleChoice when correct == 0 => "Problem:SomeCorrect",
            _ => null,
        };
    }

    public static List<FieldError> CheckSettings(QuizSettingsInput input)
    {
        var errors = new List<FieldError>();
        if (input.PassMarkPercent is < 1 or > 100)
        {
            errors.Add(new(nameof(QuizSettingsInput.PassMarkPercent), "Error:PassMarkRange"));
        }
        if (input.AttemptLimit is < 1 or > MaxAttemptLimit)
        {
            errors.Add(new(nameof(QuizSettingsInput.AttemptLimit), "Error:AttemptLimitRange", MaxAttemptLimit));
        }
        if (input.TimeLimitMinutes is < 1 or > MaxTimeLimitMinutes)
        {
            errors.Add(new(nameof(QuizSettingsInput.TimeLimitMinutes), "Error:TimeLimitRange", MaxTimeLimitMinutes));
        }
        if (input.QuestionIds.Count > MaxQuestionsPerQuiz || input.QuestionIds.Distinct().Count() != input.QuestionIds.Count)
        {
            errors.Add(new(nameof(QuizSettingsInput.QuestionIds), "Error:QuestionListInvalid", MaxQuestionsPerQuiz));
        }
        return errors;
    }

    /// <summary>
    /// Why a quiz cannot be asked, naming the quiz and the first question that is not ready (by its place in the quiz and
    /// the start of its text), or null when it can. The error's field is <paramref name="field"/>.
    /// </summary>
    public static Error? CheckQuiz(string field, string title, QuizContent content)
    {
        if (content.Questions.Count == 0)
        {
            return Error.Validation(field, "Error:QuizNoQuestions", title);
        }
        for (var i = 0; i < content.Questions.Count; i++)
        {
            if (Problem(content.Questions[i]) is { } problem)
            {
                // "Problem:OneCorrect" becomes "Error:QuizProblem:OneCorrect": the same problem, told with the quiz and question.
                return Error.Validation(field, $"Error:Quiz{problem}", title, i + 1, Excerpt(content.Questions[i].Text));
            }
        }
        return null;
    }

    public static bool IsChoice(QuestionKind kind) => kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    /// <summary>The start of a question's first line without Markdown's heading and emphasis marks, to name it in lists and messages.</summary>
    public static string Excerpt(string text, int length = 60)
    {
        var line = text.Trim().Split('\n', 2)[0].Replace("*", "").Replace("`", "").Trim().TrimStart('#', ' ', '>', '-');
        return line.Length <= length ? line : line[..length].TrimEnd() + "…";
    }
}
