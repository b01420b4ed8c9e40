namespace TrainingHub.Workforce.Contracts;

public static class WorkforcePermissions
{
    /// <summary>See the staffing, case load and planning figures of the units of one's area; never anyone's personal data.</summary>
    public const string View = "Workforce.View";

    /// <summary>Set the funded posts and the case load of the units of one's area, by hand or from a file.</summary>
    public const string StaffingEdit = "Workforce.Staffing.Edit";

    /// <summary>Set the targets staffing is measured against and which positions count as social workers, psychologists and volunteers.</summary>
    public const string NormsEdit = "Workforce.Norms.Edit";
}
