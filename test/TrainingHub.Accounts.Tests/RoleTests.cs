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
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>Editing roles and giving them to people at units, over the demo data on both databases.</summary>
public abstract partial class RoleTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private OrganisationUnitSummary _zhytomyrOblast = null!;
    private OrganisationUnitSummary _korosten = null!;
    private OrganisationUnitSummary _lvivOblast = null!;

    public async ValueTask InitializeAsync()
    {
        (_host, _zhytomyrOblast, _korosten, _lvivOblast) = await DemoAccountsHost.StartAsync(server);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>Every permission everywhere, as the demo administrator signs in.</summary>
    private void ActAsAdministrator() => _host.User.Holding(
        [.. _host.Get<ModuleCatalog>().Permissions.Select(p => new PermissionGrant(p.Name, null))]);

    /// <summary>The demo coordinator's grants: coordinator permissions in Zhytomyr Oblast.</summary>
    private void ActAsCoordinatorOfZhytomyr() => _host.User.Holding(
        new PermissionGrant(AccountPermissions.PeopleView, _zhytomyrOblast.Id),
        new PermissionGrant(AccountPermissions.PeopleManage, _zhytomyrOblast.Id),
        new PermissionGrant(OrganisationPermissions.UnitsView, _zhytomyrOblast.Id),
        new PermissionGrant(OrganisationPermissions.UnitsEdit, _zhytomyrOblast.Id),
        new PermissionGrant(OrganisationPermissions.UnitsImport, _zhytomyrOblast.Id));

    private async Task<ApplicationUser> PersonAsync(string email)
    {
        using var scope = _host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private async Task<ClaimsPrincipal> SignInPrincipalAsync(string email)
    {
        using var scope = _host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<Guid> RoleIdAsync(string name)
    {
        await using var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext();
        return await db.Roles.Where(r => r.Name == name).Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task A_new_role_with_chosen_permissions_given_at_a_hromada_grants_exactly_those_there()
    {
        ActAsAdministrator();
        var roles = _host.Get<RoleAdministration>();
        var created = await roles.CreateAsync("  Куратор волонтерів ");
        var role = (await roles.GetAsync(created.Value)).Value;
        var saved = await roles.SavePermissionsAsync(role.Id, [AccountPermissions.PeopleView, OrganisationPermissions.UnitsView], role.Version);
        var learner = await PersonAsync("learner@traininghub.example");
        var given = await _host.Get<RoleAssignments>().AssignAsync(learner.Id, role.Id, _korosten.Id);

        var principal = await SignInPrincipalAsync("learner@traininghub.example");
        var list = (await roles.ListAsync()).Value;

        Assert.True(saved.Succeeded && given.Succeeded, $"{saved.Error} {given.Error}");
        Assert.Equal("Куратор волонтерів", role.Name);
        Assert.Contains(new PermissionGrant(AccountPermissions.PeopleView, _korosten.Id), PermissionGrant.From(principal));
        Assert.DoesNotContain(PermissionGrant.From(principal), g => g.Permission == AccountPermissions.PeopleManage);
        Assert.Contains(list, r => r is { Name: "Куратор волонтерів", IsBuiltIn: false, PermissionCount: 2, HolderCount: 1 });
    }

    [Fact]
    public async Task Role_names_are_required_and_unique_and_stale_edits_are_refused()
    {
        ActAsAdministrator();
        var roles = _host.Get<RoleAdministration>();
        var mentor = (await roles.GetAsync(await RoleIdAsync(BuiltInRoles.Mentor))).Value;
        Assert.True((await roles.SavePermissionsAsync(mentor.Id, [.. mentor.Permissions, OrganisationPermissions.UnitsEdit], mentor.Version)).Succeeded);

        var empty = await roles.CreateAsync(" ");
        var taken = await roles.CreateAsync("mentor");
        var stale = await roles.SavePermissionsAsync(mentor.Id, [OrganisationPermissions.UnitsView], mentor.Version);
        var unknown = await roles.SavePermissionsAsync(mentor.Id, ["Made.Up.Permission"], (await roles.GetAsync(mentor.Id)).Value.Version);

        Assert.Equal("Roles:Error:NameRequired", empty.Error!.Fields.Single().Key);
        Assert.Equal("Roles:Error:NameTaken", taken.Error!.Fields.Single().Key);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal("Roles:Error:UnknownPermission", unknown.Error!.Key);
        Assert.Contains(OrganisationPermissions.UnitsEdit, (await roles.GetAsync(mentor.Id)).Value.Permissions);
    }

    [Fact]
    public async Task Built_in_roles_stay_and_administrators_keep_role_management_but_made_roles_can_go()
    {
        ActAsAdministrator();
        var roles = _host.Get<RoleAdministration>();
        var administrator = (await roles.GetAsync(await RoleIdAsync(BuiltInRoles.Administrator))).Value;
        var custom = (await roles.CreateAsync("Тимчасова роль")).Value;
        var learner = await PersonAsync("learner@traininghub.example");
        Assert.True((await _host.Get<RoleAssignments>().AssignAsync(learner.Id, custom, _korosten.Id)).Succeeded);

        var deleteBuiltIn = await roles.DeleteAsync(administrator.Id);
        var lockOut = await roles.SavePermissionsAsync(administrator.Id, [AccountPermissions.PeopleView], administrator.Version);
        var deleteCustom = await roles.DeleteAsync(custom);

        Assert.Equal("Roles:Error:BuiltInCannotBeDeleted", deleteBuiltIn.Error!.Key);
        Assert.Equal("Roles:Error:AdministratorKeepsRoles", lockOut.Error!.Key);
        Assert.True(deleteCustom.Succeeded);
        Assert.Equal(ErrorKind.NotFound, (await roles.GetAsync(custom)).Error!.Kind);
        Assert.DoesNotContain(PermissionGrant.From(await SignInPrincipalAsync("learner@traininghub.example")), g => g.UnitId == _korosten.Id && g.Permission == AccountPermissions.PeopleView);
    }

    [Fact]
    public async Task A_coordinator_gives_only_roles_they_could_use_themselves_only_in_their_area()
    {
        ActAsCoordinatorOfZhytomyr();
        var assignments = _host.Get<RoleAssignments>();
        var learner = await PersonAsync("learner@traininghub.example");
        var lvivPerson = await PersonAsync("i.lysenko@traininghub.example");

        var grantable = await assignments.GetGrantableRolesAsync(_korosten.Id);
        var mentorAtKorosten = await assignments.AssignAsync(learner.Id, await RoleIdAsync(BuiltInRoles.Mentor), _korosten.Id);
        var adminAtKorosten = await assignments.AssignAsync(learner.Id, await RoleIdAsync(BuiltInRoles.Administrator), _korosten.Id);
        var mentorEverywhere = await assignments.AssignAsync(learner.Id, await RoleIdAsync(BuiltInRoles.Mentor), null);
        var mentorInLviv = await assignments.AssignAsync(learner.Id, await RoleIdAsync(BuiltInRoles.Mentor), _lvivOblast.Id);
        var outsider = await assignments.AssignAsync(lvivPerson.Id, await RoleIdAsync(BuiltInRoles.Learner), _korosten.Id);
        var roles = await _host.Get<RoleAdministration>().ListAsync();

        Assert.Equal([BuiltInRoles.Coordinator, BuiltInRoles.Learner, BuiltInRoles.Mentor, BuiltInRoles.Supervisor], grantable.Select(r => r.Name).Order());
        Assert.True(mentorAtKorosten.Succeeded);
        Assert.Equal(ErrorKind.Forbidden, adminAtKorosten.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, mentorEverywhere.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, mentorInLviv.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, outsider.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, roles.Error!.Kind);
        Assert.Contains(new PermissionGrant(AccountPermissions.PeopleView, _korosten.Id), PermissionGrant.From(await SignInPrincipalAsync("learner@traininghub.example")));
    }

    [Fact]
    public async Task A_role_is_held_once_per_unit_and_the_last_administrator_everywhere_stays()
    {
        ActAsAdministrator();
        var assignments = _host.Get<RoleAssignments>();
        var learner = await PersonAsync("learner@traininghub.example");
        var mentor = await RoleIdAsync(BuiltInRoles.Mentor);
        Assert.True((await assignments.AssignAsync(learner.Id, mentor, _korosten.Id)).Succeeded);
        var admin = await PersonAsync("admin@traininghub.example");
        var profile = (await _host.Get<PeopleDirectory>().GetAsync(admin.Id)).Value;

        var twice = await assignments.AssignAsync(learner.Id, mentor, _korosten.Id);
        var lastAdministrator = await assignments.RemoveAsync(admin.Id, profile.Roles.Single(r => r.Role == BuiltInRoles.Administrator).AssignmentId);
        var learnerProfile = (await _host.Get<PeopleDirectory>().GetAsync(learner.Id)).Value;
        var removed = await assignments.RemoveAsync(learner.Id, learnerProfile.Roles.Single(r => r.Role == BuiltInRoles.Mentor).AssignmentId);

        Assert.Equal("Roles:Error:AlreadyHeld", twice.Error!.Fields.Single().Key);
        Assert.Equal("Roles:Error:LastAdministrator", lastAdministrator.Error!.Key);
        Assert.True(removed.Succeeded);
        Assert.DoesNotContain((await _host.Get<PeopleDirectory>().GetAsync(learner.Id)).Value.Roles, r => r.Role == BuiltInRoles.Mentor);
    }
}

public abstract partial class RoleTests
{
    [Fact]
    public async Task An_open_page_notices_when_its_person_gains_or_loses_a_role()
    {
        ActAsAdministrator();
        var learner = await PersonAsync("learner@traininghub.example");
        var before = await SignInPrincipalAsync("learner@traininghub.example");
        var revalidation = (SessionRevalidation)_host.Get<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>();
        Assert.True(await revalidation.IsStillValidAsync(before));

        Assert.True((await _host.Get<RoleAssignments>().AssignAsync(learner.Id, await RoleIdAsync(BuiltInRoles.Mentor), _korosten.Id)).Succeeded);
        var stale = await revalidation.IsStillValidAsync(before);
        var fresh = await revalidation.IsStillValidAsync(await SignInPrincipalAsync("learner@traininghub.example"));

        Assert.False(stale);
        Assert.True(fresh);
    }
}

public sealed class RolesOnSqlite(SqliteServer server) : RoleTests(server), IClassFixture<SqliteServer>;

public sealed class RolesOnPostgreSql(PostgreSqlServer server) : RoleTests(server), IClassFixture<PostgreSqlServer>;
