using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using TrainingHub.Accounts.Contracts;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Keeps a person who must turn on two-factor sign-in (see <see cref="AccountClaimTypes.TwoFactorSetupRequired"/>) on
/// the set-up page: every other page sends them there, and any other request is refused. What an anonymous visitor may
/// open (sign-in pages, static files, language choice) stays open, and so does signing out.
/// </summary>
internal static class TwoFactorSetupGate
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.User.HasClaim(c => c.Type == AccountClaimTypes.TwoFactorSetupRequired) || IsOpen(context))
        {
            await next(context);
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(AccountsModule.TwoFactorPath);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    }

    private static bool IsOpen(HttpContext context) =>
        context.Request.Path.Equals(AccountsModule.TwoFactorPath, StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.Equals(AccountsModule.LogoutPath, StringComparison.OrdinalIgnoreCase)
        || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
}
