using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Api;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Signs a request to <c>/api/v1</c> in by <c>Authorization: Bearer &lt;token&gt;</c>, with the same identity (roles and
/// permission grants) that signing in with a password gives. Anywhere else a token means nothing: a leaked token must
/// never open pages, the job dashboard or the account settings that could take the account over.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    IUserClaimsPrincipalFactory<ApplicationUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string HeaderPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!SignInSchemes.IsTokenRoute(Request) || !header.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var user = await tokens.AuthenticateAsync(header[HeaderPrefix.Length..].Trim(), Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("The API token is unknown, expired or revoked, or its person is deactivated.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(await principals.CreateAsync(user), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = ApiEndpoints.BearerScheme;
        return Task.CompletedTask;
    }
}

/// <summary>
/// Which way a request signs in: the sign-in cookie for pages and everything outside the API, whatever the request's
/// Authorization header says; a bearer token (or, for reading, the cookie) for the API.
/// </summary>
internal static class SignInSchemes
{
    /// <summary>The default scheme: it forwards each request to the cookie or the bearer token.</summary>
    public const string Default = "TrainingHub";

    /// <summary>
    /// A request with a bearer token uses it. Changes through the API accept only a token: a browser sends the cookie
    /// to any site's form post, and the API checks no antiforgery token.
    /// </summary>
    public static string Choose(HttpContext context)
    {
        var request = context.Request;
        if (!IsTokenRoute(request))
        {
            return IdentityConstants.ApplicationScheme;
        }
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return ApiEndpoints.BearerScheme;
        }
        var readsOnly = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        return readsOnly ? IdentityConstants.ApplicationScheme : ApiEndpoints.BearerScheme;
    }

    /// <summary>The only routes a personal API token signs in on.</summary>
    public static bool IsTokenRoute(HttpRequest request) => request.Path.StartsWithSegments(ApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase);
}
