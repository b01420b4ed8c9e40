using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// How long a sign-in lasts: at most <see cref="Idle"/> without activity (the cookie slides while the person works) and
/// at most <see cref="Absolute"/> in all, however active, so a stolen cookie is not good for ever. The moment of
/// sign-in travels in the cookie, through every renewal, and as a claim that open pages check too.
/// </summary>
internal static class SessionLifetime
{
    public static readonly TimeSpan Idle = TimeSpan.FromHours(12);
    public static readonly TimeSpan Absolute = TimeSpan.FromDays(7);

    private const string SignedInAtItem = ".th.signed-in-at";
    private const string SignedInAtClaim = "th:signed-in-at";

    public static void Apply(CookieAuthenticationOptions options)
    {
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = Idle;
        options.Events.OnSigningIn = OnSigningInAsync;
        options.Events.OnValidatePrincipal = OnValidatePrincipalAsync;
    }

    /// <summary>True while a sign-in made at the time in <paramref name="principal"/> may still be used.</summary>
    public static bool IsWithinLimit(ClaimsPrincipal principal, DateTimeOffset now) =>
        SignedInAt(principal.FindFirstValue(SignedInAtClaim)) is not { } at || now - at <= Absolute;

    private static Task OnSigningInAsync(CookieSigningInContext context)
    {
        var now = Clock(context.HttpContext).GetUtcNow();
        // A refreshed sign-in (new password, two-factor change) keeps the moment of the first one.
        var signedInAt = SignedInAt(context.Properties.Items.TryGetValue(SignedInAtItem, out var item) ? item : null) ?? now;
        context.Properties.Items[SignedInAtItem] = signedInAt.ToString("O", CultureInfo.InvariantCulture);
        if (context.Properties.ExpiresUtc is { } expires && expires > signedInAt + Absolute)
        {
            context.Properties.ExpiresUtc = signedInAt + Absolute;
        }
        Stamp(context.Principal, signedInAt);
        return Task.CompletedTask;
    }

    private static async Task OnValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var now = Clock(context.HttpContext).GetUtcNow();
        var signedInAt = SignedInAt(context.Properties.Items.TryGetValue(SignedInAtItem, out var item) ? item : null) ?? context.Properties.IssuedUtc ?? now;
        if (now - signedInAt > Absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is { } principal && !principal.HasClaim(c => c.Type == SignedInAtClaim))
        {
            // The security stamp check rebuilt the identity from the database: it carries the moment on.
            context.Properties.Items[SignedInAtItem] = signedInAt.ToString("O", CultureInfo.InvariantCulture);
            Stamp(principal, signedInAt);
            context.ShouldRenew = true;
        }
    }

    private static void Stamp(ClaimsPrincipal? principal, DateTimeOffset signedInAt)
    {
        if (principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignedInAtClaim))
        {
            identity.AddClaim(new Claim(SignedInAtClaim, signedInAt.ToString("O", CultureInfo.InvariantCulture)));
        }
    }

    private static DateTimeOffset? SignedInAt(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    private static TimeProvider Clock(Microsoft.AspNetCore.Http.HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>();
}
