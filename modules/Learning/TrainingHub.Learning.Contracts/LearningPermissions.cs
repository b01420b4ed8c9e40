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

    /// <summary>
    /// Enrol people whose home unit is in one's scope (individually, by unit, position or cohort), withdraw them, and
    /// keep cohorts of units in one's scope. Holders see every published course, to choose what to enrol people in.
    /// </summary>
    public const string EnrolmentsManage = "Learning.Enrolments.Manage";

    /// <summary>Follow the progress of learners whose home unit is in one's scope, and get the daily list of those overdue.</summary>
    public const string ProgressView = "Learning.Progress.View";
}
