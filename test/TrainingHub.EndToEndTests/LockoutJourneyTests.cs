using Microsoft.Playwright;
using TrainingHub.TestKit.Web;

namespace TrainingHub.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class LockoutJourneyTests(BrowserSession session)
{
    /// <summary>
    /// The journeys share one app, so the account this test locks for 15 minutes is one no other journey signs in with.
    /// </summary>
    private const string LockedAccount = "s.savchuk@traininghub.example";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var page = await session.NewPageAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await TrySignInAsync(page, "wrong-password-" + attempt);
            await Assertions.Expect(page.Locator("#login-error")).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.Locator("#login-error")).ToHaveTextAsync("Забагато невдалих спроб. Обліковий запис заблоковано на 15 хвилин.");
        await page.AssertAccessibleAsync();

        await TrySignInAsync(page, TrainingHubApp.DemoPassword);

        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("заблоковано");
        Assert.Contains("/account/login", page.Url);
    }

    private static async Task TrySignInAsync(IPage page, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Електронна пошта").FillAsync(LockedAccount);
        await page.GetByLabel("Пароль", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
    }
}
