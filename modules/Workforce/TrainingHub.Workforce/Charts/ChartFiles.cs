using System.Text;
using TrainingHub.SharedKernel.Export;

namespace TrainingHub.Workforce.Charts;

/// <summary>A chart as a downloaded file: SVG or PNG.</summary>
internal static class ChartFiles
{
    public static bool IsImage(string? format) =>
        string.Equals(format, "svg", StringComparison.OrdinalIgnoreCase) || string.Equals(format, "png", StringComparison.OrdinalIgnoreCase);

    public static ExportedFile Of(ChartScene chart, string name, string? format) =>
        string.Equals(format, "png", StringComparison.OrdinalIgnoreCase)
            ? new ExportedFile(chart.ToPng(), $"{name}.png", "image/png")
            : new ExportedFile(Encoding.UTF8.GetBytes(chart.ToSvg()), $"{name}.svg", "image/svg+xml");
}
