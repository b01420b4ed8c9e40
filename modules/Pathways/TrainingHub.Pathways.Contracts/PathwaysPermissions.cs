namespace TrainingHub.Pathways.Contracts;

public static class PathwaysPermissions
{
    /// <summary>See the pathway templates: their stages and what each stage asks for.</summary>
    public const string TemplatesView = "Pathways.Templates.View";
}
