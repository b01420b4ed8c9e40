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
}
