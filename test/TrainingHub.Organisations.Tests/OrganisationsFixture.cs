using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Organisations.Tests;

/// <summary>Starts the Organisations module on a fresh database and builds small trees for tests.</summary>
internal static class OrganisationsHost
{
    public static Task<ModuleTestHost> StartAsync(ITestDatabaseServer server) =>
        ModuleTestHost.StartAsync(server, [new OrganisationsModule()]);

    /// <summary>Acts as an administrator (every organisations permission, everywhere).</summary>
    public static TestUser AsAdministrator(this ModuleTestHost host) =>
        host.User.Holding(
            new PermissionGrant(OrganisationPermissions.UnitsView, null),
            new PermissionGrant(OrganisationPermissions.UnitsEdit, null),
            new PermissionGrant(OrganisationPermissions.UnitsImport, null));

    /// <summary>Acts as a coordinator of one unit: view, edit and import there and below.</summary>
    public static TestUser AsCoordinatorOf(this ModuleTestHost host, Guid unitId) =>
        host.User.Holding(
            new PermissionGrant(OrganisationPermissions.UnitsView, unitId),
            new PermissionGrant(OrganisationPermissions.UnitsEdit, unitId),
            new PermissionGrant(OrganisationPermissions.UnitsImport, unitId));

    public static TestUser AsLearnerIn(this ModuleTestHost host, Guid unitId) =>
        host.User.Holding(new PermissionGrant(OrganisationPermissions.UnitsView, unitId));

    public static async Task<Guid> CreateAsync(this OrganisationTree tree, UnitType type, string name, Guid? parentId = null, string? code = null)
    {
        var result = await tree.CreateAsync(new UnitInput
        {
            Type = type,
            Name = name,
            ParentId = parentId,
            KatottgCode = code,
            Kind = type == UnitType.Organisation ? OrganisationKind.SocialServiceCentre : null,
        });
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value;
    }
}

/// <summary>A unit input with only what a test cares about filled in.</summary>
internal sealed class UnitInputBuilder(UnitType type, string name)
{
    public Guid? ParentId { get; init; }
    public string? NameEn { get; init; }
    public int? Population { get; init; }

    public UnitInput Build() => new()
    {
        Type = type,
        Name = name,
        NameEn = NameEn,
        ParentId = ParentId,
        Population = Population,
        Kind = type == UnitType.Organisation ? OrganisationKind.Ngo : null,
    };
}
