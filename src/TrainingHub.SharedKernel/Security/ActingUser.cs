using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace TrainingHub.SharedKernel.Security;

/// <summary>
/// The person on whose behalf code runs, for services that live longer than a request or a circuit (such as the
/// audit trail's save hook). Inside a circuit it is the circuit's user, inside a request the request's user, and
/// in a background job nobody (the system).
/// </summary>
public interface IActingUser
{
    ClaimsPrincipal? Principal { get; }
}

internal sealed class AmbientActingUser(IHttpContextAccessor httpContextAccessor) : IActingUser
{
    private static readonly AsyncLocal<ICurrentUser?> Current = new();

    public ClaimsPrincipal? Principal => Current.Value?.Principal ?? httpContextAccessor.HttpContext?.User;

    /// <summary>Makes <paramref name="user"/> the acting user for the rest of the current asynchronous flow.</summary>
    public static void Enter(ICurrentUser user) => Current.Value = user;
}
