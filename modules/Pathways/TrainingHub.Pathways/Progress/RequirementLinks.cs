using TrainingHub.Pathways.Requirements;

namespace TrainingHub.Pathways.Progress;

/// <summary>
/// Where a requirement not yet met is worked on: the person goes to their course, competencies, hours, sessions or
/// mentoring; others follow the person's competencies only. Null where nothing is done on a page (time, a sign-off).
/// </summary>
internal static class RequirementLinks
{
    public static string? For(Requirement requirement, bool isMine, Guid personId) => (requirement, isMine) switch
    {
        (CourseCompleted course, true) => $"/learning/courses/{course.CourseId}",
        (CompetencyAtLevel, true) => "/competencies/my",
        (CompetencyAtLevel, false) => $"/competencies/people/{personId}",
        (PracticeHours, true) => "/supervision/hours",
        (SupervisionSessions, true) => "/supervision/sessions",
        (MentoringCompleted, true) => "/supervision/mentoring",
        _ => null,
    };
}
