namespace TrainingHub.Competencies.Contracts;

public static class CompetencyPermissions
{
    /// <summary>Browse competency frameworks and role profiles.</summary>
    public const string FrameworksView = "Competencies.Frameworks.View";
}
