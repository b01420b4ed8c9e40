using Microsoft.Playwright;
using TrainingHub.TestKit.Web;

namespace TrainingHub.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task A_new_administrator_must_turn_on_two_factor_and_then_signs_in_with_a_code()
    {
        await session.App.CreateAdministratorAsync("new.admin@traininghub.example", "Нова Адміністраторка");
        var page = await session.NewPageAsync();

        await SignInWithPasswordAsync(page, "new.admin@traininghub.example");
        await page.WaitForURLAsync("**/account/two-factor", PageActions.Committed);
        await Assertions.Expect(page.Locator("#two-factor-required")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-код для додавання TrainingHub до застосунку-автентифікатора" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/people");
        Assert.EndsWith("/account/two-factor", page.Url);

        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        await page.GetByLabel("Код із застосунку").FillAsync(await TrainingHubApp.UnusedAuthenticatorCodeAsync(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Увімкнути двофакторний вхід" }).ClickAsync();

        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("#download-codes")).ToHaveAttributeAsync("download", "traininghub-recovery-codes.txt");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Я зберіг(ла) коди" }).ClickAsync();
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#logout").ClickAsync();
        await page.WaitForURLAsync("**/account/login", PageActions.Committed);

        await SignInWithPasswordAsync(page, "new.admin@traininghub.example");
        await page.WaitForURLAsync("**/account/login-2fa**", PageActions.Committed);
        await Assertions.Expect(page.GetByLabel("Код із застосунку")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.EnterAuthenticatorCodeAsync(key);
        await page.GotoAsync("/people");
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Люди");
    }

    [Fact]
    public async Task The_demo_administrator_signs_in_with_the_code_for_the_published_demo_key()
    {
        var page = await session.NewPageAsync();

        await page.SignInAsync("admin@traininghub.example");

        await Assertions.Expect(page.Locator("#logout")).ToBeVisibleAsync();
        Assert.DoesNotContain("/account/", page.Url);
    }

    private static async Task SignInWithPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Електронна пошта").FillAsync(email);
        await page.GetByLabel("Пароль", new() { Exact = true }).FillAsync(TrainingHubApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
    }
}
