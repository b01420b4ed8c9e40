using Microsoft.Extensions.Localization;
using TrainingHub.Learning.Domain;

namespace TrainingHub.Learning.Pages.Quizzes;

internal static class QuizText
{
    /// <summary>An option's label: its text, or "True"/"False" by place for a true/false question, whose options are never shuffled.</summary>
    public static string Option(IStringLocalizer localizer, QuestionKind kind, int index, string text) =>
        kind == QuestionKind.TrueFalse ? localizer[index == 0 ? "Quiz:True" : "Quiz:False"] : text;
}
