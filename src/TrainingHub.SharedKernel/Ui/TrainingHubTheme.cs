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
            // Darker than MudBlazor's defaults so alert text on its tinted background stays readable.
            TextSecondary = "#55585C",
            Info = "#0B5CAD",
            Success = "#1B6E20",
            Warning = "#8A4B00",
            Error = "#B00020",
        },
    };
}
