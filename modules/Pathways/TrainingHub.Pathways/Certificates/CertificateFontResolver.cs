using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace TrainingHub.Pathways.Certificates;

/// <summary>
/// Gives PDFsharp the DejaVu Sans faces shipped inside this assembly, so a certificate looks the same and carries
/// its fonts on every server, whatever fonts the machine has. DejaVu covers Ukrainian and English alike.
/// </summary>
internal sealed class CertificateFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    // PDFsharp allows one resolver per process, set before any font is used; Lazy sets it exactly once even when
    // two certificates are rendered at the same moment.
    private static readonly Lazy<CertificateFontResolver> Installed = new(() =>
    {
        var resolver = new CertificateFontResolver();
        GlobalFontSettings.FontResolver = resolver;
        return resolver;
    });

    private readonly ConcurrentDictionary<string, byte[]> _faces = new();

    private CertificateFontResolver()
    {
    }

    /// <summary>Makes sure PDFsharp resolves fonts through this resolver; cheap after the first call.</summary>
    public static void EnsureInstalled() => _ = Installed.Value;

    /// <summary>Only DejaVu Sans is served; any other family is refused, so no machine font can slip into a certificate.</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? BoldFace : RegularFace)
            : null;

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"TrainingHub.Pathways.Certificates.Fonts.{faceName}.ttf";
        using var stream = typeof(CertificateFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the Pathways assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
