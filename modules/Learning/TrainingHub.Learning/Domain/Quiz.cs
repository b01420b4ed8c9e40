using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Learning.Domain;

internal enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    TrueFalse,
    ShortAnswer,
}

/// <summary>
/// A question in a course's question bank. Quizzes of the course pick from the bank; an attempt scores against a frozen
/// copy (<see cref="QuizVersion"/>), so changing a question never changes a past attempt.
/// </summary>
internal sealed class Question : IHasVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CourseId { get; set; }

    public QuestionKind Kind { get; set; }

    /// <summary>Markdown, shown through the lesson renderer's sanitiser.</summary>
    public required string Text { get; set; }

    public int Points { get; set; } = 1;

    /// <summary>Shown to everyone after submission, whatever they answered.</summary>
    public string? Feedback { get; set; }

    /// <summary>The choices of a choice question; a true/false question has two, "true" first.</summary>
    public List<QuestionOption> Options { get; set; } = [];

    /// <summary>What counts as right for a short-answer question.</summary>
    public List<string> AcceptedAnswers { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>One choice of a question, kept with it as JSON; its id is what a learner's answer names.</summary>
internal sealed record QuestionOption(Guid Id, string Text, bool IsCorrect, string? Feedback);

/// <summary>The settings of a quiz lesson and the bank questions it asks, in order. Its title is the lesson's.</summary>
internal sealed class Quiz : IHasVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CourseId { get; set; }

    public Guid LessonId { get; set; }

    public List<Guid> QuestionIds { get; set; } = [];

    /// <summary>The share of points, in percent, needed to pass.</summary>
    public int PassMarkPercent { get; set; } = 80;

    /// <summary>How many attempts a person may start; unlimited when null.</summary>
    public int? AttemptLimit { get; set; }

    public int? TimeLimitMinutes { get; set; }

    public bool ShuffleQuestions { get; set; }

    public bool ShuffleOptions { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// A frozen copy of a quiz as it was asked: its settings and its questions with their answers, as JSON. A new version is
/// made whenever the quiz or one of its questions changed since the last one and the quiz is published or has attempts.
/// </summary>
internal sealed class QuizVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid QuizId { get; set; }

    /// <summary>1, 2, 3 … per quiz.</summary>
    public int Number { get; set; }

    public required string Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One person's attempt at a quiz, against the version that was current when it started.</summary>
internal sealed class QuizAttempt : IHasVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid QuizId { get; set; }

    public Guid QuizVersionId { get; set; }

    public Guid CourseId { get; set; }

    public Guid LessonId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>1, 2, 3 … per person and quiz.</summary>
    public int Number { get; set; }

    /// <summary>The questions and their options in the order this person sees them, shuffled once at the start.</summary>
    public List<AttemptQuestion> Layout { get; set; } = [];

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When a timed attempt ends; answers after it are refused.</summary>
    public DateTimeOffset? Deadline { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The time ran out and the attempt was scored with the answers saved by then.</summary>
    public bool TimedOut { get; set; }

    public int? Score { get; set; }

    public int MaxScore { get; set; }

    public bool? Passed { get; set; }

    public Guid Version { get; set; }
}

internal sealed record AttemptQuestion(Guid QuestionId, List<Guid> OptionIds);

/// <summary>The saved answer to one question of an attempt; one row per question, so saving one never overwrites another.</summary>
internal sealed class QuizAnswer
{
    public Guid AttemptId { get; set; }

    public Guid QuestionId { get; set; }

    public List<Guid> OptionIds { get; set; } = [];

    public string? Text { get; set; }

    public DateTimeOffset SavedAt { get; set; }
}
