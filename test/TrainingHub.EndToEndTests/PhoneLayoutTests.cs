using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>Many learners use a phone: the menu stays out of the way until asked for.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserSession session)
{
    [Fact]
    public async Task On_a_phone_the_menu_opens_from_the_menu_button_and_its_administration_group_leads_to_the_organisations()
    {
        var page = await session.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.SignInAsync("learner@traininghub.example");
        var organisationsLink = page.GetByRole(AriaRole.Navigation, new() { Name = "Головне меню" }).GetByRole(AriaRole.Link, new() { Name = "Організації" });

        await Assertions.Expect(organisationsLink).Not.ToBeInViewportAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeInViewportAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Показати або сховати меню" }).ClickAsync();
        // The organisations are listed under Administration, a group that starts closed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Адміністрування" }).ClickAsync();
        await organisationsLink.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Організації");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Житомирська міська громада" })).ToBeInViewportAsync();
    }
}
