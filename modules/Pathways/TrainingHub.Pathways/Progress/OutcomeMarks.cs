using MudBlazor;
using TrainingHub.Pathways.Requirements;

namespace TrainingHub.Pathways.Progress;

/// <summary>How a judged requirement is marked wherever it is listed: a tick when met, a warning when broken, an empty circle while not yet.</summary>
internal static class OutcomeMarks
{
    public static string Icon(Outcome outcome) => outcome switch
    {
        Outcome.Met => Icons.Material.Filled.CheckCircle,
        Outcome.Broken => Icons.Material.Filled.Warning,
        _ => Icons.Material.Outlined.Circle,
    };

    public static Color Color(Outcome outcome) => outcome switch
    {
        Outcome.Met => MudBlazor.Color.Success,
        Outcome.Broken => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };
}
