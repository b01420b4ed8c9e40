using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TrainingHub.Accounts.Services;

/// <summary>Identity's tokens as they travel in the links we e-mail: Base64Url, so that they survive in an address.</summary>
internal static class LinkToken
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token from a link, or null when the link was cut or altered so that it no longer decodes.</summary>
    public static string? Decode(string linkToken)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(linkToken));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
