using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrainingHub.SharedKernel.Api;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.SharedKernel.Abuse;

/// <summary>How many times something may be done in a window, per client or per person.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}

/// <summary>
/// The rate limits, by name, from the configuration section <c>RateLimits</c> (e.g. <c>RateLimits:SignIn:PermitLimit</c>)
/// over the defaults in <see cref="RateLimits.Defaults"/>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public Dictionary<string, RateLimitRule> Rules { get; } = new(StringComparer.OrdinalIgnoreCase);

    public RateLimitRule this[string name] => Rules[name];
}

/// <summary>
/// Limits on what an attacker would repeat: guessing passwords and codes, asking for reset e-mails, sending
/// invitations, importing files and calling the API. Form posts and API calls are limited by ASP.NET Core's rate
/// limiter (the policies of <see cref="RateLimitingSetup"/>, answering 429); actions taken on interactive pages, which never reach
/// the middleware, ask <see cref="TryAcquire"/> in their service and answer <see cref="TooManyRequests"/>.
/// </summary>
public sealed class RateLimits : IDisposable
{
    public const string SignIn = "SignIn";
    public const string TwoFactor = "TwoFactor";
    public const string ForgotPassword = "ForgotPassword";
    public const string ResetMailsPerAddress = "ResetMailsPerAddress";
    public const string Invitations = "Invitations";
    public const string Imports = "Imports";
    public const string Api = "Api";
    public const string Verification = "Verification";

    /// <summary>Generous for people, tight for scripts; documented in the README's configuration table.</summary>
    public static IReadOnlyDictionary<string, (int PermitLimit, int WindowSeconds)> Defaults { get; } =
        new Dictionary<string, (int, int)>
        {
            [SignIn] = (20, 60),
            [TwoFactor] = (10, 300),
            [ForgotPassword] = (5, 900),
            [ResetMailsPerAddress] = (3, 3600),
            [Invitations] = (1000, 3600),
            [Imports] = (30, 3600),
            [Api] = (300, 60),
            [Verification] = (30, 60),
        };

    /// <summary>An action refused because it was repeated too often; the API answers 429.</summary>
    public static Error TooManyRequests { get; } = new(ErrorKind.TooManyRequests, "Error:TooManyRequests", []);

    private readonly IOptions<RateLimitOptions> _options;
    private readonly Dictionary<string, PartitionedRateLimiter<string>> _limiters;

    public RateLimits(IOptions<RateLimitOptions> options)
    {
        _options = options;
        _limiters = Defaults.Keys.ToDictionary(name => name, name => PartitionedRateLimiter.Create<string, string>(
            key => RateLimitPartition.GetFixedWindowLimiter(key, _ => WindowFor(options.Value[name]))), StringComparer.Ordinal);
    }

    /// <summary>
    /// Takes <paramref name="permits"/> permits (one per invitation, say) for the signed-in person: false when not
    /// enough are left in this window. Limits are per node; a deployment of several nodes allows that many times more.
    /// </summary>
    public bool TryAcquire(string limit, ICurrentUser user, int permits = 1)
    {
        if (permits > _options.Value[limit].PermitLimit)
        {
            return false;
        }
        using var lease = _limiters[limit].AttemptAcquire(user.UserId?.ToString() ?? "anonymous", permits);
        return lease.IsAcquired;
    }

    internal static FixedWindowRateLimiterOptions WindowFor(RateLimitRule rule) => new()
    {
        PermitLimit = rule.PermitLimit,
        Window = TimeSpan.FromSeconds(rule.WindowSeconds),
        QueueLimit = 0,
    };

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}

/// <summary>
/// The rate limiter's policies: sign-in, two-factor and forgot-password forms per client address (only posts count),
/// the API per person (token or cookie) or per client; a refusal is 429 with problem details or a short page.
/// </summary>
public static class RateLimitingSetup
{
    /// <summary>The options with every default filled in, and the middleware's policies for form posts and the API.</summary>
    internal static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Configure(o =>
        {
            foreach (var (name, (permitLimit, windowSeconds)) in RateLimits.Defaults)
            {
                var rule = new RateLimitRule { PermitLimit = permitLimit, WindowSeconds = windowSeconds };
                configuration.GetSection($"{RateLimitOptions.Section}:{name}").Bind(rule);
                o.Rules[name] = rule;
            }
        });
        services.AddSingleton<RateLimits>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            foreach (var name in new[] { RateLimits.SignIn, RateLimits.TwoFactor, RateLimits.ForgotPassword })
            {
                // Only submitted forms count: showing the page again costs an attacker nothing.
                o.AddPolicy(name, context => HttpMethods.IsPost(context.Request.Method)
                    ? Partition(context, name, ClientAddress(context))
                    : RateLimitPartition.GetNoLimiter(""));
            }
            // Certificates are checked without signing in: per client address, so numbers cannot be tried at speed.
            o.AddPolicy(RateLimits.Verification, context => Partition(context, RateLimits.Verification, ClientAddress(context)));
            o.AddPolicy(RateLimits.Api, context => Partition(context, RateLimits.Api,
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } person ? $"person:{person}" : ClientAddress(context)));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string name, string key)
    {
        var rule = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value[name];
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => RateLimits.WindowFor(rule));
    }

    /// <summary>The client's address as the host sees it (after any trusted proxy's forwarded headers).</summary>
    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address ? $"ip:{address}" : "ip:unknown";

    /// <summary>Problem details under <c>/api</c>; a short page in the reader's language otherwise, with when to try again.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var texts = context.RequestServices.GetRequiredService<IStringLocalizer<CommonResource>>();
        var minutes = 1;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        }
        if (context.Request.IsApiRequest())
        {
            await RateLimits.TooManyRequests.ToProblem(texts).ExecuteAsync(context);
            return;
        }
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Html(texts["TooManyRequests:Title"])} · TrainingHub</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
            <main>
            <h1>{Html(texts["TooManyRequests:Title"])}</h1>
            <p>{Html(texts["TooManyRequests:Text", minutes])}</p>
            <p><a href="/">{Html(texts["TooManyRequests:Home"])}</a></p>
            </main>
            </body>
            </html>
            """, cancellationToken);
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
