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
}
