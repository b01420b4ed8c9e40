using System.Security.Claims;

namespace TrainingHub.SharedKernel.Security;

/// <summary>The person on whose behalf the current request or circuit runs.</summary>
public interface ICurrentUser
{
    ClaimsPrincipal Principal { get; }

    bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    Guid? UserId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    string? DisplayName => Principal.Identity?.Name;

    IEnumerable<PermissionGrant> Grants => PermissionGrant.From(Principal);
}
