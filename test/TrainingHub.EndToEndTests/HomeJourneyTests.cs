using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// Each demo person's first screen answers "what do I do next?" with their real next task, one tap from where it is
/// done, on a 360-pixel phone and on a desktop, and reads well to a screen reader in Ukrainian and in English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeJourneyTests(BrowserSession session)
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    /// <summary>Signs in on a screen of this size and checks the home page fits it and reads well in Ukrainian and in English.</summary>
    private async Task<IPage> HomeAsync(string email, ViewportSize screen)
    {
        var page = await session.NewPageAsync(screen);
        await page.SignInAsync(email);
        await page.OpenAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Вітаємо");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Завантаження…" })).ToHaveCountAsync(0);
        if (screen.Width < 600)
        {
            // On a phone the menu stays out of the way until asked for, leaving the screen to the home page.
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Головне меню" })).Not.ToBeInViewportAsync();
        }
        await page.AssertFitsScreenAsync();
        await page.AssertAccessibleAsync();
        return page;
    }

    private static async Task InEnglishAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "ENG" }).First.ClickAsync();
        // The language is set by a new page load: the old page stays until the new one has arrived.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Loading…" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_demo_learner_continues_her_course_from_the_first_screen_of_her_phone()
    {
        var page = await HomeAsync("learner@traininghub.example", Phone);

        var course = page.Locator("#next-steps .th-step", new() { HasText = "Перша психологічна допомога: основи" });
        await Assertions.Expect(course).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#home-my-pathway")).ToContainTextAsync("Волонтер");
        var bar = page.GetByRole(AriaRole.Navigation, new() { Name = "Мої розділи" });
        await Assertions.Expect(bar.GetByRole(AriaRole.Link, new() { Name = "Моє навчання" })).ToBeInViewportAsync();

        await course.Locator(".th-step-go").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/learning/"), PageActions.Committed);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("перша психологічна допомога", new() { IgnoreCase = true });
    }

    [Fact]
    public async Task The_demo_learner_sees_the_same_steps_on_a_desktop_in_English()
    {
        var page = await HomeAsync("learner@traininghub.example", Desktop);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Мої розділи" })).Not.ToBeVisibleAsync();

        await InEnglishAsync(page);

        await Assertions.Expect(page.Locator("#next-title")).ToHaveTextAsync("What to do next");
        await Assertions.Expect(page.Locator("#next-steps .th-step").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_demo_supervisor_sees_the_people_she_supervises_and_opens_what_waits_for_her_with_one_tap()
    {
        var phone = await HomeAsync("supervisor@traininghub.example", Phone);
        var people = phone.Locator("#home-supervision-people");
        await Assertions.Expect(people.Locator("#home-people li").First).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#home-learning-overdue")).ToBeVisibleAsync();

        var desktop = await HomeAsync("supervisor@traininghub.example", Desktop);
        var first = desktop.Locator("#home-supervision-people a[href^='supervision/']").First;
        var target = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        await desktop.WaitForURLAsync(url => url.Contains("/supervision/"), PageActions.Committed);
        Assert.Contains(target!.Split('?', '#')[0], desktop.Url);
        await Assertions.Expect(desktop.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await desktop.OpenAsync("/");
        await InEnglishAsync(desktop);
        await Assertions.Expect(desktop.Locator("#home-People")).ToHaveTextAsync("People I support");
    }

    [Fact]
    public async Task The_demo_coordinator_sees_her_oblast_only_with_the_units_that_need_attention_first()
    {
        var phone = await HomeAsync("coordinator@traininghub.example", Phone);
        var area = phone.Locator(".th-home-section[data-section='Area']");
        await Assertions.Expect(area.Locator("#home-workforce-attention")).ToBeVisibleAsync();
        await Assertions.Expect(area.Locator("#home-competency-coverage")).ToBeVisibleAsync();
        await Assertions.Expect(area.Locator("#home-supervision-coverage")).ToBeVisibleAsync();
        await Assertions.Expect(area.Locator("#home-learning-completion")).ToBeVisibleAsync();
        await Assertions.Expect(area).Not.ToContainTextAsync("Львів");

        var desktop = await HomeAsync("coordinator@traininghub.example", Desktop);
        var unit = desktop.Locator("#home-workforce-attention a[href*='workforce/']").First;
        await unit.ClickAsync();
        await desktop.WaitForURLAsync(url => url.Contains("/workforce/"), PageActions.Committed);
        await Assertions.Expect(desktop.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await desktop.OpenAsync("/");
        await InEnglishAsync(desktop);
        await Assertions.Expect(desktop.Locator("#home-Area")).ToHaveTextAsync("My area");
    }

    [Fact]
    public async Task The_demo_administrator_sees_background_work_mail_and_security_events_and_opens_the_audit_trail()
    {
        var phone = await HomeAsync("admin@traininghub.example", Phone);
        var administration = phone.Locator(".th-home-section[data-section='Administration']");
        await Assertions.Expect(administration.Locator("#home-jobs")).ToBeVisibleAsync();
        await Assertions.Expect(administration.Locator("#home-audit-security")).ToBeVisibleAsync();

        var desktop = await HomeAsync("admin@traininghub.example", Desktop);
        await desktop.Locator("#home-audit-security-all").ClickAsync();
        await desktop.WaitForURLAsync(url => url.Contains("/audit"), PageActions.Committed);
        await Assertions.Expect(desktop.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await desktop.OpenAsync("/");
        await InEnglishAsync(desktop);
        await Assertions.Expect(desktop.Locator("#home-Administration")).ToHaveTextAsync("Administration");
    }

    [Fact]
    public async Task The_demo_mentor_sees_the_people_she_mentors_and_opens_one_with_one_tap()
    {
        var phone = await HomeAsync("mentor@traininghub.example", Phone);
        var people = phone.Locator("#home-supervision-people");
        await Assertions.Expect(people.Locator("#home-people li").First).ToBeVisibleAsync();

        var desktop = await HomeAsync("mentor@traininghub.example", Desktop);
        var first = desktop.Locator("#home-supervision-people a[href^='supervision/']").First;
        await first.ClickAsync();
        await desktop.WaitForURLAsync(url => url.Contains("/supervision/"), PageActions.Committed);
        await Assertions.Expect(desktop.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await desktop.OpenAsync("/");
        await InEnglishAsync(desktop);
        await Assertions.Expect(desktop.Locator("#home-supervision-people h3")).ToBeVisibleAsync();
    }
}
