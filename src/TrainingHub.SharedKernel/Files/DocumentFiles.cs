using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Components.Forms;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.SharedKernel.Files;

/// <summary>A file that passed the upload rules, with the type its content shows and a name safe to send back.</summary>
public sealed record CheckedFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Which document files are accepted (evidence, certificates of training): PDF, images and Office documents of at most 10 MB. The type is read from the
/// content, never from the name, so an HTML page or a program renamed to look like a document is refused.
/// </summary>
public static class DocumentFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFileNameLength = 255;

    /// <summary>What the file picker offers; a hint for the person only, the content decides.</summary>
    public const string Accept = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp";

    private const string OpenDocumentPrefix = "application/vnd.oasis.opendocument.";

    private static readonly (byte[] Signature, string ContentType)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), "application/pdf"),
        // Word 97–2003, Excel and PowerPoint files share the compound file format; which one it is does not matter here.
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "application/vnd.ms-office"),
    ];

    private static readonly (string Folder, string ContentType)[] OfficeOpenXml =
    [
        ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ];

    /// <summary>Reads a file chosen in the browser and checks it; one too large is refused before it is read whole.</summary>
    public static async Task<Result<CheckedFile>> ReadAsync(IBrowserFile file, CancellationToken cancellationToken = default)
    {
        var tooLarge = Error.Validation("File", "Error:DocumentFileTooLarge", MaxBytes / 1024 / 1024);
        if (file.Size > MaxBytes)
        {
            return tooLarge;
        }
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(MaxBytes, cancellationToken))
            {
                await stream.CopyToAsync(buffer, cancellationToken);
            }
            return Check(buffer.ToArray(), file.Name);
        }
        catch (IOException)
        {
            return tooLarge;
        }
    }

    public static Result<CheckedFile> Check(byte[] content, string? fileName)
    {
        if (content.Length == 0)
        {
            return Error.Validation("File", "Error:DocumentFileEmpty");
        }
        if (content.Length > MaxBytes)
        {
            return Error.Validation("File", "Error:DocumentFileTooLarge", MaxBytes / 1024 / 1024);
        }
        return ContentTypeOf(content) is { } contentType
            ? new CheckedFile(content, contentType, SafeName(fileName))
            : Error.Validation("File", "Error:DocumentFileType");
    }

    /// <summary>The type the content shows, or null when it is none of the accepted ones.</summary>
    public static string? ContentTypeOf(byte[] content)
    {
        foreach (var (signature, contentType) in Signatures)
        {
            if (content.AsSpan().StartsWith(signature))
            {
                return contentType;
            }
        }
        if (FileSignatures.ImageType(content) is { } image)
        {
            return image;
        }
        return content.AsSpan().StartsWith("PK\x03\x04"u8) ? PackageTypeOf(content) : null;
    }

    /// <summary>A zip is accepted only as an Office Open XML or OpenDocument file; any other zip is refused.</summary>
    private static string? PackageTypeOf(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var entries = zip.Entries;
            if (entries.Count > 0 && entries[0].FullName == "mimetype")
            {
                return OpenDocumentType(entries[0]);
            }
            if (entries.Any(e => e.FullName == "[Content_Types].xml"))
            {
                return OfficeOpenXml.FirstOrDefault(o => entries.Any(e => e.FullName.StartsWith(o.Folder, StringComparison.Ordinal))).ContentType;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string? OpenDocumentType(ZipArchiveEntry mimetype)
    {
        // Only the first bytes are read: the entry is a short type name, however large it claims to be.
        var buffer = new byte[100];
        using var stream = mimetype.Open();
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var type = Encoding.ASCII.GetString(buffer, 0, read);
        return type.StartsWith(OpenDocumentPrefix, StringComparison.Ordinal) && type.Length < buffer.Length
            && type.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '+' or '/')
            ? type
            : null;
    }

    /// <summary>The name without any folder, trimmed to a length a download header carries.</summary>
    private static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        if (name.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(name);
            name = name[..(MaxFileNameLength - Math.Min(extension.Length, 20))] + extension[..Math.Min(extension.Length, 20)];
        }
        return name.Length == 0 ? "document" : name;
    }
}
