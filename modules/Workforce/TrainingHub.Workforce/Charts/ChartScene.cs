using System.Globalization;
using System.Security;
using System.Text;
using SkiaSharp;

namespace TrainingHub.Workforce.Charts;

/// <summary>A filled rectangle of a chart, in pixels from the top left, with a colour as #rrggbb.</summary>
internal sealed record ChartBox(double X, double Y, double Width, double Height, string Fill, double Radius = 0);

/// <summary>A line of text of a chart: <see cref="Y"/> is its baseline; anchored at its start, middle or end.</summary>
internal sealed record ChartText(double X, double Y, string Text, double Size = 13, bool Bold = false, ChartAnchor Anchor = ChartAnchor.Start, string Fill = "#212121");

internal enum ChartAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>
/// A chart drawn once as boxes and text on a white page, written as SVG (text stays text, so it can be read and
/// searched) or as PNG (drawn with Skia in the DejaVu Sans face, which has Cyrillic letters). Both images come from the
/// same shapes, so they show the same thing.
/// </summary>
internal sealed class ChartScene(int width, int height, string title)
{
    private readonly List<object> _shapes = [];

    public int Width { get; } = width;

    public int Height { get; } = height;

    public string Title { get; } = title;

    public IReadOnlyList<object> Shapes => _shapes;

    public ChartScene Box(double x, double y, double width, double height, string fill, double radius = 0)
    {
        _shapes.Add(new ChartBox(x, y, width, height, fill, radius));
        return this;
    }

    public ChartScene Text(double x, double y, string text, double size = 13, bool bold = false, ChartAnchor anchor = ChartAnchor.Start, string fill = "#212121")
    {
        _shapes.Add(new ChartText(x, y, text, size, bold, anchor, fill));
        return this;
    }

    public string ToSvg()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" role=\"img\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"13\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{SecurityElement.Escape(Title)}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        foreach (var shape in _shapes)
        {
            switch (shape)
            {
                case ChartBox box:
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect x=\"{box.X:0.#}\" y=\"{box.Y:0.#}\" width=\"{box.Width:0.#}\" height=\"{box.Height:0.#}\"{(box.Radius > 0 ? $" rx=\"{box.Radius:0.#}\"" : "")} fill=\"{box.Fill}\"/>");
                    break;
                case ChartText text:
                    var anchor = text.Anchor switch { ChartAnchor.Middle => " text-anchor=\"middle\"", ChartAnchor.End => " text-anchor=\"end\"", _ => "" };
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{text.X:0.#}\" y=\"{text.Y:0.#}\"{anchor}{(text.Size == 13 ? "" : $" font-size=\"{text.Size:0.#}\"")}{(text.Bold ? " font-weight=\"bold\"" : "")}{(text.Fill == "#212121" ? "" : $" fill=\"{text.Fill}\"")}>{SecurityElement.Escape(text.Text)}</text>");
                    break;
            }
        }
        return svg.Append("</svg>").ToString();
    }

    public byte[] ToPng()
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var regular = Typeface(SKFontStyle.Normal);
        using var bold = Typeface(SKFontStyle.Bold);
        foreach (var shape in _shapes)
        {
            switch (shape)
            {
                case ChartBox box:
                    using (var paint = new SKPaint { Color = SKColor.Parse(box.Fill), IsAntialias = true })
                    {
                        canvas.DrawRoundRect(new SKRect((float)box.X, (float)box.Y, (float)(box.X + box.Width), (float)(box.Y + box.Height)),
                            (float)box.Radius, (float)box.Radius, paint);
                    }
                    break;
                case ChartText text:
                    using (var paint = new SKPaint { Color = SKColor.Parse(text.Fill), IsAntialias = true })
                    using (var font = new SKFont(text.Bold ? bold : regular, (float)text.Size))
                    {
                        var align = text.Anchor switch { ChartAnchor.Middle => SKTextAlign.Center, ChartAnchor.End => SKTextAlign.Right, _ => SKTextAlign.Left };
                        canvas.DrawText(text.Text, (float)text.X, (float)text.Y, align, font, paint);
                    }
                    break;
            }
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>DejaVu Sans where the system has it (it has Cyrillic), else the default face.</summary>
    private static SKTypeface Typeface(SKFontStyle style) =>
        SKTypeface.FromFamilyName("DejaVu Sans", style) ?? SKTypeface.FromFamilyName(null, style) ?? SKTypeface.Default;
}
