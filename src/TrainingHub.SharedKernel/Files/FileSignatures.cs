namespace TrainingHub.SharedKernel.Files;

/// <summary>
/// Finds an image's type from its first bytes, never from its name or the type the browser claims, so a script
/// renamed to .png is not served as a picture.
/// </summary>
public static class FileSignatures
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";

    /// <summary>The image type the content starts with, or null when it is none of PNG, JPEG, GIF or WebP.</summary>
    public static string? ImageType(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return Gif;
        }
        return content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? WebP : null;
    }
}
