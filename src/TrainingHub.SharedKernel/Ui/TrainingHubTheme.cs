using MudBlazor;

namespace TrainingHub.SharedKernel.Ui;

/// <summary>Colours chosen for contrast (WCAG AA) on white and on the app bar.</summary>
public static class TrainingHubTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B5394",
            Secondary = "#B45309",
            AppbarBackground = "#0B5394",
            AppbarText = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            Background = "#F7F9FC",
        },
    };
}
