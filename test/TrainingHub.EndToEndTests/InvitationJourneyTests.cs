using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed partial class InvitationJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task A_coordinator_invites_a_volunteer_who_sets_a_password_from_the_email_and_signs_in()
    {
        var coordinator = await session.NewPageAsync();
        await coordinator.SignInAsync("coordinator@traininghub.example");
        await coordinator.OpenAsync("/people");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Запросити людину" }).ClickAsync();
        await coordinator.WaitUntilInteractiveAsync();
        await coordinator.GetByLabel("Повне ім’я").FillAsync("Дарина Запрошена");
        await coordinator.GetByLabel("Електронна пошта").FillAsync("daryna@traininghub.example");
        await coordinator.PickAsync("invite-unit", "коростен", "Коростенська міська громада");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Надіслати запрошення" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Дарина Запрошена");

        var message = await WaitForMessageAsync("daryna@traininghub.example");
        Assert.Equal("Запрошення до TrainingHub", message.Subject);
        var link = LinkPattern().Match(message.TextBody ?? "").Value;

        var invitee = await session.NewPageAsync();
        await invitee.GotoAsync(link);
        await Assertions.Expect(invitee.GetByText("Вітаємо, Дарина Запрошена.")).ToBeVisibleAsync();
        await invitee.AssertAccessibleAsync();
        await invitee.GetByLabel("Новий пароль", new() { Exact = true }).FillAsync("Daryna-password-1");
        await invitee.GetByLabel("Повторіть новий пароль").FillAsync("Daryna-password-2");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Встановити пароль" }).ClickAsync();
        await Assertions.Expect(invitee.Locator("#password-error")).ToHaveTextAsync("Паролі не збігаються.");
        await invitee.GetByLabel("Новий пароль", new() { Exact = true }).FillAsync("Daryna-password-1");
        await invitee.GetByLabel("Повторіть новий пароль").FillAsync("Daryna-password-1");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Встановити пароль" }).ClickAsync();
        await Assertions.Expect(invitee.Locator("#invitation-accepted")).ToBeVisibleAsync();

        await invitee.GotoAsync("/account/login");
        await invitee.GetByLabel("Електронна пошта").FillAsync("daryna@traininghub.example");
        await invitee.GetByLabel("Пароль").FillAsync("Daryna-password-1");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
        await Assertions.Expect(invitee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Вітаємо, Дарина Запрошена");

        await invitee.GotoAsync(link);
        await Assertions.Expect(invitee.Locator("#invitation-invalid")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_learner_who_forgot_the_password_chooses_a_new_one_from_the_email_after_a_mismatch()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Забули пароль?" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Відновлення пароля");
        await page.GetByLabel("Електронна пошта").FillAsync("p.hnatiuk@traininghub.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати посилання" }).ClickAsync();
        await Assertions.Expect(page.GetByText("лист із посиланням уже в дорозі", new() { Exact = false })).ToBeVisibleAsync();

        var message = await WaitForMessageAsync("p.hnatiuk@traininghub.example");
        await page.GotoAsync(LinkPattern().Match(message.TextBody ?? "").Value);
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Новий пароль", new() { Exact = true }).FillAsync("Petro-new-pass-7");
        await page.GetByLabel("Повторіть новий пароль").FillAsync("Petro-new-pass-8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Зберегти новий пароль" }).ClickAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToHaveTextAsync("Паролі не збігаються.");
        await page.GetByLabel("Новий пароль", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("Повторіть новий пароль").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Зберегти новий пароль" }).ClickAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#password-error")).Not.ToHaveTextAsync("Паролі не збігаються.");
        await page.GetByLabel("Новий пароль", new() { Exact = true }).FillAsync("Petro-new-pass-7");
        await page.GetByLabel("Повторіть новий пароль").FillAsync("Petro-new-pass-7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Зберегти новий пароль" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reset-done")).ToBeVisibleAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("Електронна пошта").FillAsync("p.hnatiuk@traininghub.example");
        await page.GetByLabel("Пароль").FillAsync("Petro-new-pass-7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), PageActions.Committed);
    }

    private Task<MimeKit.MimeMessage> WaitForMessageAsync(string address) =>
        session.Mail.MessageToAsync(address, TimeSpan.FromSeconds(30));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
