using System.Diagnostics;
using System.Text.RegularExpressions;
using TrainingHub.Pathways.Certificates;

namespace TrainingHub.Pathways.Tests.Certificates;

/// <summary>
/// A rendered certificate read back with poppler, as a PDF viewer or a search index would read it: the words are
/// there in the person's language, the dates in its format, the fonts travel inside the file, on one page.
/// </summary>
public sealed class CertificatePdfTests
{
    [Fact]
    public async Task A_Ukrainian_certificate_for_a_pathway_stage_reads_back_in_Ukrainian_with_embedded_fonts_on_one_page()
    {
        var pdf = CertificatePdf.Render(new CertificateContent(
            English: false,
            PersonName: "Оксана Волонтерка",
            Certified: "Навчений волонтер",
            PathwayName: "Від волонтера до соціального працівника",
            IssuerUnitName: "Київський міський центр соціальних служб",
            IssuedOn: new DateOnly(2026, 3, 5),
            ValidUntil: new DateOnly(2028, 3, 4),
            Number: "PW-2026-00042",
            VerifyUrl: "https://traininghub.example.org/verify/PW-2026-00042"));

        var read = await ReadBackAsync(pdf);

        Assert.Contains("Сертифікат", read.Text);
        Assert.Contains("Оксана Волонтерка", read.Text);
        Assert.Contains("досягнуто етапу «Навчений волонтер»", read.Text);
        Assert.Contains("шляху «Від волонтера до соціального працівника»", read.Text);
        Assert.Contains("Дата видачі 05.03.2026", read.Text);
        Assert.Contains("Дійсний до 04.03.2028", read.Text);
        Assert.Contains("Видав Київський міський центр соціальних служб", read.Text);
        Assert.Contains("PW-2026-00042", read.Text);
        Assert.Contains("https://traininghub.example.org/verify/PW-2026-00042", read.Text);
        AssertOneA4LandscapePageWithOnlyEmbeddedDejaVu(read);
    }

    [Fact]
    public async Task An_English_certificate_for_a_completed_course_reads_back_in_English_with_British_dates_and_no_expiry()
    {
        var pdf = CertificatePdf.Render(new CertificateContent(
            English: true,
            PersonName: "Olena Kovalenko",
            Certified: "Case management basics",
            PathwayName: null,
            IssuerUnitName: "Lviv Regional Social Services Centre",
            IssuedOn: new DateOnly(2026, 3, 5),
            ValidUntil: null,
            Number: "CR-2026-00107",
            VerifyUrl: "https://traininghub.example.org/verify/CR-2026-00107"));

        var read = await ReadBackAsync(pdf);

        Assert.Contains("Certificate", read.Text);
        Assert.Contains("Olena Kovalenko", read.Text);
        Assert.Contains("has completed “Case management basics”", read.Text);
        Assert.DoesNotContain("pathway", read.Text);
        Assert.Contains("Issued on 5 March 2026", read.Text);
        Assert.Contains("Valid until does not expire", read.Text);
        Assert.Contains("Issued by Lviv Regional Social Services Centre", read.Text);
        Assert.Contains("CR-2026-00107", read.Text);
        Assert.Contains("https://traininghub.example.org/verify/CR-2026-00107", read.Text);
        AssertOneA4LandscapePageWithOnlyEmbeddedDejaVu(read);
    }

    [Fact]
    public async Task A_certificate_in_English_for_a_stage_names_the_pathway_and_the_end_date_in_words()
    {
        var pdf = CertificatePdf.Render(new CertificateContent(
            English: true,
            PersonName: "Оксана Волонтерка",
            Certified: "Trained volunteer",
            PathwayName: "From volunteer to social worker",
            IssuerUnitName: "Kyiv City Social Services Centre",
            IssuedOn: new DateOnly(2026, 11, 30),
            ValidUntil: new DateOnly(2028, 11, 29),
            Number: "PW-2026-00043",
            VerifyUrl: "https://traininghub.example.org/verify/PW-2026-00043"));

        var read = await ReadBackAsync(pdf);

        Assert.Contains("Оксана Волонтерка", read.Text);
        Assert.Contains("has reached the stage “Trained volunteer”", read.Text);
        Assert.Contains("of the pathway “From volunteer to social worker”", read.Text);
        Assert.Contains("Issued on 30 November 2026", read.Text);
        Assert.Contains("Valid until 29 November 2028", read.Text);
        AssertOneA4LandscapePageWithOnlyEmbeddedDejaVu(read);
    }

