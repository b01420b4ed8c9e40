using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class PeopleJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task A_coordinator_finds_a_colleague_opens_their_profile_and_deactivates_them()
    {
        var page = await session.NewPageAsync();
        await page.SignInAsync("coordinator@traininghub.example");

        await page.GetByRole(AriaRole.Button, new() { Name = "Адміністрування" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Головне меню" }).GetByRole(AriaRole.Link, new() { Name = "Люди" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Оксана Волонтерка" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ірина Лисенко" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Пошук за ім’ям або електронною поштою").FillAsync("мельник");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Оксана Волонтерка" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Олександр Мельник" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Олександр Мельник");
        await Assertions.Expect(page.GetByText("Коростенська міська громада").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Деактивувати" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Деактивувати Олександр Мельник?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Деактивувати" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Деактивовано", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Активувати знову" })).ToBeVisibleAsync();
    }
}
