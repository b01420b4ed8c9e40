namespace TrainingHub.Learning.Contracts;

/// <summary>
/// Course permissions. Authoring is scoped by a course's owning unit: an author creates courses in units in their
/// scope and changes only courses owned there.
/// </summary>
public static class LearningPermissions
{
    /// <summary>Open courses and their lessons: published ones, and for authors also the drafts and archived courses in their scope.</summary>
    public const string CoursesView = "Learning.Courses.View";

    /// <summary>Create courses, edit their details, sections and lessons, publish, unpublish, archive and copy them.</summary>
    public const string CoursesAuthor = "Learning.Courses.Author";
}
