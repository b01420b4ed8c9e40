using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.TestKit;

/// <summary>
/// Renders a module's pages with bUnit over a <see cref="ModuleTestHost"/>: MudBlazor's services come from bUnit and
/// everything else (the module's services, texts, the acting user) from one scope of the host, as in one circuit.
/// </summary>
public sealed class PageRenderer : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    static PageRenderer()
    {
        // The whole suite shares two cores with databases and a browser; give renders time to settle.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    public PageRenderer(ModuleTestHost host)
    {
        _scope = host.Services.CreateAsyncScope();
        Context.Services.AddMudServices();
        Context.Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public BunitContext Context { get; } = new();

    /// <summary>The language pages are rendered in; Ukrainian unless a test chooses English.</summary>
    public string Culture { get; set; } = Cultures.Ukrainian;

    /// <summary>A service from the same scope the pages get theirs from.</summary>
    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Renders a component in <see cref="Culture"/>, set here in the test's own flow so that it reaches the renderer.</summary>
    public IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Culture);
        return parameters is null ? Context.Render<TComponent>() : Context.Render(parameters);
    }

    /// <summary>
    /// Popovers (selects, menus), dialogs and snackbars render into their providers, so a page is rendered beside them;
    /// a test looks for a dialog's buttons in <see cref="RenderedProviders.Dialogs"/>.
    /// </summary>
    public RenderedProviders RenderProviders()
    {
        var popovers = Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        return new RenderedProviders(popovers, dialogs, snackbars);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _scope.DisposeAsync();
    }
}

public sealed record RenderedProviders(
    IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars);
