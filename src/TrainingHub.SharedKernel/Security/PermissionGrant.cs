using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace TrainingHub.SharedKernel.Security;

/// <summary>
/// A permission a signed-in user holds at an organisation unit and everything under it, or
/// everywhere when <see cref="UnitId"/> is null. Carried in the sign-in cookie as one claim per grant.
/// </summary>
public readonly record struct PermissionGrant(string Permission, Guid? UnitId)
{
    public const string ClaimType = "th:grant";
    private const string Everywhere = "*";

    public Claim ToClaim() => new(ClaimType, $"{Permission}@{UnitId?.ToString() ?? Everywhere}");

    public static bool TryParse(string value, [NotNullWhen(true)] out PermissionGrant? grant)
    {
        grant = null;
        var at = value.LastIndexOf('@');
        if (at <= 0)
        {
            return false;
        }
        var scope = value[(at + 1)..];
        if (scope == Everywhere)
        {
            grant = new PermissionGrant(value[..at], null);
            return true;
        }
        if (Guid.TryParse(scope, out var unitId))
        {
            grant = new PermissionGrant(value[..at], unitId);
            return true;
        }
        return false;
    }

    public static IEnumerable<PermissionGrant> From(ClaimsPrincipal principal)
    {
        foreach (var claim in principal.FindAll(ClaimType))
        {
            if (TryParse(claim.Value, out var grant))
            {
                yield return grant.Value;
            }
        }
    }
}
