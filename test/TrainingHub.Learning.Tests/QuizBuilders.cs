using System.Security.Claims;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>Quiz lessons and bank questions for tests, written as an author would.</summary>
internal static class QuizBuilders
{
    public static QuestionInput SingleChoice(string text, string right, params string[] wrong) => new()
    {
        Kind = QuestionKind.SingleChoice, Text = text, Feedback = $"Загальний відгук: {text}",
        Options = [new() { Text = right, IsCorrect = true, Feedback = $"Відгук: {right}" }, .. wrong.Select(w => new OptionInput { Text = w, Feedback = $"Відгук: {w}" })],
    };

    public static QuestionInput ShortAnswer(string text, params string[] accepted) => new()
    {
        Kind = QuestionKind.ShortAnswer, Text = text, Options = [], AcceptedAnswers = [.. accepted], Feedback = "Правильна відповідь — у розділі 2.",
    };

    public static async Task<Guid> NewQuestionAsync(this QuestionBank bank, Guid courseId, QuestionInput input)
    {
        var result = await bank.CreateAsync(courseId, input);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value;
    }

    public static async Task<Guid> NewQuizLessonAsync(this CourseOutline outline, Guid sectionId, string title)
    {
        var result = await outline.AddLessonAsync(sectionId, new LessonInput { Title = title, Kind = LessonKind.Quiz });
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value;
    }

    public static async Task SetUpAsync(this QuizAuthoring quizzes, Guid lessonId, QuizSettingsInput input)
    {
        var result = await quizzes.SaveAsync(lessonId, input, (await quizzes.GetAsync(lessonId)).Value.Version);
        Assert.True(result.Succeeded, result.Error?.ToString());
    }
}

/// <summary>The signed-in person, who can be switched to another learner than <see cref="TestUser"/> for a while.</summary>
internal sealed class SwitchablePerson(TestUser user) : ICurrentUser
{
    private readonly ClaimsPrincipal _learner = TestUser.PrincipalWith(Guid.NewGuid(), new PermissionGrant(LearningPermissions.CoursesView, null));
    private ClaimsPrincipal? _other;

    public ClaimsPrincipal Principal => _other ?? user.Principal;

    /// <summary>Acts as one learner, the same each time, who is not <see cref="TestUser"/>.</summary>
    public void AsAnotherLearner() => _other = _learner;

    public void AsTestUser() => _other = null;

    public Guid UserIdOrThrow() => ((ICurrentUser)this).UserId!.Value;
}
