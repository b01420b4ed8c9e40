using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.SharedKernel.Security;

/// <summary>
/// Turns every declared permission name into an authorisation policy, so a page says
/// <c>[Authorize(Policy = OrganisationPermissions.UnitsEdit)]</c> and the server enforces it.
/// </summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, ModuleCatalog catalog)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var policy = await base.GetPolicyAsync(policyName);
        if (policy is not null || !catalog.Permissions.Any(p => p.Name == policyName))
        {
            return policy;
        }
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName))
            .Build();
    }
}

internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

internal sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (PermissionGrant.From(context.User).Any(g => g.Permission == requirement.Permission))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
