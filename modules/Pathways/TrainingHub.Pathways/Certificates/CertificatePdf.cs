using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace TrainingHub.Pathways.Certificates;

/// <summary>What one certificate says, already in the person's language.</summary>
/// <param name="English">Written in English; otherwise in Ukrainian.</param>
/// <param name="Certified">What was certified: the stage reached on a pathway, or the title of a completed course.</param>
/// <param name="PathwayName">The pathway the stage belongs to; null when a course was completed.</param>
/// <param name="ValidUntil">The last day the certificate holds; null when it does not expire.</param>
/// <param name="VerifyUrl">Where anyone can check the certificate is genuine; printed and put in the QR code.</param>
internal sealed record CertificateContent(
    bool English,
    string PersonName,
    string Certified,
    string? PathwayName,
    string IssuerUnitName,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    string Number,
    string VerifyUrl);

/// <summary>
/// Draws a certificate as a one-page A4 landscape PDF: who, what was reached, when, by whom, and a QR code to
/// check it. Fonts travel inside the file and text is Unicode-encoded, so Ukrainian can be copied and searched.
/// </summary>
internal static class CertificatePdf
{
    private static readonly XUnit PageWidth = XUnit.FromMillimeter(297);
    private static readonly XUnit PageHeight = XUnit.FromMillimeter(210);

    private const double Margin = 70;
    private const double QrSize = 100;

