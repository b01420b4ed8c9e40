using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// Supervision between home visits, on a phone: the demo supervisor finds their people, schedules a meeting with one of
/// them, and the learner sees who leads it; a log survives a dropped connection and is signed by both; and once both
/// have signed the log of an overdue supervisee's meeting, the coordinator's coverage no longer counts them overdue.
/// Every page passes axe, and the phone pages fit the screen.
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
        await supervisor.GetByLabel("Місце").FillAsync("Центр надання соціальних послуг, кабінет 27");
        await supervisor.Locator("#schedule-submit").ClickAsync();

        var card = supervisor.Locator("#sessions > div", new() { HasText = "кабінет 27" });
        await Assertions.Expect(card).ToContainTextAsync("14:30–16:00 (90 хв)");
        await Assertions.Expect(card).ToContainTextAsync("З: Оксана Волонтерка");
        await supervisor.AssertAccessibleAsync();
        await supervisor.AssertFitsScreenAsync();

        var learner = await session.NewPageAsync(Phone);
        await learner.SignInAsync("learner@traininghub.example");
        await learner.OpenAsync("/supervision/sessions");
        var seen = learner.Locator("#sessions > div", new() { HasText = "кабінет 27" });
        await Assertions.Expect(seen).ToContainTextAsync("Проводить: Марія Супервізорка");
        await Assertions.Expect(seen.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_log_written_on_a_phone_survives_a_dropped_connection_is_signed_by_both_locked_and_corrected_by_an_addendum()
    {
        var kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
        var began = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(-30), kyiv);
        var supervisor = await session.NewPageAsync(Phone);
        await supervisor.SignInAsync("supervisor@traininghub.example");
        // The connection to the server can be cut: Blazor's socket and its fallbacks are let through only while online.
        var offline = false;
        var sockets = new List<IWebSocketRoute>();
        await supervisor.RouteWebSocketAsync(new Regex("_blazor"), socket =>
        {
            if (offline)
            {
                _ = socket.CloseAsync();
                return;
            }
            socket.ConnectToServer();
            sockets.Add(socket);
        });
        await supervisor.RouteAsync(new Regex("_blazor"), route => offline ? route.AbortAsync() : route.ContinueAsync());

        await supervisor.OpenAsync("/supervision/sessions");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Запланувати" }).ClickAsync();
        await supervisor.ChooseAsync("schedule-participants", "Оксана Волонтерка");
        await supervisor.Locator("input[id='schedule-date']").FillAsync(began.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await supervisor.Locator("input[id='schedule-date']").PressAsync("Tab");
        await supervisor.Locator("input[id='schedule-time']").FillAsync(began.ToString("HH:mm", CultureInfo.InvariantCulture));
        await supervisor.Locator("input[id='schedule-time']").PressAsync("Tab");
        await supervisor.GetByLabel("Місце").FillAsync("Кімната 7, журнал");
        await supervisor.Locator("#schedule-submit").ClickAsync();
        var card = supervisor.Locator("#sessions > div", new() { HasText = "Кімната 7, журнал" });
        await card.GetByRole(AriaRole.Link, new() { Name = "Журнал: Оксана Волонтерка" }).ClickAsync();

        await supervisor.GetByLabel("Освітня").CheckAsync();
        await supervisor.Locator("#log-topics textarea").FillAsync("Планування візитів до родини");
        await Assertions.Expect(supervisor.Locator("#log-saved")).ToHaveTextAsync("Усі зміни збережено.");
        var address = supervisor.Url;
        offline = true;
        foreach (var socket in sockets)
        {
            await socket.CloseAsync();
        }
        await supervisor.Locator("#log-cases textarea").FillAsync("Мати двох дітей, одна дитина з інвалідністю; план на місяць");
        await supervisor.CloseAsync();

        offline = false;
        var again = await supervisor.Context.NewPageAsync();
        await again.GotoAsync(address);
        await again.WaitUntilInteractiveAsync();
        await Assertions.Expect(again.Locator("#log-cases textarea")).ToHaveValueAsync("Мати двох дітей, одна дитина з інвалідністю; план на місяць");
        await Assertions.Expect(again.Locator("#log-topics textarea")).ToHaveValueAsync("Планування візитів до родини");
        await again.Locator("#log-action-text").FillAsync("Скласти план візитів");
        await again.Locator("#log-action-add").ClickAsync();
        await Assertions.Expect(again.Locator("#log-actions")).ToContainTextAsync("Скласти план візитів");
        await SignAsync(again);
        await Assertions.Expect(again.Locator("#log-leader-signature")).ToContainTextAsync("Підписано: Марія Супервізорка");
        await again.AssertAccessibleAsync();

        var learner = await session.NewPageAsync(Phone);
        await learner.SignInAsync("learner@traininghub.example");
        await learner.OpenAsync("/supervision/sessions");
        await learner.Locator("#logs-to-sign a", new() { HasText = "Марія Супервізорка" }).First.ClickAsync();
        await learner.WaitUntilInteractiveAsync();
        await Assertions.Expect(learner.Locator("#log-topics textarea")).ToHaveValueAsync("Планування візитів до родини");
        await learner.Locator("#log-reflection textarea").FillAsync("Зрозуміла, як планувати візити");
        await Assertions.Expect(learner.Locator("#log-saved")).ToHaveTextAsync("Усі зміни збережено.");
        await SignAsync(learner);

        await Assertions.Expect(learner.Locator("#log-state")).ToHaveTextAsync("підписано й заблоковано");
        await Assertions.Expect(learner.Locator("#log-reflection textarea")).ToHaveAttributeAsync("readonly", "");
        await learner.Locator("#log-addendum-text").FillAsync("Уточнення: перший візит перенесено на вівторок.");
        await learner.Locator("#log-addendum-add").ClickAsync();
        await Assertions.Expect(learner.Locator("#log-addenda")).ToContainTextAsync("Оксана Волонтерка");
        await Assertions.Expect(learner.Locator("#log-addenda")).ToContainTextAsync("перший візит перенесено на вівторок");
        await learner.AssertAccessibleAsync();
        await learner.AssertFitsScreenAsync();
    }

    /// <summary>
    /// The demo data leaves Василь Кравчук overdue, his last meeting's log (two days ago) waiting for both signatures: once
    /// the supervisor and he have signed it on their phones, the coordinator's coverage of their hromada counts him within
    /// policy and lists him overdue no more.
    /// </summary>
    [Fact]
    public async Task Once_both_sign_an_overdue_supervisees_log_the_coordinator_sees_them_leave_the_overdue_list()
    {
        const string Hromada = "Житомирська міська громада";
        var coordinator = await session.NewPageAsync();
        await coordinator.SignInAsync("coordinator@traininghub.example");
        var before = await CoverageAsync(coordinator, Hromada);
        await Assertions.Expect(coordinator.Locator("#coverage-overdue")).ToContainTextAsync("Василь Кравчук");
        await coordinator.AssertAccessibleAsync();

        var supervisor = await session.NewPageAsync(Phone);
        await supervisor.SignInAsync("supervisor@traininghub.example");
        await supervisor.OpenAsync("/supervision/sessions");
        await supervisor.Locator("#logs-to-sign a", new() { HasText = "Василь Кравчук" }).ClickAsync();
        await supervisor.WaitUntilInteractiveAsync();
        await SignAsync(supervisor);
        await Assertions.Expect(supervisor.Locator("#log-leader-signature")).ToContainTextAsync("Підписано: Марія Супервізорка");

        var supervisee = await session.NewPageAsync(Phone);
        await supervisee.SignInAsync("v.kravchuk@traininghub.example");
        await supervisee.OpenAsync("/supervision/sessions");
        await supervisee.Locator("#logs-to-sign a", new() { HasText = "Марія Супервізорка" }).ClickAsync();
        await supervisee.WaitUntilInteractiveAsync();
        await supervisee.Locator("#log-reflection textarea").FillAsync("Домовились про зустрічі раз на два тижні");
        await Assertions.Expect(supervisee.Locator("#log-saved")).ToHaveTextAsync("Усі зміни збережено.");
        await SignAsync(supervisee);
        await Assertions.Expect(supervisee.Locator("#log-state")).ToHaveTextAsync("підписано й заблоковано");

        var after = await CoverageAsync(coordinator, Hromada);
        await Assertions.Expect(coordinator.Locator("#coverage-overdue")).Not.ToContainTextAsync("Василь Кравчук");
        await Assertions.Expect(coordinator.Locator("#coverage-overdue")).ToContainTextAsync("Галина Бондаренко");
        Assert.Equal((before.WithinPolicy + 1, before.People), after);
    }

    private static async Task SignAsync(IPage page)
    {
        await page.Locator("#log-sign").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Підписати" }).ClickAsync();
    }

    /// <summary>Opens the coverage of a unit and reads how many of its people are supervised within policy, of how many.</summary>
    private static async Task<(int WithinPolicy, int People)> CoverageAsync(IPage page, string unit)
    {
        await page.OpenAsync("/supervision/coverage");
        await page.ChooseAsync("coverage-unit", unit);
        var total = page.Locator("#coverage-total");
        await Assertions.Expect(total).ToContainTextAsync(unit);
        var figures = Regex.Match(await total.InnerTextAsync(), @"\((\d+) з (\d+) людей\)");
        Assert.True(figures.Success, await total.InnerTextAsync());
        return (int.Parse(figures.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(figures.Groups[2].Value, CultureInfo.InvariantCulture));
    }
}
