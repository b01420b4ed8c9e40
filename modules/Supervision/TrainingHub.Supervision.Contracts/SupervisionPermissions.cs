namespace TrainingHub.Supervision.Contracts;

public static class SupervisionPermissions
{
    /// <summary>Assign supervisors, mentors and coaches to the people of one's area, and see those assignments.</summary>
    public const string AssignmentsManage = "Supervision.Assignments.Manage";

    /// <summary>See one's own supervision, coaching and mentoring meetings.</summary>
    public const string SessionsView = "Supervision.Sessions.View";

    /// <summary>Read the session logs of the people of one's area, never their private supportive notes.</summary>
    public const string LogsRead = "Supervision.Logs.Read";

    /// <summary>May be assigned as a supervisor, mentor or coach, and then sees the people assigned to them.</summary>
    public const string Supervise = "Supervision.Supervise";

    /// <summary>Log one's own practice hours, submit them for approval and see one's approved totals.</summary>
    public const string HoursLog = "Supervision.Hours.Log";

    /// <summary>Approve, reject and withdraw the approval of the practice hours of the people one currently supervises.</summary>
    public const string HoursReview = "Supervision.Hours.Review";

    /// <summary>
    /// Review the practice hours of anyone whose home unit is in one's area, supervised by oneself or not (with
    /// <see cref="HoursReview"/>, which opens the review page).
    /// </summary>
    public const string HoursReviewInArea = "Supervision.Hours.ReviewInArea";

    /// <summary>Add activity types beyond the built-in ones; they are shared by every unit.</summary>
    public const string ActivityTypesManage = "Supervision.ActivityTypes.Manage";

    /// <summary>
    /// Set how often the people of one's area must be supervised, per position type; a policy for everywhere needs the
    /// permission everywhere.
    /// </summary>
    public const string FrequencyManage = "Supervision.Frequency.Manage";

    /// <summary>Set the approved practice hours each position type asks for in a year; they are shared by every unit.</summary>
    public const string HoursRequirementsManage = "Supervision.HoursRequirements.Manage";
}
