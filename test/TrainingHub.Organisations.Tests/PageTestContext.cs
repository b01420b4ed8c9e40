using Bunit;
using TrainingHub.Organisations.Services;
using TrainingHub.TestKit;

namespace TrainingHub.Organisations.Tests;

/// <summary>
/// Renders the module's pages with bUnit over the real services and a real SQLite database, as an administrator,
/// in the language the test chooses.
/// </summary>
public abstract class PageTestContext : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private PageRenderer _pages = null!;

    protected BunitContext Context => _pages.Context;

    internal ModuleTestHost Host { get; private set; } = null!;

    internal OrganisationTree Tree { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await OrganisationsHost.StartAsync(_server);
        Host.AsAdministrator();
        _pages = new PageRenderer(Host);
        Tree = _pages.Get<OrganisationTree>();
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await Host.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>The language pages are rendered in; Ukrainian unless a test chooses English.</summary>
    protected string Culture
    {
        get => _pages.Culture;
        set => _pages.Culture = value;
    }

    protected IRenderedComponent<TPage> Render<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        _pages.Render(parameters);

    protected RenderedProviders RenderProviders() => _pages.RenderProviders();
}
