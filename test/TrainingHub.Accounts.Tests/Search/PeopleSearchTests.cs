using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Search;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Search;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests.Search;

/// <summary>The quick search's people: only those the People page would show the reader, over the demo data on both databases.</summary>
public abstract class PeopleSearchTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private OrganisationUnitSummary _korosten = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        _korosten = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18060170000025398"))!;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<IReadOnlyList<SearchHit>> SearchAsync(string text) =>
        _host.Get<IEnumerable<ISearchSource>>().OfType<PeopleSearchSource>().Single().SearchAsync(text, QuickSearch.HitsPerKind, CancellationToken.None);

    [Fact]
    public async Task A_hromada_coordinator_finds_their_people_by_name_in_either_script_or_by_email_and_nobody_of_another_hromada()
    {
        _host.User.Holding(new PermissionGrant(AccountPermissions.PeopleView, _korosten.Id));

        var byName = await SearchAsync("мельник");
        var byLatin = await SearchAsync("melnyk");
        var byEmail = await SearchAsync("O.MELNYK@");
        var otherHromada = await SearchAsync("Ткаченко");

        var hit = Assert.Single(byName);
        Assert.Equal("Олександр Мельник", hit.Title);
        Assert.Equal("Коростенська міська громада", hit.Detail);
        Assert.StartsWith("people/", hit.Href, StringComparison.Ordinal);
        Assert.Equal([hit.Href], byLatin.Select(h => h.Href));
        Assert.Equal([hit.Href], byEmail.Select(h => h.Href));
        Assert.Empty(otherHromada);
    }

    [Fact]
    public async Task A_learner_finds_nobody_because_the_People_page_shows_them_nobody()
    {
        _host.User.Holding(new PermissionGrant(OrganisationPermissions.UnitsView, _korosten.Id));

        Assert.Empty(await SearchAsync("Мельник"));
    }

    [Fact]
    public async Task An_administrator_gets_at_most_the_hits_asked_for()
    {
        _host.User.Holding(new PermissionGrant(AccountPermissions.PeopleView, null));

        var hits = await _host.Get<IEnumerable<ISearchSource>>().OfType<PeopleSearchSource>().Single()
            .SearchAsync("traininghub.example", 3, CancellationToken.None);

        Assert.Equal(3, hits.Count);
    }
}

public sealed class PeopleSearchOnSqlite(SqliteServer server) : PeopleSearchTests(server), IClassFixture<SqliteServer>;

public sealed class PeopleSearchOnPostgreSql(PostgreSqlServer server) : PeopleSearchTests(server), IClassFixture<PostgreSqlServer>;
