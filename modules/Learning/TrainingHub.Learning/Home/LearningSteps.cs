using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Home;

namespace TrainingHub.Learning.Home;

/// <summary>
/// A person's courses still to finish, as steps for the home page: the same courses, progress and place to continue as on
/// their "My learning" page. Learning issues no certificates that expire, so it has no steps for renewals.
/// </summary>
internal sealed class LearningSteps(MyLearning learning, IStringLocalizer<LearningResource> L) : INextSteps
{
    public async Task<IReadOnlyList<NextStep>> ForAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await learning.ForAsync(personId, now, activeOnly: true, cancellationToken))
            // A course taken off the catalogue cannot be continued; its page says so.
            .Where(c => c.CourseAvailable)
            .Select(c => new NextStep(
                $"learning:enrolment:{c.EnrolmentId}", c.Title, Href(c), L[c.ContinueLessonId is null ? "My:Open" : c.Done == 0 ? "My:Start" : "My:Continue"],
                UrgencyOf(c.Standing), c.DueAt, IconOf(c.Standing))
            {
                Detail = L["My:LessonsDone", c.Done, c.LessonCount, c.ProgressPercent],
            })
            .ToList();

    /// <summary>Where the "My learning" page's button goes: the first lesson or quiz not done, or the course when it has none.</summary>
    private static string Href(LearnerCourse course) => course.ContinueLessonId is { } lessonId
        ? $"learning/courses/{course.CourseId}/lessons/{lessonId}"
        : $"learning/courses/{course.CourseId}";

    private static NextStepUrgency UrgencyOf(Standing standing) => standing switch
    {
        Standing.Overdue => NextStepUrgency.Overdue,
        Standing.DueSoon => NextStepUrgency.DueSoon,
        _ => NextStepUrgency.Open,
    };

    private static string IconOf(Standing standing) => standing switch
    {
        Standing.Overdue => Icons.Material.Filled.AssignmentLate,
        Standing.DueSoon => Icons.Material.Filled.Schedule,
        _ => Icons.Material.Filled.AutoStories,
    };
}
