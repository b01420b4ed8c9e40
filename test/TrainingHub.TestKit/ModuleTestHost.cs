using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Hosting;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.TestKit;

/// <summary>
/// Starts modules the way the app does, without a web server: the same registrations, a fresh migrated
/// database, and <see cref="User"/> as the signed-in person. <c>replace</c> may swap services, such as the clock.
/// Background jobs are queued but not run: tests run a job by calling it.
/// </summary>
public sealed class ModuleTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private readonly string _dataFolder;

    private readonly Func<Task<ModuleTestHost>> _restart;

    private ModuleTestHost(ServiceProvider services, TestUser user, string dataFolder, Func<Task<ModuleTestHost>> restart)
    {
        _services = services;
        _dataFolder = dataFolder;
        _restart = restart;
        User = user;
    }

    /// <summary>The public address links in messages start with, unless a test sets its own.</summary>
    public const string PublicBaseUrl = "https://traininghub.example/";

    public TestUser User { get; }

    public IServiceProvider Services => _services;

    public static async Task<ModuleTestHost> StartAsync(
        ITestDatabaseServer server, IEnumerable<TrainingHubModule> modules, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? replace = null) =>
        await StartOnAsync(server, await server.CreateDatabaseAsync(), [.. modules], settings, replace);

    /// <summary>
    /// Another host on the same database, as the app after a restart (or a second node): nothing held in memory by
    /// this one carries over. Dispose this one first when it stands for the app before the restart.
    /// </summary>
    public Task<ModuleTestHost> RestartAsync() => _restart();

    /// <summary>Delivers integration events until none is due, as the dispatcher's job does in the app; answers how many it took up.</summary>
    public async Task<int> DeliverEventsAsync()
    {
        var taken = 0;
        while (await Get<IntegrationEventDispatcher>().DispatchAsync(CancellationToken.None) is > 0 and var round)
        {
            taken += round;
        }
        return taken;
    }

    /// <summary>The events of one type in a module's outbox, oldest first, as its handlers will read them.</summary>
    public async Task<IReadOnlyList<TEvent>> PublishedAsync<TEvent, TContext>()
        where TContext : DbContext
    {
        var name = IntegrationEventAttribute.NameOf(typeof(TEvent));
        await using var db = Get<IDbContextFactory<TContext>>().CreateDbContext();
        var payloads = await db.Set<IntegrationEventRecord>().Where(r => r.EventType == name).OrderBy(r => r.CreatedAtUtc).Select(r => r.Payload).ToListAsync();
        return [.. payloads.Select(p => JsonSerializer.Deserialize<TEvent>(p, JsonSerializerOptions.Web)!)];
    }

    private static async Task<ModuleTestHost> StartOnAsync(
        ITestDatabaseServer server, string connectionString, IReadOnlyList<TrainingHubModule> modules, IDictionary<string, string?>? settings,
        Action<IServiceCollection>? replace)
    {
        var dataFolder = Directory.CreateTempSubdirectory("traininghub-data-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataFolder"] = dataFolder,
                ["Mail:PublicBaseUrl"] = PublicBaseUrl,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        var environment = new TestEnvironment();
        services.AddTrainingHubCore(configuration, environment);
        services.Configure<DatabaseOptions>(o =>
        {
            o.Provider = server.Provider;
            o.ConnectionString = connectionString;
        });
        foreach (var module in modules)
        {
            services.AddTrainingHubModule(module, configuration, environment);
        }
        var user = new TestUser();
        services.AddSingleton(user);
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestUser>());
        services.AddSingleton<IActingUser>(user);
        services.AddSingleton<RecordingJobClient>();
        services.AddSingleton<IBackgroundJobClient>(sp => sp.GetRequiredService<RecordingJobClient>());
        replace?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
        foreach (var initializer in provider.GetServices<IModuleInitializer>().InStartOrder())
        {
            await initializer.InitialiseAsync(CancellationToken.None);
        }
        return new ModuleTestHost(provider, user, dataFolder, () => StartOnAsync(server, connectionString, modules, settings, replace));
    }

    /// <summary>A service as a page would get it, in a scope of its own.</summary>
    public T Get<T>() where T : notnull => _services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }
}

/// <summary>A host environment named Testing, for starting modules outside a web host.</summary>
public sealed class TestEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Testing";
    public string ApplicationName { get; set; } = "TrainingHub.Tests";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
