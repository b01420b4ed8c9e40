using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>Roles, role assignments at units and the grants a person signs in with, on both databases.</summary>
public abstract class AccountsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<ClaimsPrincipal> SignInPrincipalAsync(string email)
    {
        using var scope = _host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    [Fact]
    public async Task The_built_in_roles_start_with_their_modules_default_permissions()
    {
        await using var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext();

        var permissions = await db.Roles.Select(r => new
        {
            r.Name,
            Permissions = db.RoleClaims.Where(c => c.RoleId == r.Id && c.ClaimType == AccountsDbContext.PermissionClaimType).Select(c => c.ClaimValue).ToList(),
        }).ToDictionaryAsync(r => r.Name!, r => r.Permissions.Order().ToList());

        Assert.Equal(BuiltInRoles.All.Order(), permissions.Keys.Order());
        Assert.Equal(
            [AccountPermissions.PeopleManage, AccountPermissions.PeopleView, OrganisationPermissions.UnitsEdit, OrganisationPermissions.UnitsImport, OrganisationPermissions.UnitsView],
            permissions[BuiltInRoles.Coordinator]);
        Assert.Equal([OrganisationPermissions.UnitsView], permissions[BuiltInRoles.Learner]);
    }

    [Fact]
    public async Task A_permission_taken_from_a_role_is_not_handed_back_at_the_next_start()
    {
        var dbFactory = _host.Get<IDbContextFactory<AccountsDbContext>>();
        await using (var db = dbFactory.CreateDbContext())
        {
            var coordinator = await db.Roles.SingleAsync(r => r.Name == BuiltInRoles.Coordinator);
            await db.RoleClaims.Where(c => c.RoleId == coordinator.Id && c.ClaimValue == OrganisationPermissions.UnitsImport).ExecuteDeleteAsync();
        }

        await new BuiltInRolesSetup(dbFactory, _host.Get<ModuleCatalog>()).InitialiseAsync(CancellationToken.None);

        await using var check = dbFactory.CreateDbContext();
        var coordinatorId = (await check.Roles.SingleAsync(r => r.Name == BuiltInRoles.Coordinator)).Id;
        Assert.False(await check.RoleClaims.AnyAsync(c => c.RoleId == coordinatorId && c.ClaimValue == OrganisationPermissions.UnitsImport));
        Assert.Equal(5, await check.Roles.CountAsync());
    }

    [Fact]
    public async Task A_coordinator_signs_in_holding_their_permissions_at_their_oblast_only()
    {
        var oblast = await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18000000000045390");

        var principal = await SignInPrincipalAsync("coordinator@traininghub.example");

        Assert.Equal("Ігор Координатор", principal.FindFirstValue(AccountClaimTypes.FullName));
        Assert.True(principal.IsInRole(BuiltInRoles.Coordinator));
        Assert.Contains(new PermissionGrant(OrganisationPermissions.UnitsEdit, oblast!.Id), PermissionGrant.From(principal));
        Assert.All(PermissionGrant.From(principal), g => Assert.Equal(oblast.Id, g.UnitId));
    }

    [Fact]
    public async Task The_administrator_holds_every_permission_everywhere()
    {
        var principal = await SignInPrincipalAsync("admin@traininghub.example");

        var grants = PermissionGrant.From(principal).ToList();

        Assert.Equal(_host.Get<ModuleCatalog>().Permissions.Select(p => p.Name).Order(), grants.Select(g => g.Permission).Order());
        Assert.All(grants, g => Assert.Null(g.UnitId));
    }

    [Fact]
    public async Task A_learner_holds_only_the_view_permission_in_their_hromada()
    {
        var hromada = await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");

        var principal = await SignInPrincipalAsync("learner@traininghub.example");

        Assert.Equal([new PermissionGrant(OrganisationPermissions.UnitsView, hromada!.Id)], PermissionGrant.From(principal));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_for_fifteen_minutes()
    {
        using var scope = _host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var mentor = (await users.FindByEmailAsync("mentor@traininghub.example"))!;

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await users.AccessFailedAsync(mentor);
        }
        var lockedAfterFour = await users.IsLockedOutAsync(mentor);
        await users.AccessFailedAsync(mentor);

        Assert.False(lockedAfterFour);
        Assert.True(await users.IsLockedOutAsync(mentor));
        var until = (await users.GetLockoutEndDateAsync(mentor))!.Value;
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }
}

public sealed class AccountsOnSqlite(SqliteServer server) : AccountsTests(server), IClassFixture<SqliteServer>;

public sealed class AccountsOnPostgreSql(PostgreSqlServer server) : AccountsTests(server), IClassFixture<PostgreSqlServer>;
