using TrainingHub.Learning.Domain;

namespace TrainingHub.Learning.Services;

/// <summary>A quiz as it is asked: what <see cref="QuizVersion.Content"/> freezes. The attempt limit stays with the quiz, as it counts attempts at every version.</summary>
internal sealed record QuizContent(int PassMarkPercent, int? TimeLimitMinutes, bool ShuffleQuestions, bool ShuffleOptions, IReadOnlyList<QuestionContent> Questions);

internal sealed record QuestionContent(
    Guid Id, QuestionKind Kind, string Text, int Points, string? Feedback, IReadOnlyList<QuestionOption> Options, IReadOnlyList<string> AcceptedAnswers)
{
    public static QuestionContent From(Question question) =>
        new(question.Id, question.Kind, question.Text, question.Points, question.Feedback, question.Options, question.AcceptedAnswers);
}

/// <summary>A learner's answer to one question: the options they chose, or the text they typed.</summary>
internal sealed record AnswerValue(IReadOnlyList<Guid> OptionIds, string? Text)
{
    public static AnswerValue Empty { get; } = new([], null);

    public bool IsEmpty => OptionIds.Count == 0 && string.IsNullOrWhiteSpace(Text);
}

/// <summary>What an attempt scored; the percentage is rounded down, the pass compared exactly.</summary>
internal sealed record AttemptScore(int Score, int MaxScore, int Percent, bool Passed);

/// <summary>A bank question as its editor and list show it, with what keeps it out of a published quiz, if anything.</summary>
internal sealed record QuestionView(
    Guid Id, QuestionKind Kind, string Text, int Points, string? Feedback, IReadOnlyList<QuestionOption> Options, IReadOnlyList<string> AcceptedAnswers,
    Guid Version, string? Problem, IReadOnlyList<string> UsedIn);

/// <summary>A quiz lesson's settings as its editor shows them, with the bank to choose from.</summary>
internal sealed record QuizSettingsView(
    Guid LessonId, string Title, Guid? Version, int PassMarkPercent, int? AttemptLimit, int? TimeLimitMinutes, bool ShuffleQuestions, bool ShuffleOptions,
    IReadOnlyList<Guid> QuestionIds, IReadOnlyList<QuestionView> Bank, int VersionNumber, int AttemptCount);

/// <summary>
/// The questions of an attempt as they are sent to the browser: text and choices only. Which choices are right, the accepted
/// answers and all feedback stay on the server until the attempt is submitted.
/// </summary>
internal sealed record QuizPaper(
    Guid AttemptId, Guid CourseId, Guid LessonId, string Title, int Number, DateTimeOffset? Deadline, IReadOnlyList<PaperQuestion> Questions,
    IReadOnlyDictionary<Guid, AnswerValue> Answers);

internal sealed record PaperQuestion(Guid QuestionId, QuestionKind Kind, string Html, int Points, IReadOnlyList<PaperOption> Options);

internal sealed record PaperOption(Guid OptionId, string Text);

/// <summary>A quiz lesson as a learner finds it: its rules and their own attempts.</summary>
internal sealed record QuizOverview(
    Guid LessonId, string Title, bool IsReady, int QuestionCount, int PassMarkPercent, int? AttemptLimit, int? TimeLimitMinutes,
    IReadOnlyList<AttemptSummary> Attempts, Guid? OpenAttemptId, bool CanStart)
{
    public int? BestPercent => Attempts.Where(a => a.Percent is not null).Max(a => a.Percent);

    public int AttemptsLeft => AttemptLimit is { } limit ? Math.Max(0, limit - Attempts.Count) : int.MaxValue;
}

internal sealed record AttemptSummary(
    Guid Id, int Number, DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt, bool TimedOut, int? Score, int MaxScore, int? Percent, bool? Passed);

/// <summary>A submitted attempt with every question, the person's answer, the right answer and the feedback.</summary>
internal sealed record AttemptReview(
    Guid AttemptId, Guid CourseId, Guid LessonId, string Title, int Number, DateTimeOffset StartedAt, DateTimeOffset SubmittedAt, bool TimedOut,
    AttemptScore Result, int PassMarkPercent, IReadOnlyList<ReviewQuestion> Questions);

internal sealed record ReviewQuestion(
    int Number, QuestionKind Kind, string Html, int Points, bool IsRight, IReadOnlyList<ReviewOption> Options, string? GivenText,
    IReadOnlyList<string> AcceptedAnswers, string? FeedbackHtml);

internal sealed record ReviewOption(string Text, bool Chosen, bool IsCorrect, string? Feedback);

/// <summary>What an author fills in for a bank question.</summary>
internal sealed class QuestionInput
{
    public QuestionKind Kind { get; set; } = QuestionKind.SingleChoice;
    public string Text { get; set; } = "";
    public int Points { get; set; } = 1;
    public string? Feedback { get; set; }
    public List<OptionInput> Options { get; set; } = [new(), new()];
    public List<string> AcceptedAnswers { get; set; } = [""];

    public static QuestionInput From(QuestionView question) => new()
    {
        Kind = question.Kind,
        Text = question.Text,
        Points = question.Points,
        Feedback = question.Feedback,
        Options = question.Options.Select(o => new OptionInput { Id = o.Id, Text = o.Text, IsCorrect = o.IsCorrect, Feedback = o.Feedback }).ToList(),
        AcceptedAnswers = question.AcceptedAnswers.Count == 0 ? [""] : [.. question.AcceptedAnswers],
    };
}

internal sealed class OptionInput
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Text { get; set; } = "";
    public bool IsCorrect { get; set; }
    public string? Feedback { get; set; }
}

/// <summary>What an author sets for a quiz lesson.</summary>
internal sealed class QuizSettingsInput
{
    public List<Guid> QuestionIds { get; set; } = [];
    public int PassMarkPercent { get; set; } = 80;
    public int? AttemptLimit { get; set; }
    public int? TimeLimitMinutes { get; set; }
    public bool ShuffleQuestions { get; set; }
    public bool ShuffleOptions { get; set; }

    public static QuizSettingsInput From(QuizSettingsView quiz) => new()
    {
        QuestionIds = [.. quiz.QuestionIds],
        PassMarkPercent = quiz.PassMarkPercent,
        AttemptLimit = quiz.AttemptLimit,
        TimeLimitMinutes = quiz.TimeLimitMinutes,
        ShuffleQuestions = quiz.ShuffleQuestions,
        ShuffleOptions = quiz.ShuffleOptions,
    };
}
