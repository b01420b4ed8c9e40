using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// The quick search in the app bar: a coordinator finds one of her people by typing part of the name and opens the profile
/// from the keyboard; a volunteer on her phone opens the search from its icon and finds nobody, because she sees no people.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuickSearchJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task A_coordinator_finds_a_person_and_opens_the_profile_with_the_keyboard()
    {
        var page = await session.NewPageAsync();
        await page.SignInAsync("coordinator@traininghub.example");
        await page.OpenAsync("/competencies/my");
        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Пошук" });

        // Тетяна Шевчук works in Korosten, in the coordinator's oblast; no other journey changes her.
        await search.FillAsync("шевчук");

        var results = page.GetByRole(AriaRole.Listbox, new() { Name = "Результати пошуку" });
        await Assertions.Expect(results.GetByRole(AriaRole.Option, new() { Name = "Тетяна Шевчук" })).ToBeVisibleAsync();
        await Assertions.Expect(results.GetByRole(AriaRole.Group, new() { Name = "Особа" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await search.PressAsync("ArrowDown");
        await search.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Тетяна Шевчук");
        await Assertions.Expect(results).Not.ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_search_opens_from_its_icon_across_the_bar_and_a_volunteer_finds_no_people()
    {
        var page = await session.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await page.SignInAsync("learner@traininghub.example");
        await page.OpenAsync("/competencies/my");
        await page.AssertFitsScreenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Пошук" }).ClickAsync();
        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Пошук" });
        await Assertions.Expect(search).ToBeFocusedAsync();
        await search.FillAsync("мельник");

        await Assertions.Expect(page.Locator("#app-search-empty")).ToHaveTextAsync("Нічого не знайдено");
        await page.AssertFitsScreenAsync();
        await page.AssertAccessibleAsync();
        await search.PressAsync("Escape");
        await search.PressAsync("Escape");
        await Assertions.Expect(search).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Пошук" })).ToBeVisibleAsync();
    }
}
