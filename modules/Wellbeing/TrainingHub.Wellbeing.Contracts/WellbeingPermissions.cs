namespace TrainingHub.Wellbeing.Contracts;

public static class WellbeingPermissions
{
    /// <summary>Answer one's own wellbeing check-ins and see one's own scores; nobody else ever sees them.</summary>
    public const string CheckIn = "Wellbeing.CheckIn";

    /// <summary>See the instruments, their items and scoring, and try them on answers that are never stored.</summary>
    public const string InstrumentsManage = "Wellbeing.Instruments.Manage";

    /// <summary>Set how often check-in rounds open in the units of one's area.</summary>
    public const string SchedulesManage = "Wellbeing.Schedules.Manage";

    /// <summary>Maintain the support resources offered to people whose check-in scores are high.</summary>
    public const string ResourcesManage = "Wellbeing.Resources.Manage";

    /// <summary>See the aggregate check-in figures of the units of one's area, where groups are large enough; never anyone's answers.</summary>
    public const string ReportsView = "Wellbeing.Reports.View";

    /// <summary>Set the smallest group the aggregate figures show (never below the floor).</summary>
    public const string ReportsSettings = "Wellbeing.Reports.Settings";
}
