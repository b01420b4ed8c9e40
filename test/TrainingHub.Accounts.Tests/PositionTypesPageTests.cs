using Bunit;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Pages;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>The position types page as an administrator uses it, in English, over the real services and SQLite.</summary>
public sealed class PositionTypesPageTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(_server, [new OrganisationsModule(), new AccountsModule()]);
        _host.User.Holding(new PermissionGrant(AccountPermissions.PositionsManage, null));
        _pages = new PageRenderer(_host) { Culture = Cultures.English };
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IRenderedComponent<PositionTypesPage> Render()
    {
        _pages.RenderProviders();
        var page = _pages.Render<PositionTypesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#positions tbody tr")));
        return page;
    }

    private static AngleSharp.Dom.IElement Box(IRenderedComponent<PositionTypesPage> page, string id) =>
        page.Find($"[id='{id}']") is { TagName: "INPUT" } input ? input : page.Find($"[id='{id}'] input");

    private async Task<bool> WorksWithClientsAsync(string code) =>
        (await _host.Get<IPositionTypes>().ListAsync()).Single(t => t.Code == code).WorksWithClients;

    [Fact]
    public async Task The_administrator_sees_which_positions_work_with_clients_and_switches_one()
    {
        var page = Render();
        Assert.Contains("Works with clients", page.Find("#positions thead").TextContent);
        Assert.True(Box(page, "works-with-clients-social-worker").HasAttribute("checked"));
        Assert.False(Box(page, "works-with-clients-supervisor").HasAttribute("checked"));
        Assert.Contains("Supervisor works with clients", page.Find("#positions").TextContent);

        Box(page, "works-with-clients-supervisor").Change(true);

        await Eventually.TrueAsync(() => WorksWithClientsAsync("supervisor"), "supervisors to work with clients");
        Assert.True(Box(page, "works-with-clients-supervisor").HasAttribute("checked"));
    }

    [Fact]
    public async Task A_position_added_without_the_tick_does_not_work_with_clients()
    {
        var page = Render();
        Assert.True(Box(page, "position-works-with-clients").HasAttribute("checked"));

        page.Find("input#position-name-uk").Change("Методист");
        page.Find("input#position-name-en").Change("Methodologist");
        Box(page, "position-works-with-clients").Change(false);
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Methodologist", page.Find("#positions").TextContent));
        Assert.False(await WorksWithClientsAsync("methodologist"));
        Assert.False(Box(page, "works-with-clients-methodologist").HasAttribute("checked"));
    }
}