    [Fact]
    public async Task Letters_built_from_other_glyphs_such_as_the_Ukrainian_yi_are_drawn_not_left_blank()
    {
        // Text extraction reads the ToUnicode map, so it finds "ї" even when its outline is missing from the
        // embedded font; only the drawn page shows whether the letter can be seen.
        var pdf = CertificatePdf.Render(new CertificateContent(
            English: false,
            PersonName: "Її ї Ї",
            Certified: "Навчений волонтер",
            PathwayName: "Від волонтера до соціального працівника",
            IssuerUnitName: "Київ",
            IssuedOn: new DateOnly(2026, 3, 5),
            ValidUntil: null,
            Number: "PW-2026-00044",
            VerifyUrl: "https://traininghub.example.org/verify/PW-2026-00044"));

        var path = Path.Combine(Path.GetTempPath(), $"certificate-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(path + ".pdf", pdf, TestContext.Current.CancellationToken);
        try
        {
            // At 72 dpi a pixel is a point; the name sits on its own band between the title and the stage.
            await RunAsync("pdftoppm", "-gray", "-r", "72", "-singlefile", "-x", "100", "-y", "172", "-W", "642", "-H", "42", path + ".pdf", path);
            Assert.True(DarkPixels(await File.ReadAllBytesAsync(path + ".pgm", TestContext.Current.CancellationToken)) > 100, "the name is not drawn");
        }
        finally
        {
            File.Delete(path + ".pdf");
            File.Delete(path + ".pgm");
        }
    }

    /// <summary>Counts dark pixels in a binary greyscale image (PGM, as pdftoppm -gray writes it).</summary>
    private static int DarkPixels(byte[] pgm)
    {
        // The header is three white-space separated fields after "P5": width, height, maximum value.
        var (fields, at) = (0, 2);
        while (fields < 3)
        {
            while (char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }
            while (!char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }
            fields++;
        }
        return pgm.Skip(at + 1).Count(value => value < 128);
    }

    private static void AssertOneA4LandscapePageWithOnlyEmbeddedDejaVu(ReadBack read)
    {
        Assert.Matches(@"(?m)^Pages:\s+1$", read.Info);
        Assert.Matches(@"(?m)^Page size:\s+841\.89 x 595\.2\d* pts", read.Info);
        Assert.NotEmpty(read.Fonts);
        Assert.All(read.Fonts, font =>
        {
            Assert.Matches(@"^([A-Z]{6}\+)?DejaVu Sans(,Bold)?$", font.Name);
            Assert.Equal(("yes", "yes"), (font.Embedded, font.Unicode));
        });
    }

    private sealed record FontRow(string Name, string Embedded, string Unicode);

    /// <param name="Text">What pdftotext extracts, with runs of white space made one space.</param>
    private sealed record ReadBack(string Text, string Info, IReadOnlyList<FontRow> Fonts);

    private static async Task<ReadBack> ReadBackAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"certificate-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);
        try
        {
            var text = await RunAsync("pdftotext", "-layout", "-enc", "UTF-8", path, "-");
            var info = await RunAsync("pdfinfo", path);
            var fonts = await RunAsync("pdffonts", path);
            return new(Regex.Replace(text, @"\s+", " "), info, FontRows(fonts));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Reads pdffonts' table by the column widths its dashed rule shows (the type column has spaces in it).</summary>
    private static List<FontRow> FontRows(string table)
    {
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var columns = Regex.Matches(lines[1], "-+")
            .ToDictionary(m => lines[0].Substring(m.Index, Math.Min(m.Length, lines[0].Length - m.Index)).Trim(), m => (m.Index, m.Length));
        string Cell(string line, string column) => line.Substring(columns[column].Index, columns[column].Length).Trim();
        return [.. lines.Skip(2).Select(line => new FontRow(Cell(line, "name"), Cell(line, "emb"), Cell(line, "uni")))];
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await errors}");
        return await output;
    }
}
