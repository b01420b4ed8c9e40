namespace TrainingHub.Audit.Contracts;

public static class AuditPermissions
{
    /// <summary>Reading the audit trail (of the units where it is granted; everywhere for administrators).</summary>
    public const string View = "Audit.Trail.View";
}
