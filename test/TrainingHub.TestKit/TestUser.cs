using System.Security.Claims;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.TestKit;

/// <summary>The person a test acts as: signed in with exactly the grants the test gives.</summary>
public sealed class TestUser : ICurrentUser, IActingUser
{
    public ClaimsPrincipal Principal { get; private set; } = new(new ClaimsIdentity());

    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>Signs in holding each permission where the grant says (a unit, or everywhere when its unit is null).</summary>
    public TestUser Holding(params PermissionGrant[] grants)
    {
        Principal = PrincipalWith(Id, grants);
        return this;
    }

    /// <summary>Signs in as a real person (one of the demo people, say), holding the grants given.</summary>
    public TestUser ActingAs(Guid personId, params PermissionGrant[] grants)
    {
        Principal = PrincipalWith(personId, grants);
        return this;
    }

    /// <summary>Gives whoever the test is signed in as these roles too, for checks that ask in which role someone acts.</summary>
    public TestUser InRoles(params string[] roles)
    {
        Principal = new ClaimsPrincipal(new ClaimsIdentity(Principal.Claims.Concat(roles.Select(r => new Claim(ClaimTypes.Role, r))), "Test"));
        return this;
    }

    public TestUser SignedOut()
    {
        Principal = new ClaimsPrincipal(new ClaimsIdentity());
        return this;
    }

    public static ClaimsPrincipal PrincipalWith(Guid id, params PermissionGrant[] grants)
    {
        var claims = grants.Select(g => g.ToClaim())
            .Append(new Claim(ClaimTypes.NameIdentifier, id.ToString()))
            .Append(new Claim(ClaimTypes.Name, "test@traininghub.example"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}
