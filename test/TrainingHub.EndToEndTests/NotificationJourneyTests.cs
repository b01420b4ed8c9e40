using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class NotificationJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task A_learner_opens_the_bell_reads_a_notification_marks_it_read_and_opens_the_settings()
    {
        var page = await session.NewPageAsync();
        await page.SignInAsync("learner@traininghub.example");
        var bell = page.Locator("#notification-bell");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Сповіщення (непрочитаних: 2)");

        await bell.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Сповіщення");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Оберіть мову листів у розділі «Мій обліковий запис»." })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Позначити прочитаним: Оберіть мову листів у розділі «Мій обліковий запис»." }).ClickAsync();

        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Сповіщення (непрочитаних: 1)");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Позначити прочитаним: Оберіть мову листів у розділі «Мій обліковий запис»." }))
            .ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Налаштування сповіщень" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Налаштування сповіщень");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Тихі години" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Зберегти" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Збережено.")).ToBeVisibleAsync();
    }
}
