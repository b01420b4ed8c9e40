using System.Globalization;
using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// Supervision between home visits, on a phone: the demo supervisor finds their people, schedules a meeting with one of
/// them, and the learner sees who leads it; every page fits the screen and passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionJourneyTests(BrowserSession session)
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task A_supervisor_on_a_phone_schedules_a_meeting_with_a_supervisee_who_then_sees_it()
    {
        var day = DateTime.Today.AddDays(7);
        var supervisor = await session.NewPageAsync(Phone);
        await supervisor.SignInAsync("supervisor@traininghub.example");
        await supervisor.OpenAsync("/supervision/my-people");
        await Assertions.Expect(supervisor.Locator("#my-people-Supervisor")).ToContainTextAsync("Оксана Волонтерка");
        await supervisor.AssertAccessibleAsync();

        await supervisor.OpenAsync("/supervision/sessions");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Запланувати" }).ClickAsync();
        await supervisor.ChooseAsync("schedule-participants", "Оксана Волонтерка");
        await supervisor.Locator("input[id='schedule-date']").FillAsync(day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await supervisor.Locator("input[id='schedule-date']").PressAsync("Tab");
        await supervisor.Locator("input[id='schedule-time']").FillAsync("14:30");
        await supervisor.Locator("input[id='schedule-time']").PressAsync("Tab");
        await supervisor.GetByLabel("Місце").FillAsync("Центр надання соціальних послуг, кабінет 12");
        await supervisor.Locator("#schedule-submit").ClickAsync();

        var card = supervisor.Locator("#sessions > div", new() { HasText = "кабінет 12" });
        await Assertions.Expect(card).ToContainTextAsync("14:30–16:00 (90 хв)");
        await Assertions.Expect(card).ToContainTextAsync("З: Оксана Волонтерка");
        await supervisor.AssertAccessibleAsync();
        Assert.True(await supervisor.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));

        var learner = await session.NewPageAsync(Phone);
        await learner.SignInAsync("learner@traininghub.example");
        await learner.OpenAsync("/supervision/sessions");
        var seen = learner.Locator("#sessions > div", new() { HasText = "кабінет 12" });
        await Assertions.Expect(seen).ToContainTextAsync("Проводить: Марія Супервізорка");
        await Assertions.Expect(seen.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }
}
