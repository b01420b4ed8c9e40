namespace TrainingHub.Competencies.Contracts;

/// <summary>
/// Frameworks are shared by every unit, so the framework permissions are not scoped: holding one at any unit allows it
/// for every framework. Rating people is scoped by their home unit, and gaps by the unit they are counted for.
/// </summary>
public static class CompetencyPermissions
{
    /// <summary>Browse competency frameworks and role profiles (published and archived versions).</summary>
    public const string FrameworksView = "Competencies.Frameworks.View";

    /// <summary>Create frameworks, edit their drafts (tree, texts, scale), publish them and start new drafts.</summary>
    public const string FrameworksEdit = "Competencies.Frameworks.Edit";

    /// <summary>Import frameworks from Moodle CSV or CASE JSON files.</summary>
    public const string FrameworksImport = "Competencies.Frameworks.Import";

    /// <summary>Rate people whose home unit is in one's scope (with a reason) and read their ratings.</summary>
    public const string RatingsRate = "Competencies.Ratings.Rate";

    /// <summary>See, per unit in one's scope, how many people meet their role profile in each competency, and export it.</summary>
    public const string GapsView = "Competencies.Gaps.View";
}
