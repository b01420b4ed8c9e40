using Microsoft.Extensions.Options;

namespace TrainingHub.SharedKernel.Mail;

/// <summary>
/// Absolute links to the app for messages, always from <c>Mail:PublicBaseUrl</c>: a link built from a request's Host
/// header would let anyone who sends a request with a forged Host have a real reset or invitation link mailed to their
/// own address.
/// </summary>
public sealed class PublicLinks(IOptions<MailOptions> options)
{
    /// <summary>Where links point when no public address is set; Production refuses to start that way.</summary>
    public const string RunCommandAddress = "http://localhost:5000/";

    /// <summary>The app's public address, ending in a slash so that a path below it keeps it whole.</summary>
    public Uri BaseUri
    {
        get
        {
            var configured = options.Value.PublicBaseUrl;
            var address = string.IsNullOrWhiteSpace(configured) ? RunCommandAddress : configured.Trim();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    /// <summary>An absolute link to a path in the app, such as <c>account/reset-password?…</c>.</summary>
    public Uri To(string pathAndQuery) => new(BaseUri, pathAndQuery.TrimStart('/'));
}
