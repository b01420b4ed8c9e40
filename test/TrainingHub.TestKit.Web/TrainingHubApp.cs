using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.SharedKernel.Abuse;
using TrainingHub.SharedKernel.Security;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.TestKit;

namespace TrainingHub.TestKit.Web;

/// <summary>
/// The whole app as a newcomer runs it: demo data, its own data folder, SQLite unless told otherwise.
/// With <c>realServer</c> it listens on a free local port, for a browser to drive.
/// </summary>
public sealed partial class TrainingHubApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = TrainingHub.Accounts.DemoData.DemoAccounts.Password;

    /// <summary>The demo administrator's authenticator key in Development.</summary>
    public const string DemoAuthenticatorKey = TrainingHub.Accounts.DemoData.DemoAccounts.AuthenticatorKey;

    /// <summary>The app's data folder: its SQLite database and, with no SMTP server, its outgoing mail.</summary>
    public string DataFolder { get; } = System.IO.Directory.CreateTempSubdirectory("traininghub-app-").FullName;

    /// <summary>Waits for the only message the app has written to its mail folder (with no SMTP server configured).</summary>
    public Task<MimeKit.MimeMessage> MailInFolderAsync() =>
        Eventually.FoundAsync(async () =>
        {
            var folder = Path.Combine(DataFolder, "mail");
            return Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml") is [var file]
                ? await MimeKit.MimeMessage.LoadAsync(file)
                : null;
        }, "a message in the app's mail folder");

    /// <summary>Development by default; Production shows what a deployment shows.</summary>
    public string Environment { get; init; } = "Development";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; init; }

    /// <summary>The app's clock; the system's unless a test moves time itself.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>More configuration, such as a mail server.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Listen on a free local port (for a browser) instead of serving in memory.</summary>
    public bool RealServer
    {
        init
        {
            if (value)
            {
                // The port is chosen before the start, as links in messages are built from an address set beforehand.
                var port = FreeLocalPort();
                UseKestrel(o => o.Listen(IPAddress.Loopback, port));
                PublicBaseUrl = $"http://127.0.0.1:{port}/";
            }
        }
    }

    /// <summary>Where links in the app's messages point: the app itself, so that tests can follow them.</summary>
    public string PublicBaseUrl { get; private set; } = "http://localhost/";

    /// <summary>The address of the running app, ending in a slash.</summary>
    public string BaseUrl
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress.ToString();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("DataFolder", DataFolder);
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("Mail:PublicBaseUrl", PublicBaseUrl);
        // Only the host names the test client and the browser use, as a deployment names its own (Production requires it).
        builder.UseSetting("AllowedHosts", "localhost;127.0.0.1");
        builder.UseSetting("Database:Provider", Provider.ToString());
        if (ConnectionString is not null)
        {
            builder.UseSetting("Database:ConnectionString", ConnectionString);
        }
        // Every test client comes from one address, and a class signs in more often than any person would: the
        // request limits are lifted unless a test sets them. The reset mails per address keep their real limit.
        foreach (var limit in RateLimits.Defaults.Keys.Where(l => l != RateLimits.ResetMailsPerAddress))
        {
            builder.UseSetting($"{RateLimitOptions.Section}:{limit}:PermitLimit", "100000");
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Signs a client in through the real sign-in form, antiforgery token included. When the person uses two-factor
    /// sign-in, the second step gets the code an app with <paramref name="authenticatorKey"/> (by default the demo
    /// administrator's) shows now.
    /// </summary>
    public static async Task SignInAsync(HttpClient client, string email, string password = DemoPassword, string authenticatorKey = DemoAuthenticatorKey)
    {
        var response = await PostFormAsync(client, "/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect && IsSecondStep(response))
        {
            response = await PostFormAsync(client, response.Headers.Location!.OriginalString, "login-2fa", new() { ["Input.Code"] = await UnusedAuthenticatorCodeAsync(authenticatorKey) });
        }
        if (response.StatusCode != HttpStatusCode.Redirect || IsSecondStep(response))
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect into the app.");
        }
    }

    /// <summary>Adds an administrator for everywhere, with the demo password and without two-factor sign-in yet.</summary>
    public Task CreateAdministratorAsync(string email, string fullName) => CreatePersonAsync(email, fullName, BuiltInRoles.Administrator, null);

    /// <summary>Adds a person with the demo password holding a built-in role at a unit, or everywhere when <paramref name="unitId"/> is null.</summary>
    public async Task CreatePersonAsync(string email, string fullName, string role, Guid? unitId)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName };
        var created = await users.CreateAsync(user, DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var held = await db.Roles.SingleAsync(r => r.Name == role);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, RoleId = held.Id, UnitId = unitId });
        await db.SaveChangesAsync();
    }

    /// <summary>The six-digit code an authenticator app with this key shows now.</summary>
    public static string AuthenticatorCode(string key) => TrainingHub.Accounts.Services.Totp.Code(key, DateTimeOffset.UtcNow);

    private static readonly Dictionary<string, long> LastStepUsed = [];

    /// <summary>
    /// A code an app with this key shows now or within the next half-minute that these tests have not used yet, as the
    /// app accepts each code once; when both are used, waits for the next one, as a person would.
    /// </summary>
    public static async Task<string> UnusedAuthenticatorCodeAsync(string key)
    {
        while (true)
        {
            var now = TrainingHub.Accounts.Services.Totp.Step(DateTimeOffset.UtcNow);
            lock (LastStepUsed)
            {
                var step = Math.Max(now, LastStepUsed.GetValueOrDefault(key, long.MinValue) + 1);
                if (step <= now + 1)
                {
                    LastStepUsed[key] = step;
                    return TrainingHub.Accounts.Services.Totp.CodeAt(key, step);
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static bool IsSecondStep(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString.Contains("/account/login-2fa", StringComparison.Ordinal) == true;
    /// <summary>A client that calls the API with a new personal token of the person with this e-mail address.</summary>
    public async Task<HttpClient> CreateApiClientAsync(string email)
    {
        var client = CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await IssueApiTokenAsync(email));
        return client;
    }

    /// <summary>Creates a personal API token for a person, as they would on their API tokens page, and returns its secret.</summary>
    public async Task<string> IssueApiTokenAsync(string email, int lifetimeDays = 30)
    {
        using var scope = Services.CreateScope();
        var person = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"Nobody has the address {email}.");
        return (await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(person.Id, "Tests", lifetimeDays)).Value.Secret;
    }

    /// <summary>Fills in and posts one of the app's static forms, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(path);
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static int FreeLocalPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
