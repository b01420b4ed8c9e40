using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// The content security policy lets everything the app itself needs run: Blazor's connection, MudBlazor's scripts and
/// styles, the job dashboard and the API reference. Chromium reports whatever the policy refuses on the console.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserSession session)
{
    [Fact]
    public async Task Nothing_the_app_needs_is_refused_by_the_content_security_policy()
    {
        var page = await session.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add($"{page.Url}: {message.Text}");
            }
        };

        await page.GotoAsync("/account/login");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.SignInAsync("admin@traininghub.example");
        foreach (var path in new[] { "/", "/learning/courses", "/learning/my", "/organisations", "/people", "/notifications", "/account/manage" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await page.GotoAsync("/learning/courses");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("a[href^='learning/courses/'], a[href^='/learning/courses/']").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync("/jobs");
        await Assertions.Expect(page.Locator("#stats, .navbar").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync("/api/reference/");
        await Assertions.Expect(page.GetByText("TrainingHub API").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(refused.Count == 0, "Refused by the content security policy:\n" + string.Join("\n", refused));
    }
}
