using System.Text.RegularExpressions;

namespace TrainingHub.Learning.Content;

/// <summary>
/// What an external video lesson shows: YouTube and Vimeo links become an embedded player (YouTube from its no-cookie
/// domain, Vimeo without tracking); any other https link stays a plain link that opens apart.
/// </summary>
internal static partial class VideoLinks
{
    /// <summary>The player address for a YouTube or Vimeo link, or null for any other link.</summary>
    public static string? EmbedUrl(string? url)
    {
        if (HttpsUri(url) is not { } uri)
        {
            return null;
        }
        var host = uri.Host.ToLowerInvariant();
        var youTubeId = host switch
        {
            "youtu.be" => uri.AbsolutePath.Trim('/'),
            "youtube.com" or "www.youtube.com" or "m.youtube.com" or "www.youtube-nocookie.com" => YouTubeIdFrom(uri),
            _ => null,
        };
        if (youTubeId is not null && YouTubeId().IsMatch(youTubeId))
        {
            return $"https://www.youtube-nocookie.com/embed/{youTubeId}";
        }
        if (host is "vimeo.com" or "www.vimeo.com" or "player.vimeo.com" && VimeoId().Match(uri.AbsolutePath) is { Success: true } vimeo)
        {
            return $"https://player.vimeo.com/video/{vimeo.Groups[1].Value}?dnt=1";
        }
        return null;
    }

    /// <summary>The link when it is an absolute https address (videos are linked over https only), otherwise null.</summary>
    public static Uri? HttpsUri(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;

    private static string? YouTubeIdFrom(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (path == "/watch")
        {
            return System.Web.HttpUtility.ParseQueryString(uri.Query)["v"];
        }
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["embed" or "shorts" or "live", var id] ? id : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex(@"^/(?:video/)?(\d{4,12})/?$")]
    private static partial Regex VimeoId();
}
