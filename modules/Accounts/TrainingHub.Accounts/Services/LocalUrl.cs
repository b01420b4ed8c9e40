namespace TrainingHub.Accounts.Services;

/// <summary>Where to go after signing in: only an address within this app, so a link cannot send people elsewhere.</summary>
internal static class LocalUrl
{
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\")
            ? url
            : "/";
}
