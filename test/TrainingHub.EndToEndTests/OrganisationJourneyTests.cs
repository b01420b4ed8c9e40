using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>Whole journeys through the running app in a real browser, as the demo people.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganisationJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task A_coordinator_adds_a_hromada_with_an_organisation_finds_it_switches_language_and_signs_out()
    {
        var page = await session.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url);
        await page.AssertAccessibleAsync();
        await page.SignInAsync("coordinator@traininghub.example");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Вітаємо, Ігор Координатор");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Адміністрування" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Головне меню" }).GetByRole(AriaRole.Link, new() { Name = "Організації" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Житомирська область" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Житомирська область");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Додати громаду" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Нова організаційна одиниця");
        await page.GetByLabel("Назва (українською)").FillAsync("Звягельська міська громада");
        await page.GetByLabel("Назва англійською (необов’язково)").FillAsync("Zviahel City Hromada");
        await page.GetByLabel("Код КАТОТТГ").FillAsync("UA18040150000095227");
        await page.GetByLabel("Населення", new() { Exact = true }).FillAsync("55600");
        await page.GetByLabel("Дитяче населення").FillAsync("10400");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Зберегти" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Звягельська міська громада");

        await page.GetByRole(AriaRole.Link, new() { Name = "Додати організацію" }).ClickAsync();
        await page.GetByLabel("Назва (українською)").FillAsync("Центр соціальних служб Звягельської громади");
        await page.Locator("#unit-kind").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Центр надання соціальних послуг" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Зберегти" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Центр соціальних служб Звягельської громади");
        await page.AssertAccessibleAsync();

        // On an organisation's page its menu group is open.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Головне меню" }).GetByRole(AriaRole.Link, new() { Name = "Організації" }).ClickAsync();
        await page.GetByLabel("Знайти одиницю").FillAsync("звягель");
        await Assertions.Expect(page.GetByText("Показано 3 з ")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Центр соціальних служб Звягельської громади" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Коростенська міська громада" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "ENG" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "ENG" })).ClickAsync();
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Organisations");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zviahel City Hromada" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login"), PageActions.Committed);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await page.GotoAsync("/organisations");
        Assert.Contains("/account/login", page.Url);
    }

    [Fact]
    public async Task A_learner_cannot_open_the_organisation_editor_the_server_refuses_it()
    {
        var page = await session.NewPageAsync();
        await page.SignInAsync("learner@traininghub.example");

        var response = await page.GotoAsync("/organisations/new");

        Assert.Equal(302, (await response!.Request.RedirectedFrom!.ResponseAsync())!.Status);
        Assert.Contains("/account/access-denied", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Доступ заборонено");
        await page.AssertAccessibleAsync();

        await page.OpenAsync("/organisations");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Житомирська міська громада" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Додати область" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Львівська область" })).ToHaveCountAsync(0);
    }
}
