namespace TrainingHub.Pathways.Contracts;

/// <summary>
/// Following one's own pathway is for everyone. Seeing others' progress, placing people and signing stages off are scoped
/// by the person's home unit; a supervisor also sees the progress of the people assigned to them.
/// </summary>
public static class PathwaysPermissions
{
    /// <summary>See the pathway templates: their stages and what each stage asks for.</summary>
    public const string TemplatesView = "Pathways.Templates.View";

    /// <summary>Create pathway templates and change their stages and what each stage asks for (templates are shared by every unit).</summary>
    public const string TemplatesEdit = "Pathways.Templates.Edit";

    /// <summary>See one's own pathway, progress and certificates.</summary>
    public const string Own = "Pathways.Own";

    /// <summary>See the pathway progress of people in one's scope (and, for a supervisor, of those assigned to them).</summary>
    public const string ProgressView = "Pathways.Progress.View";

    /// <summary>Place people in one's scope on a pathway at a stage.</summary>
    public const string PlacementsManage = "Pathways.Placements.Manage";

    /// <summary>Sign off, in the role one holds, that a person in one's scope (or assigned to one) is ready for their next stage.</summary>
    public const string StagesSignOff = "Pathways.Stages.SignOff";

    /// <summary>Approve or decline the progression of people in one's scope to their next stage.</summary>
    public const string ProgressionApprove = "Pathways.Progression.Approve";

    /// <summary>Revoke, with a reason, the certificates of people in one's scope, and renew them once renewal's requirements are met.</summary>
    public const string CertificatesRevoke = "Pathways.Certificates.Revoke";

    /// <summary>Write the qualification characteristics of position types (they are shared by every unit).</summary>
    public const string QualificationsEdit = "Pathways.Qualifications.Edit";

    /// <summary>
    /// Approve or decline the training that people in one's scope took elsewhere (a supervisor also for the people they
    /// supervise), so that it counts in their professional development.
    /// </summary>
    public const string DevelopmentApprove = "Pathways.Development.Approve";

    /// <summary>See the certification progress of the units in one's scope: people per stage, time in stages, certificates expiring.</summary>
    public const string ReportsView = "Pathways.Reports.View";
}
