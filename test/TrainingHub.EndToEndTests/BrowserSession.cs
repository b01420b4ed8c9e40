using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TrainingHub.TestKit;
using TrainingHub.TestKit.Web;

namespace TrainingHub.EndToEndTests;

/// <summary>All browser tests share one app and one browser (Hangfire's statics allow one app per process at a time).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "browser";
}

/// <summary>
/// The app on a real port and Debian's Chromium driving it. Every page a test visits can be checked with axe.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public TrainingHubApp App { get; private set; } = null!;

    /// <summary>The mail server the app sends to, so tests can open the links people receive.</summary>
    public SmtpSink Mail { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Mail = await SmtpSink.StartAsync();
        App = new TrainingHubApp
        {
            RealServer = true,
            Settings = new Dictionary<string, string>
            {
                ["Mail:Smtp:Host"] = Mail.Host,
                ["Mail:Smtp:Port"] = Mail.Port.ToString(),
                ["Mail:Smtp:Security"] = "None",
            },
        };
        // Warm the app up so that browser steps are not timed against a cold start while the rest of the suite
        // shares the machine.
        using (var warmUp = new HttpClient { BaseAddress = new Uri(App.BaseUrl) })
        {
            await warmUp.GetStringAsync("/account/login");
        }
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TRAININGHUB_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser profile; pass a phone-sized viewport to see the app as most learners do.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            Locale = "uk-UA",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

internal static class PageActions
{
    /// <summary>
    /// Waits for an address only until the new page starts arriving, not for its every resource ("load"), which on a machine
    /// busy with the rest of the suite can take longer than the step's timeout; the next step waits for what it needs.
    /// </summary>
    public static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>Waits until the page is live (its circuit connected); clicks before that would be lost.</summary>
    public static Task WaitUntilInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive='true']").WaitForAsync();

    /// <summary>
    /// Picks an option of a MudSelect by the select's id. Once the select has a value its input is hidden, so the click
    /// goes to the select around it, as a person's would. Waits until the select holds the choice, that is until the app
    /// has taken it: a click made before that could reach the app first.
    /// </summary>
    public static async Task ChooseAsync(this IPage page, string selectId, string option)
    {
        var select = page.Locator($".mud-input-control.mud-select:has([id='{selectId}'])");
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = OptionNamed(option) }).ClickAsync();
        await Assertions.Expect(select).ToMatchAriaSnapshotAsync($"- combobox: \"{option}\"");
    }

    /// <summary>Picks an option of a search-as-you-type picker (units, people) by typing part of its name.</summary>
    public static async Task PickAsync(this IPage page, string inputId, string typed, string option)
    {
        var input = page.Locator($"input[id='{inputId}']");
        await input.FillAsync(typed);
        await page.GetByRole(AriaRole.Option, new() { NameRegex = OptionNamed(option) }).ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(option);
    }

    /// <summary>An option with this name, alone or followed by where it sits (the shared pickers show a unit's path).</summary>
    private static Regex OptionNamed(string name) => new($"^{Regex.Escape(name)}( · .*)?$");

    /// <summary>Opens a page of the app and waits until it is live.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitUntilInteractiveAsync();
    }

    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel(Texts.Email).FillAsync(email);
        await page.GetByLabel(Texts.Password).FillAsync(TrainingHubApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = Texts.SignIn }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.EndsWith("/account/login", StringComparison.Ordinal), Committed);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Signing in as {email} stayed on {page.Url}, which says: {await page.Locator("body").InnerTextAsync()}");
        }
        if (page.Url.Contains("/account/login-2fa"))
        {
            await page.EnterAuthenticatorCodeAsync(TrainingHubApp.DemoAuthenticatorKey);
        }
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>The second sign-in step: types a code an app with this key shows now, one not used before.</summary>
    public static async Task EnterAuthenticatorCodeAsync(this IPage page, string key)
    {
        await page.GetByLabel(Texts.Code).FillAsync(await TrainingHubApp.UnusedAuthenticatorCodeAsync(key));
        await page.GetByRole(AriaRole.Button, new() { Name = Texts.Continue }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"), Committed);
    }

    /// <summary>No serious or critical accessibility violations on the page as it stands.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // A colour still fading between two states (a chip turning from grey to green) would be measured half-way:
        // the page is checked as the person sees it once it has settled.
        await page.EvaluateAsync("""
            () => Promise.all(document.getAnimations()
                .filter(a => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity)
                .map(a => a.finished.catch(() => null)))
            """);
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n  " + string.Join("\n  ", v.Nodes.Select(n => $"{n.Target}: {string.Join("; ", n.Any.Select(c => c.Message))}")))
            .ToList();
        Assert.True(serious.Count == 0, $"Accessibility problems on {page.Url}:\n" + string.Join("\n", serious));
    }

    /// <summary>
    /// Null when the page fits the screen's width; otherwise the outermost elements that stick out, to say what to fix.
    /// </summary>
    public static Task<string?> OverflowAsync(this IPage page) =>
        page.EvaluateAsync<string?>("""
            () => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return null;
                const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1);
                const outermost = wide.filter(e => !wide.includes(e.parentElement)).slice(0, 3);
                return outermost.map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)}px)`).join(', ');
            }
            """);

    /// <summary>Nothing on the page is wider than the screen, so nobody has to scroll sideways to read or to tap.</summary>
    public static async Task AssertFitsScreenAsync(this IPage page)
    {
        var overflow = await page.OverflowAsync();
        Assert.True(overflow is null, $"{page.Url} is wider than the screen: {overflow}");
    }

    /// <summary>
    /// Opens a page and notes, rather than fails on, what a phone user would trip over: sideways scrolling, filters
    /// spilling over what follows, and serious accessibility problems; so one test can report every page at once.
    /// </summary>
    public static async Task CheckOnPhoneAsync(this IPage page, string path, List<string> problems)
    {
        await page.OpenAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Завантаження…" })).ToHaveCountAsync(0);
        var overflow = await page.OverflowAsync();
        if (overflow is not null)
        {
            problems.Add($"{path} is wider than the phone: {overflow}");
        }
        var spilled = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('main .mud-toolbar')].filter(t => t.scrollHeight > t.clientHeight + 1).length");
        if (spilled > 0)
        {
            problems.Add($"{path} has {spilled} toolbar(s) whose filters spill over what follows");
        }
        try
        {
            await page.AssertAccessibleAsync();
        }
        catch (Exception axe) when (axe is Xunit.Sdk.XunitException)
        {
            problems.Add($"{path}: {axe.Message}");
        }
    }

    private static class Texts
    {
        public const string Email = "Електронна пошта";
        public const string Password = "Пароль";
        public const string SignIn = "Увійти";
        public const string Code = "Код із застосунку";
        public const string Continue = "Продовжити";
    }
}
