using Bunit;
using TrainingHub.Audit.Contracts;
using TrainingHub.Audit.Pages;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Audit.Tests;

/// <summary>The audit page as an administrator sees it, over a real trail in SQLite.</summary>
public sealed class AuditPageTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(_server, [new AuditModule(), new OrganisationsModule()]);
        _host.User.Holding(
            new PermissionGrant(OrganisationPermissions.UnitsView, null),
            new PermissionGrant(OrganisationPermissions.UnitsEdit, null),
            new PermissionGrant(AuditPermissions.View, null));
        _pages = new PageRenderer(_host) { Culture = Cultures.English };
        var created = await _pages.Get<OrganisationTree>().CreateAsync(new UnitInput { Type = UnitType.Oblast, Name = "Волинська область" });
        Assert.True(created.Succeeded);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Entries_show_who_did_what_with_the_fields_and_a_filter_that_matches_nothing_says_so()
    {
        _pages.RenderProviders();
        var page = _pages.Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Contains("Волинська область", page.Markup));
        Assert.Contains("test@traininghub.example", page.Markup);
        Assert.Contains("Created", page.Markup);
        Assert.Contains("Organisations · OrganisationUnit", page.Markup);

        page.Find("#audit-person").Input("nobody at all");

        page.WaitForAssertion(() => Assert.Equal("Nothing matches your search.", page.Find("#no-audit").TextContent.Trim()));
    }
}