    private static readonly XColor Accent = XColor.FromArgb(0x1F, 0x4E, 0x5F);
    private static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(0x21, 0x21, 0x21));
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x5F, 0x63, 0x68));
    private static readonly XBrush AccentBrush = new XSolidBrush(Accent);

    // Unicode encoding makes PDFsharp write a ToUnicode map, without which Cyrillic cannot be extracted;
    // its default (Automatic) would pick WinAnsi for text that happens to be Latin only.
    // The whole font goes in: PDFsharp 6.2's subsetter follows composite glyphs only one level deep, which
    // leaves DejaVu's "ї" (built from glyphs that are themselves built) blank on the page.
    private static readonly XPdfFontOptions FontOptions = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    private sealed record Labels(
        string Title, string ReachedStage, string OfPathway, string Completed, string IssuedOn, string ValidUntil,
        string DoesNotExpire, string IssuedBy, string Number, string OpenQuote, string CloseQuote, CultureInfo Culture,
        string DateFormat);

    private static readonly Labels Ukrainian = new(
        Title: "Сертифікат",
        ReachedStage: "досягнуто етапу",
        OfPathway: "шляху",
        Completed: "успішно завершено",
        IssuedOn: "Дата видачі",
        ValidUntil: "Дійсний до",
        DoesNotExpire: "безстроковий",
        IssuedBy: "Видав",
        Number: "Номер",
        OpenQuote: "«",
        CloseQuote: "»",
        Culture: CultureInfo.GetCultureInfo("uk-UA"),
        DateFormat: "dd.MM.yyyy");

    private static readonly Labels EnglishLabels = new(
        Title: "Certificate",
        ReachedStage: "has reached the stage",
        OfPathway: "of the pathway",
        Completed: "has completed",
        IssuedOn: "Issued on",
        ValidUntil: "Valid until",
        DoesNotExpire: "does not expire",
        IssuedBy: "Issued by",
        Number: "Number",
        OpenQuote: "“",
        CloseQuote: "”",
        Culture: CultureInfo.GetCultureInfo("en-GB"),
        DateFormat: "d MMMM yyyy");

    public static byte[] Render(CertificateContent content)
    {
        CertificateFontResolver.EnsureInstalled();
        var labels = content.English ? EnglishLabels : Ukrainian;

        using var document = new PdfDocument();
        document.Info.Title = $"{labels.Title} {content.Number}";
        var page = document.AddPage();
        page.Width = PageWidth;
        page.Height = PageHeight;

        using (var gfx = XGraphics.FromPdfPage(page))
        {
            Draw(gfx, content, labels, gfx.PageSize.Width, gfx.PageSize.Height);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Draw(XGraphics gfx, CertificateContent content, Labels labels, double width, double height)
    {
        gfx.DrawRectangle(new XPen(Accent, 1.5), 24, 24, width - 48, height - 48);
        gfx.DrawRectangle(new XPen(Accent, 0.5), 30, 30, width - 60, height - 60);

        var centre = width / 2;
        var textWidth = width - 2 * Margin - 40;

        gfx.DrawString(labels.Title, Font(38, bold: true), AccentBrush, centre, 118, XStringFormats.BaseLineCenter);
        gfx.DrawLine(new XPen(Accent, 1), centre - 40, 136, centre + 40, 136);

        var y = DrawCentred(gfx, content.PersonName, bold: true, largest: 32, smallest: 18, maxLines: 1, textWidth, Ink, centre, 205);

        var certified = labels.OpenQuote + content.Certified + labels.CloseQuote;
        if (content.PathwayName is null)
        {
            y = DrawCentred(gfx, labels.Completed, bold: false, largest: 14, smallest: 14, maxLines: 1, textWidth, Muted, centre, y + 38);
            DrawCentred(gfx, certified, bold: true, largest: 20, smallest: 13, maxLines: 3, textWidth, Ink, centre, y + 32);
        }
        else
        {
            y = DrawCentred(gfx, labels.ReachedStage, bold: false, largest: 14, smallest: 14, maxLines: 1, textWidth, Muted, centre, y + 38);
            y = DrawCentred(gfx, certified, bold: true, largest: 20, smallest: 13, maxLines: 2, textWidth, Ink, centre, y + 32);
            var pathway = $"{labels.OfPathway} {labels.OpenQuote}{content.PathwayName}{labels.CloseQuote}";
            DrawCentred(gfx, pathway, bold: false, largest: 14, smallest: 11, maxLines: 2, textWidth, Muted, centre, y + 26);
        }

        var qrLeft = width - Margin - QrSize;
        var qrTop = height - Margin - QrSize - 24;
        DrawDetails(gfx, content, labels, right: qrLeft - 60, firstBaseline: qrTop + 30);
        DrawQrCode(gfx, content.VerifyUrl, new XRect(qrLeft, qrTop, QrSize, QrSize));

        // The address goes under the code for anyone without a phone at hand; it may be wider than the code.
        var urlRight = width - Margin;
        var (urlFont, urlLines) = Fit(gfx, content.VerifyUrl, bold: false, largest: 7, smallest: 5.5, maxLines: 2, width: 230);
        var urlBaseline = qrTop + QrSize + 10;
        foreach (var line in urlLines)
        {
            gfx.DrawString(line, urlFont, Muted, urlRight, urlBaseline, XStringFormats.BaseLineRight);
            urlBaseline += urlFont.Size * 1.25;
        }
    }

    /// <summary>Number, dates and issuer as label–value rows at the bottom left.</summary>
    private static void DrawDetails(XGraphics gfx, CertificateContent content, Labels labels, double right, double firstBaseline)
    {
        string Date(DateOnly date) => date.ToString(labels.DateFormat, labels.Culture);

        (string Label, string Value)[] rows =
        [
            (labels.Number, content.Number),
            (labels.IssuedOn, Date(content.IssuedOn)),
            (labels.ValidUntil, content.ValidUntil is { } until ? Date(until) : labels.DoesNotExpire),
            (labels.IssuedBy, content.IssuerUnitName),
        ];

        var labelFont = Font(10, bold: false);
        var valueX = Margin + rows.Max(r => gfx.MeasureString(r.Label, labelFont).Width) + 14;
        var baseline = firstBaseline;
        foreach (var (label, value) in rows)
        {
            gfx.DrawString(label, labelFont, Muted, Margin, baseline, XStringFormats.BaseLineLeft);
            var (valueFont, lines) = Fit(gfx, value, bold: false, largest: 12, smallest: 8, maxLines: 1, right - valueX);
            gfx.DrawString(lines[0], valueFont, Ink, valueX, baseline, XStringFormats.BaseLineLeft);
            baseline += 22;
        }
    }

    /// <summary>
    /// Draws the QR code as vector squares, one rectangle per run of dark modules in a row, so it stays sharp
    /// at any zoom and in print. The matrix includes the white quiet zone the scanner needs.
    /// </summary>
    private static void DrawQrCode(XGraphics gfx, string url, XRect area)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = area.Width / matrix.Count;

        var runs = new List<XRect>();
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            var column = 0;
            while (column < bits.Length)
            {
                if (!bits[column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < bits.Length && bits[column])
                {
                    column++;
                }
                runs.Add(new XRect(area.X + start * module, area.Y + row * module, (column - start) * module, module));
            }
        }
        gfx.DrawRectangles(XBrushes.Black, [.. runs]);
    }

    /// <summary>Draws text centred on <paramref name="centre"/>, wrapped and shrunk to fit; returns the last baseline.</summary>
    private static double DrawCentred(
        XGraphics gfx, string text, bool bold, double largest, double smallest, int maxLines, double width,
        XBrush brush, double centre, double baseline)
    {
        var (font, lines) = Fit(gfx, text, bold, largest, smallest, maxLines, width);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                baseline += font.Size * 1.25;
            }
            gfx.DrawString(lines[i], font, brush, centre, baseline, XStringFormats.BaseLineCenter);
        }
        return baseline;
    }

    /// <summary>
    /// The largest size from <paramref name="largest"/> down whose wrapped text takes at most
    /// <paramref name="maxLines"/> lines; at the smallest size the text keeps all the lines it needs.
    /// </summary>
    private static (XFont Font, IReadOnlyList<string> Lines) Fit(
        XGraphics gfx, string text, bool bold, double largest, double smallest, int maxLines, double width)
    {
        for (var size = largest; ; size = Math.Max(smallest, size - 1))
        {
            var font = Font(size, bold);
            var lines = Wrap(gfx, text, font, width);
            if (lines.Count <= maxLines || size <= smallest)
            {
                return (font, lines);
            }
        }
    }

    /// <summary>Breaks text at spaces to fit the width; a word wider than the line (a long address) is broken by characters.</summary>
    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        bool Fits(string s) => gfx.MeasureString(s, font).Width <= width;

        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Fits(candidate))
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add(line);
            }
            line = word;
            while (!Fits(line) && line.Length > 1)
            {
                var take = line.Length - 1;
                while (take > 1 && !Fits(line[..take]))
                {
                    take--;
                }
                lines.Add(line[..take]);
                line = line[take..];
            }
        }
        lines.Add(line);
        return lines;
    }

    private static XFont Font(double size, bool bold) =>
        new(CertificateFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, FontOptions);
}
