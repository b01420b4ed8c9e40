using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using MudBlazor.Services;
using TrainingHub.DataGenerator;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Benchmarks;

/// <summary>
/// A learner's home page as the server renders it: every module's steps for the person and the parts of their own work,
/// for a different learner of the data set each time, signed in with what the learner role grants in their hromada.
/// </summary>
internal sealed class LearnerHome(ModuleTestHost host, IReadOnlyList<Person> learners)
{
    private int _next;

    /// <summary>What rendering the page needs beyond the modules: components' services, no browser behind them.</summary>
    public static void AddRendering(IServiceCollection services)
    {
        services.AddMudServices();
        services.AddScoped<IJSRuntime, NoBrowser>();
        services.AddScoped<NavigationManager, ServerAddress>();
    }

    /// <summary>The person whose page the next render shows, and their grants.</summary>
    public Person Next()
    {
        var person = learners[_next++ % learners.Count];
        var catalog = host.Get<ModuleCatalog>();
        var grants = catalog.Permissions.Where(p => p.GrantedByDefaultTo.Contains(BuiltInRoles.Learner))
            .Select(p => new PermissionGrant(p.Name, person.HromadaId)).ToArray();
        host.User.ActingAs(person.Id, grants);
        return person;
    }

    /// <summary>Renders the page's content for the next learner; the length of its HTML, so that nothing is left out.</summary>
    public async Task<int> RenderAsync()
    {
        Next();
        await using var scope = host.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<HomeContent>()).ToHtmlString());
        return html.Length;
    }

    private sealed class NoBrowser : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException("A page rendered on the server calls no script before it reaches a browser.");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            throw new InvalidOperationException("A page rendered on the server calls no script before it reaches a browser.");
    }

    private sealed class ServerAddress : NavigationManager
    {
        public ServerAddress() => Initialize("http://localhost/", "http://localhost/");
    }
}
