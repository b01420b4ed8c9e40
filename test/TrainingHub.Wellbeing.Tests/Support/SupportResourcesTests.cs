using TrainingHub.Accounts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Support;

namespace TrainingHub.Wellbeing.Tests.Support;

/// <summary>The support list: administrators keep it in both languages, everyone who checks in reads it.</summary>
public abstract class SupportResourcesTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()]);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private SupportResources Resources => _host.Get<SupportResources>();

    [Fact]
    public async Task Administrators_add_and_remove_resources_named_in_both_languages_and_people_who_check_in_read_them()
    {
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.ResourcesManage, null));
        var empty = (await Resources.ListAsync()).Value;
        var incomplete = await Resources.AddAsync(new SupportResourceInput { NameUk = "Лінія", NameEn = " ", DetailsUk = new string('x', 501), DetailsEn = "24/7" });
        var added = await Resources.AddAsync(new SupportResourceInput { NameUk = "Лінія довіри", NameEn = "Helpline", DetailsUk = "0 800 000 000", DetailsEn = "0 800 000 000" });
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.CheckIn, null));
        var read = (await Resources.ListAsync()).Value;
        var learnerAdds = await Resources.AddAsync(new SupportResourceInput { NameUk = "a", NameEn = "a", DetailsUk = "a", DetailsEn = "a" });
        var learnerRemoves = await Resources.RemoveAsync(added.Value);
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.ResourcesManage, null));
        var removed = await Resources.RemoveAsync(added.Value);

        Assert.Empty(empty);
        Assert.Equal(["NameEn Resources:Error:Required", "DetailsUk Resources:Error:TooLong"], incomplete.Error!.Fields.Select(f => $"{f.Field} {f.Key}"));
        Assert.Equal(["Лінія довіри"], read.Select(r => r.Name));
        Assert.Equal(ErrorKind.Forbidden, learnerAdds.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, learnerRemoves.Error!.Kind);
        Assert.True(removed.Succeeded);
        Assert.Empty((await Resources.ListAsync()).Value);
    }
}

public sealed class SupportResourcesOnSqlite(SqliteServer server) : SupportResourcesTests(server), IClassFixture<SqliteServer>;

public sealed class SupportResourcesOnPostgreSql(PostgreSqlServer server) : SupportResourcesTests(server), IClassFixture<PostgreSqlServer>;
