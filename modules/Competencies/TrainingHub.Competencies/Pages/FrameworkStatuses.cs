using MudBlazor;
using TrainingHub.Competencies.Domain;

namespace TrainingHub.Competencies.Pages;

internal static class FrameworkStatuses
{
    public static Color Colour(FrameworkStatus status) => status switch
    {
        FrameworkStatus.Draft => Color.Warning,
        FrameworkStatus.Published => Color.Success,
        _ => Color.Default,
    };
}
