using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// An open page (a circuit) checks now and then that its person is still active, that their security stamp has
/// not changed and that they still hold the same permissions where they did, so that signing out everywhere, a new
/// password, deactivation or a role taken away also reach pages left open (which then load again, with the
/// person's current rights), and that the sign-in has not outlived its limit.
/// </summary>
internal sealed class SessionRevalidation(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> identityOptions,
    IOptions<SecurityStampValidatorOptions> stampOptions,
    TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval =>
        stampOptions.Value.ValidationInterval < TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : stampOptions.Value.ValidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User);

    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        if (!SessionLifetime.IsWithinLimit(principal, clock.GetUtcNow()))
        {
            return false;
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.IsActive)
        {
            return false;
        }
        var stampInCookie = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stampInCookie != await users.GetSecurityStampAsync(user))
        {
            return false;
        }
        var current = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        return PermissionGrant.From(current).ToHashSet().SetEquals(PermissionGrant.From(principal));
    }
}
