using System.Text;
using TrainingHub.SharedKernel.Files;
using TrainingHub.TestKit;

namespace TrainingHub.SharedKernel.Tests;

/// <summary>Which uploaded documents are accepted: the content decides the type, whatever the name says.</summary>
public sealed class DocumentFilesTests
{
    public static TheoryData<string, string, string> Accepted => new()
    {
        { "pdf", "certificate.pdf", "application/pdf" },
        { "png", "scan.png", "image/png" },
        { "jpeg", "photo.jpg", "image/jpeg" },
        { "gif", "diagram.gif", "image/gif" },
        { "webp", "photo.webp", "image/webp" },
        { "docx", "reference.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "hours.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "pptx", "talk.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "odt", "report.odt", "application/vnd.oasis.opendocument.text" },
        { "doc", "old-report.doc", "application/vnd.ms-office" },
        // A real PDF with the wrong name is still a PDF: the name never decides.
        { "pdf", "certificate.docx", "application/pdf" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_files_get_the_type_their_content_shows(string kind, string fileName, string contentType)
    {
        var result = DocumentFiles.Check(Bytes(kind), fileName);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal((contentType, fileName), (result.Value.ContentType, result.Value.FileName));
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "empty", "certificate.pdf", "Error:DocumentFileEmpty" },
        { "ten megabytes and one byte", "big.pdf", "Error:DocumentFileTooLarge" },
        { "html", "certificate.pdf", "Error:DocumentFileType" },
        { "exe", "reference.docx", "Error:DocumentFileType" },
        { "plain zip", "archive.docx", "Error:DocumentFileType" },
        { "content types without a document", "reference.docx", "Error:DocumentFileType" },
        { "opendocument naming another type", "report.odt", "Error:DocumentFileType" },
        { "broken zip", "reference.docx", "Error:DocumentFileType" },
        { "svg", "scan.png", "Error:DocumentFileType" },
        { "riff audio", "photo.webp", "Error:DocumentFileType" },
        { "text", "notes.pdf", "Error:DocumentFileType" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Other_files_are_refused_with_a_reason(string kind, string fileName, string key)
    {
        var result = DocumentFiles.Check(Bytes(kind), fileName);

        Assert.Equal(key, result.Error!.ErrorFor("File"));
    }

    [Fact]
    public void A_file_of_exactly_ten_megabytes_is_accepted()
    {
        var pdf = new byte[DocumentFiles.MaxBytes];
        DocumentSamples.Pdf().CopyTo(pdf, 0);

        Assert.True(DocumentFiles.Check(pdf, "big.pdf").Succeeded);
    }

    [Theory]
    [InlineData(@"C:\Users\Iryna\Documents\certificate.pdf", "certificate.pdf")]
    [InlineData("../../etc/certificate.pdf", "certificate.pdf")]
    [InlineData("  ", "document")]
    [InlineData(null, "document")]
    public void The_name_kept_has_no_folders(string? fileName, string kept)
    {
        Assert.Equal(kept, DocumentFiles.Check(DocumentSamples.Pdf(), fileName).Value.FileName);
    }

    private static byte[] Bytes(string kind) => kind switch
    {
        "pdf" => DocumentSamples.Pdf(),
        "png" => DocumentSamples.Png(),
        "jpeg" => DocumentSamples.Jpeg(),
        "gif" => DocumentSamples.Gif(),
        "webp" => DocumentSamples.WebP(),
        "docx" => DocumentSamples.Docx(),
        "xlsx" => DocumentSamples.Xlsx(),
        "pptx" => DocumentSamples.Pptx(),
        "odt" => DocumentSamples.Odt(),
        "doc" => DocumentSamples.LegacyOffice(),
        "empty" => [],
        "ten megabytes and one byte" => [.. DocumentSamples.Pdf(), .. new byte[DocumentFiles.MaxBytes + 1 - DocumentSamples.Pdf().Length]],
        "html" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"),
        "exe" => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. "This program cannot be run in DOS mode."u8],
        "plain zip" => DocumentSamples.Zip(("readme.txt", "Just a zip.")),
        "content types without a document" => DocumentSamples.Zip(("[Content_Types].xml", "<Types/>"), ("docProps/app.xml", "<Properties/>")),
        "opendocument naming another type" => DocumentSamples.Odt("text/html"),
        "broken zip" => [.. "PK\x03\x04"u8, .. new byte[64]],
        "svg" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
        "riff audio" => [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8, 16, 0, 0, 0],
        "text" => Encoding.UTF8.GetBytes("Сертифікат про проходження курсу"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
