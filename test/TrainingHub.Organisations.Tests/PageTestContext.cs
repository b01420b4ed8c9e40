using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using TrainingHub.Organisations.Import;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;

namespace TrainingHub.Organisations.Tests;

/// <summary>
/// Renders the module's pages with bUnit over the real services and a real SQLite database,
/// in the language the test chooses.
/// </summary>
public abstract class PageTestContext : IAsyncLifetime
{
    private readonly SqliteServer _server = new();

    protected BunitContext Context { get; } = new();

    internal ModuleTestHost Host { get; private set; } = null!;

    internal OrganisationTree Tree { get; private set; } = null!;

    static PageTestContext()
    {
        // The whole suite shares two cores with databases and a browser; give renders time to settle.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    public async ValueTask InitializeAsync()
    {
        Host = await OrganisationsHost.StartAsync(_server);
        Host.AsAdministrator();
        var scope = Host.Services.CreateScope().ServiceProvider;
        Tree = scope.GetRequiredService<OrganisationTree>();
        Context.Services.AddSingleton(Tree);
        Context.Services.AddSingleton(scope.GetRequiredService<TerritoryImport>());
        Context.Services.AddSingleton(scope.GetRequiredService<SharedKernel.Security.IAccessControl>());
        Context.Services.AddSingleton(Host.Services.GetRequiredService<IStringLocalizerFactory>());
        Context.Services.AddLocalization();
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Host.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>The language pages are rendered in; Ukrainian unless a test chooses English.</summary>
    protected string Culture { get; set; } = Cultures.Ukrainian;

    /// <summary>Renders a page in <see cref="Culture"/> (set here, in the test's own flow, so it reaches the renderer).</summary>
    protected IRenderedComponent<TPage> Render<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Culture);
        return parameters is null ? Context.Render<TPage>() : Context.Render(parameters);
    }

    /// <summary>Popovers (selects, dialogs) render into the providers, so pages are rendered beside them.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderProviders()
    {
        return Render<MudPopoverProvider>();
    }
}
