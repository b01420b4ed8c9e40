using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// A deployment behind a balancer at 10.0.0.5 that ends TLS: pages and API answers carry the protective headers, and
/// cookies are Secure when the balancer says the request came over HTTPS. The same claim from anyone else is ignored.
/// </summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private const string Balancer = "10.0.0.5";

    private readonly TrainingHubApp _app = new()
    {
        Environment = "Production",
        Settings = new Dictionary<string, string>
        {
            ["AllowedHosts"] = "learn.example.org",
            ["Mail:PublicBaseUrl"] = "https://learn.example.org/",
            ["ForwardedHeaders:KnownProxies:0"] = Balancer,
        },
    };

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/v1/people")]
    public async Task Pages_and_api_answers_behind_the_balancer_carry_the_protective_headers(string path)
    {
        var answer = await GetAsync(path, from: Balancer);

        var headers = answer.Response.Headers;
        Assert.Equal("https", answer.Request.Scheme);
        Assert.StartsWith("max-age=", headers.StrictTransportSecurity.ToString());
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("strict-origin-when-cross-origin", headers["Referrer-Policy"].ToString());
        Assert.Contains("camera=()", headers["Permissions-Policy"].ToString());
        Assert.Contains("microphone=()", headers["Permissions-Policy"].ToString());
        Assert.Contains("geolocation=()", headers["Permissions-Policy"].ToString());
        var policy = headers.ContentSecurityPolicy.ToString();
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
    }

    [Fact]
    public async Task Cookies_are_secure_when_the_balancer_says_the_request_came_over_https()
    {
        var answer = await GetAsync("/account/login", from: Balancer);

        var cookies = Cookies(answer);
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.True(c.Secure, $"{c.Name} is not Secure"));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var answer = await GetAsync("/account/login", from: "203.0.113.7");

        Assert.Equal("http", answer.Request.Scheme);
        Assert.Equal(IPAddress.Parse("203.0.113.7"), answer.Connection.RemoteIpAddress);
        Assert.False(answer.Response.Headers.ContainsKey(HeaderNames.StrictTransportSecurity));
        Assert.All(Cookies(answer), c => Assert.False(c.Secure));
    }

    [Fact]
    public async Task The_client_address_comes_from_the_balancer_only()
    {
        var answer = await GetAsync("/account/login", from: Balancer);

        Assert.Equal(IPAddress.Parse("198.51.100.20"), answer.Connection.RemoteIpAddress);
    }

    private static IList<SetCookieHeaderValue> Cookies(HttpContext answer) =>
        SetCookieHeaderValue.ParseList(answer.Response.Headers.SetCookie.Select(c => c!).ToList());

    /// <summary>A request as the balancer (or someone pretending to be one) passes it on, for a client at 198.51.100.20.</summary>
    private Task<HttpContext> GetAsync(string path, string from) =>
        _app.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("learn.example.org");
            context.Request.Path = path;
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            context.Request.Headers["X-Forwarded-For"] = "198.51.100.20";
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        });
}
