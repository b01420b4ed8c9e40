using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingHub.SharedKernel.Mail;

namespace TrainingHub.SharedKernel.Hosting;

/// <summary>
/// What every answer carries and what the app trusts about a request: which proxies may say where a request came from
/// and over what, the headers that keep pages out of frames and scripts to the app's own, and cookies marked Secure over
/// HTTPS. In Production the app also refuses to start without its public address and its host names.
/// </summary>
internal static class WebSecurity
{
    public const string ForwardedHeadersSection = "ForwardedHeaders";

    /// <summary>Blazor Server runs on blazor.web.js and a websocket to the same origin; MudBlazor sets inline styles.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "font-src 'self' data:; connect-src 'self'; media-src 'self'; " +
        // Video lessons embed YouTube (no-cookie) and Vimeo players.
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page starts its viewer with an inline script.</summary>
    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), " +
        "interest-cohort=()";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Beside ASP.NET's loopback defaults, only the balancers named here may say where a request came from.
            var section = configuration.GetSection(ForwardedHeadersSection);
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });

        var production = environment.IsProduction();
        services.AddOptions<MailOptions>()
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) ? !production : IsAbsoluteWebAddress(o.PublicBaseUrl),
                "Mail:PublicBaseUrl must be set to the app's public address, an absolute http or https URL such as " +
                "https://learn.example.org/: links in e-mail are built from it, never from the address a request was sent to.")
            .ValidateOnStart();
        services.AddOptions<HostFilteringOptions>()
            .Validate(o => !production || (o.AllowedHosts.Count > 0 && !o.AllowedHosts.Contains("*")),
                "AllowedHosts must name the host names the app answers to, separated by ';' (such as learn.example.org), " +
                "not '*': requests for any other host are then refused.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/reference")
                ? ApiReferencePolicy
                : ContentSecurityPolicy;
            return next(context);
        });
        app.UseCookiePolicy();
        return app;
    }

    private static bool IsAbsoluteWebAddress(string address) =>
        Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
