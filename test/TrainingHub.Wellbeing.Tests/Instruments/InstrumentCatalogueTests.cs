using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Instruments;

namespace TrainingHub.Wellbeing.Tests.Instruments;

/// <summary>The built-in instrument as administrators find it, try it and nobody else reaches it.</summary>
public abstract class InstrumentCatalogueTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()]);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private InstrumentCatalogue Catalogue => _host.Get<InstrumentCatalogue>();

    [Fact]
    public async Task Administrators_find_the_built_in_inventory_marked_as_a_working_translation_and_try_it_without_storing_anything()
    {
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.InstrumentsManage, null));

        var list = (await Catalogue.ListAsync()).Value;
        var tried = await Catalogue.TryAsync("cbi", new Dictionary<string, int> { ["personal.1"] = 0, ["personal.2"] = 0, ["personal.3"] = 4, ["work.7"] = 4 });
        var wrong = await Catalogue.TryAsync("cbi", new Dictionary<string, int> { ["personal.9"] = 0 });
        var unknown = await Catalogue.TryAsync("mbi", new Dictionary<string, int>());
        await using var db = _host.Get<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();

        var cbi = Assert.Single(list);
        Assert.Equal(("cbi", 3, 19, true, true), (cbi.Code, cbi.Scales, cbi.Items, cbi.UkrainianIsWorkingTranslation, cbi.IsBuiltIn));
        Assert.Equal([66.7m, null, null], tried.Value.Select(s => s.Score));
        Assert.Equal([null, NoScoreReason.TooFewAnswers, NoScoreReason.NotAnswered], tried.Value.Select(s => s.Reason));
        Assert.Equal(("personal.9", "Instruments:Error:UnknownItem"), (wrong.Error!.Fields.Single().Field, wrong.Error.Fields.Single().Key));
        Assert.Equal(ErrorKind.NotFound, unknown.Error!.Kind);
        Assert.Equal(1, await db.Instruments.CountAsync());
    }

    [Fact]
    public async Task Starting_again_keeps_one_copy_of_the_built_in_inventory()
    {
        await new BuiltInInstruments(_host.Get<IDbContextFactory<WellbeingDbContext>>(), TimeProvider.System).InitialiseAsync(CancellationToken.None);
        await using var db = _host.Get<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();

        Assert.Equal(["cbi"], await db.Instruments.Select(i => i.Code).ToListAsync());
    }

    [Fact]
    public async Task People_without_the_permission_are_refused()
    {
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.CheckIn, null));

        Assert.Equal(ErrorKind.Forbidden, (await Catalogue.ListAsync()).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Catalogue.GetAsync("cbi")).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Catalogue.TryAsync("cbi", new Dictionary<string, int>())).Error!.Kind);
    }
}

public sealed class InstrumentCatalogueOnSqlite(SqliteServer server) : InstrumentCatalogueTests(server), IClassFixture<SqliteServer>;

public sealed class InstrumentCatalogueOnPostgreSql(PostgreSqlServer server) : InstrumentCatalogueTests(server), IClassFixture<PostgreSqlServer>;
