using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http;

namespace TrainingHub.SharedKernel.Security;

/// <summary>
/// Resolves the user from the Blazor circuit when there is one (a circuit outlives its HTTP request)
/// and from the HTTP request otherwise.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private ClaimsPrincipal? _circuitUser;

    public ClaimsPrincipal Principal => _circuitUser ?? httpContextAccessor.HttpContext?.User ?? Anonymous;

    internal void SetCircuitUser(ClaimsPrincipal user) => _circuitUser = user;
}

/// <summary>Keeps <see cref="CurrentUser"/> in step with the circuit's authentication state.</summary>
internal sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authenticationStateProvider, CurrentUser currentUser)
    : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        currentUser.SetCircuitUser(state.User);
    }

    /// <summary>Every event the circuit handles (a click, a navigation) runs with the circuit's user as the acting user.</summary>
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            AmbientActingUser.Enter(currentUser);
            return next(context);
        };

    private void OnAuthenticationChanged(Task<AuthenticationState> task) => _ = UpdateAsync(task);

    private async Task UpdateAsync(Task<AuthenticationState> task)
    {
        var state = await task;
        currentUser.SetCircuitUser(state.User);
    }

    public void Dispose() => authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;
}
