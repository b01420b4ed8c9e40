using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Hangfire;
using TrainingHub.SharedKernel.Abuse;
using TrainingHub.SharedKernel.Api;
using TrainingHub.SharedKernel.Events;
using MudBlazor;
using MudBlazor.Services;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.SharedKernel.Hosting;

/// <summary>What the host calls, in order: AddPlatform, AddModule for each module, then UsePlatform and MapModules.</summary>
public static class PlatformExtensions
{
    /// <summary>Services every module relies on: database settings, clock, localisation, authorisation, UI components.</summary>
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddTrainingHubCore(configuration, builder.Environment);
        services.AddWebSecurity(configuration, builder.Environment);
        services.AddBackgroundJobServer();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures.Default)
                .AddSupportedCultures([.. Cultures.Supported])
                .AddSupportedUICultures([.. Cultures.Supported]);
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), ApiEndpoints.AcceptLanguageForApi];
        });
        services.AddApi();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();

        // Ukrainian pages are sent as readable UTF-8 rather than as numeric character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddMudServices(o =>
        {
            // Messages appear and go at once: a fading message is briefly unreadable, and motion helps no one here.
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
        });
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddHealthChecks();
        return builder;
    }

    /// <summary>Adds a module: records it in the catalogue and lets it register its services.</summary>
    public static WebApplicationBuilder AddModule<TModule>(this WebApplicationBuilder builder)
        where TModule : TrainingHubModule, new()
    {
        builder.Services.AddTrainingHubModule(new TModule(), builder.Configuration, builder.Environment);
        return builder;
    }

    /// <summary>
    /// The services that need no web host: module catalogue, clock, localisation, current user and access control.
    /// Tests start modules on these alone.
    /// </summary>
    public static IServiceCollection AddTrainingHubCore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataFolder = Path.GetFullPath(configuration["DataFolder"] ?? Path.Combine(environment.ContentRootPath, "App_Data"));
        Directory.CreateDirectory(dataFolder);
        services.AddSingleton(new DataFolder(dataFolder));
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .PostConfigure(o => o.ConnectionString ??= configuration.GetConnectionString("TrainingHub")
                ?? (o.Provider == DatabaseProvider.Sqlite
                    ? $"Data Source={Path.Combine(dataFolder, "traininghub.db")}"
                    : throw new InvalidOperationException(
                        "Database:Provider is PostgreSql but no connection string is set: set ConnectionStrings:TrainingHub or Database:ConnectionString.")));

        // Keys that protect sign-in cookies and links live with the app's data, so they survive restarts and
        // one installation never reads another's.
        services.AddKeyRing(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new ModuleCatalog());
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddLocalization();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IAccessControl, AccessControl>();
        services.AddSingleton<IActingUser, AmbientActingUser>();
        services.AddBackgroundJobs();
        services.AddMail(configuration);
        services.AddIntegrationEvents();
        services.AddRateLimits(configuration);
        services.AddTrainingHubModule(new PlatformModule(), configuration, environment);
        return services;
    }

    /// <summary>Records a module in the catalogue and lets it register its services.</summary>
    public static IServiceCollection AddTrainingHubModule(
        this IServiceCollection services, TrainingHubModule module, IConfiguration configuration, IHostEnvironment environment)
    {
        Catalog(services).Add(module);
        module.AddServices(services, configuration, environment);
        return services;
    }

    /// <summary>Runs every module's start-up work (migrations, demo data) and schedules its recurring jobs before the app serves anyone.</summary>
    public static async Task InitialiseModulesAsync(this WebApplication app)
    {
        // Settings the app cannot run safely without are checked before any database is touched.
        app.Services.GetService<IStartupValidator>()?.Validate();
        // Demo accounts share a published password, so a deployment that loads them says so at every start.
        if (!app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("DemoData:Enabled"))
        {
            app.Logger.LogWarning(
                "Demo data is turned on outside Development (DemoData:Enabled=true): demo accounts whose password is published " +
                "in the README can sign in. Set DemoData:Enabled=false for real use.");
        }
        foreach (var initializer in app.Services.GetServices<IModuleInitializer>().InStartOrder())
        {
            await initializer.InitialiseAsync(app.Lifetime.ApplicationStopping);
        }
        var recurringJobs = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.ScheduleJobs(recurringJobs);
        }
    }

    /// <summary>The request pipeline shared by every page and endpoint.</summary>
    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseWebSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseApiStatusCodes();
        app.UseRequestLocalization();
        app.UseAuthentication();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.UseAfterAuthentication(app);
        }
        // After authentication, so that the API is limited per person rather than per shared office address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapJobsDashboard();
        app.MapGet("/culture/set", SetCulture).AllowAnonymous();
        app.MapApiDocuments();
        return app;
    }

    /// <summary>Maps every module's endpoints and the Blazor app with every module's pages.</summary>
    public static WebApplication MapModules<TApp>(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        foreach (var module in catalog.Modules)
        {
            module.MapEndpoints(app);
        }
        app.MapRazorComponents<TApp>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies([.. catalog.PageAssemblies]);
        return app;
    }

    /// <summary>Remembers the chosen language in a cookie for a year and returns to the page the person was on.</summary>
    private static IResult SetCulture(string culture, string? redirectUri, HttpContext context)
    {
        if (Cultures.Supported.Contains(culture))
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }
        var target = string.IsNullOrEmpty(redirectUri) || !redirectUri.StartsWith('/') || redirectUri.StartsWith("//") ? "/" : redirectUri;
        return Results.LocalRedirect(target);
    }

    private static ModuleCatalog Catalog(IServiceCollection services) =>
        (ModuleCatalog)services.Single(d => d.ServiceType == typeof(ModuleCatalog)).ImplementationInstance!;
}
