using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Pages;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>The role editor as an administrator uses it, over the real services and SQLite.</summary>
public sealed class RoleEditorPageTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;
    private Guid _mentor;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(_server, [new OrganisationsModule(), new AccountsModule()]);
        _host.User.Holding([.. _host.Get<ModuleCatalog>().Permissions.Select(p => new PermissionGrant(p.Name, null))]);
        _pages = new PageRenderer(_host) { Culture = Cultures.English };
        await using var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext();
        _mentor = await db.Roles.Where(r => r.Name == BuiltInRoles.Mentor).Select(r => r.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IRenderedComponent<RoleEditorPage> Render()
    {
        _pages.RenderProviders();
        var page = _pages.Render<RoleEditorPage>(p => p.Add(x => x.Id, _mentor));
        page.WaitForAssertion(() => Assert.Contains("Mentor", page.Find("h1").TextContent));
        return page;
    }

    private static AngleSharp.Dom.IElement Box(IRenderedComponent<RoleEditorPage> page, string permission) =>
        page.Find($"[id='permission-{permission}']") is { TagName: "INPUT" } input ? input : page.Find($"[id='permission-{permission}'] input");

    private static void Tick(IRenderedComponent<RoleEditorPage> page, string permission) => Box(page, permission).Change(true);

    [Fact]
    public async Task Ticking_a_permission_and_saving_gives_it_to_the_role()
    {
        var page = Render();
        Assert.True(page.Find("#save-role").HasAttribute("disabled"));

        Tick(page, OrganisationPermissions.UnitsEdit);
        page.Find("#save-role").Click();

        page.WaitForAssertion(() => Assert.True(page.Find("#save-role").HasAttribute("disabled")));
        var role = (await _host.Get<RoleAdministration>().GetAsync(_mentor)).Value;
        Assert.Contains(OrganisationPermissions.UnitsEdit, role.Permissions);
        Assert.Contains("Create, change and delete organisation units", page.Markup);
    }

    [Fact]
    public async Task When_someone_else_saved_first_the_page_says_so_and_keeps_the_ticks()
    {
        var page = Render();
        var other = (await _host.Get<RoleAdministration>().GetAsync(_mentor)).Value;
        Assert.True((await _host.Get<RoleAdministration>().SavePermissionsAsync(_mentor, [.. other.Permissions, OrganisationPermissions.UnitsImport], other.Version)).Succeeded);

        Tick(page, OrganisationPermissions.UnitsEdit);
        page.Find("#save-role").Click();

        page.WaitForAssertion(() => Assert.Contains("Someone else changed this", page.Markup));
        Assert.True(Box(page, OrganisationPermissions.UnitsEdit).HasAttribute("checked"));
        Assert.DoesNotContain(OrganisationPermissions.UnitsEdit, (await _host.Get<RoleAdministration>().GetAsync(_mentor)).Value.Permissions);
    }
}
