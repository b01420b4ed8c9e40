namespace TrainingHub.Competencies.Contracts;

/// <summary>
/// Frameworks are shared by every unit, so these permissions are not scoped: holding one at any unit allows it for
/// every framework.
/// </summary>
public static class CompetencyPermissions
{
    /// <summary>Browse competency frameworks and role profiles (published and archived versions).</summary>
    public const string FrameworksView = "Competencies.Frameworks.View";

    /// <summary>Create frameworks, edit their drafts (tree, texts, scale), publish them and start new drafts.</summary>
    public const string FrameworksEdit = "Competencies.Frameworks.Edit";

    /// <summary>Import frameworks from Moodle CSV or CASE JSON files.</summary>
    public const string FrameworksImport = "Competencies.Frameworks.Import";
}
