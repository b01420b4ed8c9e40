using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// Identity's user manager and its database context for one operation only. A page stays open for hours, and a
/// context kept that long answers with the person as it read them then: someone else's later change would be
/// overwritten, or a save would report success and change nothing. Services used by open pages take one of these
/// per operation instead of a manager injected once.
/// </summary>
internal sealed class IdentityWork : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private IdentityWork(AsyncServiceScope scope)
    {
        _scope = scope;
        Users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
    }

    public UserManager<ApplicationUser> Users { get; }

    /// <summary>The context <see cref="Users"/> saves through, for changes that must go with it in one transaction.</summary>
    public AccountsDbContext Db { get; }

    public static IdentityWork Begin(IServiceScopeFactory scopes) => new(scopes.CreateAsyncScope());

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
