using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// Practice hours on a phone: the demo learner logs two entries of a day three weeks ago, one of them practising a
/// competency of her profile, and submits them; the demo supervisor rejects the other with a reason and approves the
/// rest of that week (beside her year's hours against what her position asks); the learner's approved total grows by
/// the approved hours alone and they show as practice-hours evidence of that competency on her competencies page. Every
/// page fits the screen and passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HoursJourneyTests(BrowserSession session)
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    private static readonly CultureInfo Ukrainian = CultureInfo.GetCultureInfo("uk-UA");

    [Fact]
    public async Task A_supervisee_submits_hours_the_supervisor_rejects_one_with_a_reason_and_approves_the_rest_and_the_totals_follow()
    {
        // A week of its own: the demo hours are all of the last two weeks.
        var date = DateTime.Today.AddDays(-20);
        var day = date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var learner = await session.NewPageAsync(Phone);
        await learner.SignInAsync("learner@traininghub.example");
        await learner.OpenAsync("/supervision/hours");
        await learner.ChooseAsync("hours-period", "Увесь час");
        var before = await TotalAsync(learner);
        // A volunteer is asked for hours in all and of direct work: both lines fit the phone and pass axe with the page.
        await Assertions.Expect(learner.Locator("#hours-requirement .th-progress")).ToHaveCountAsync(2);

        await LogAsync(learner, day, "3", "Садочок «Сонечко»", Competency);
        await LogAsync(learner, day, "1", "Бібліотека громади");
        foreach (var setting in new[] { "Садочок «Сонечко»", "Бібліотека громади" })
        {
            await Entry(learner, setting).Locator(".th-select input").CheckAsync();
        }
        await learner.Locator("#hours-submit").ClickAsync();
        await Assertions.Expect(Entry(learner, "Садочок «Сонечко»").Locator(".th-state")).ToHaveTextAsync("Подано");
        await learner.AssertAccessibleAsync();
        await learner.AssertFitsScreenAsync();

        var supervisor = await session.NewPageAsync(Phone);
        await supervisor.SignInAsync("supervisor@traininghub.example");
        await supervisor.OpenAsync("/supervision/my-people");
        await Assertions.Expect(supervisor.Locator("#my-people-hours-waiting")).ToBeVisibleAsync();
        await supervisor.AssertAccessibleAsync();
        await supervisor.OpenAsync("/supervision/hours/review");
        var week = supervisor.Locator(".th-week", new() { HasText = "Садочок «Сонечко»" });
        await week.Locator(".th-entry", new() { HasText = "Бібліотека громади" }).Locator(".th-reject").ClickAsync();
        await supervisor.Locator("textarea[id='reason-text']").FillAsync("Це була нарада, а не робота з дітьми");
        await supervisor.Locator("#reason-submit").ClickAsync();
        await Assertions.Expect(week.Locator(".th-entry")).ToHaveCountAsync(1);
        await week.Locator(".th-requirement summary").ClickAsync();
        await Assertions.Expect(week.Locator(".th-requirement .th-progress").First).ToBeVisibleAsync();
        await supervisor.AssertAccessibleAsync();
        await week.Locator(".th-approve-week").ClickAsync();
        await Assertions.Expect(supervisor.Locator(".th-week", new() { HasText = "Садочок «Сонечко»" })).ToHaveCountAsync(0);
        await supervisor.AssertFitsScreenAsync();

        await learner.OpenAsync("/supervision/hours");
        await learner.ChooseAsync("hours-period", "Увесь час");
        await Assertions.Expect(learner.Locator("#hours-totals .th-total-all")).ToContainTextAsync($"{(before + 3).ToString("0.##", Ukrainian)} год");
        await Assertions.Expect(Entry(learner, "Бібліотека громади").Locator(".th-reason")).ToContainTextAsync("Відхилено: Це була нарада, а не робота з дітьми");
        await Assertions.Expect(Entry(learner, "Садочок «Сонечко»").Locator(".th-state")).ToHaveTextAsync("Затверджено");
        await learner.AssertAccessibleAsync();

        // The approval reaches the competencies as it is delivered, a moment later: she looks again until it is there.
        var evidence = learner.Locator("[data-code='CP.5.1'] .th-evidence li", new() { HasTextRegex = new Regex($"Години практики · .*, {date:yyyy-MM-dd} · 3 год") });
        for (var look = 1; ; look++)
        {
            await learner.OpenAsync("/competencies/my");
            await learner.Locator("[data-code='CP.5.1']").WaitForAsync();
            if (look == 10 || await evidence.CountAsync() > 0)
            {
                break;
            }
            await learner.WaitForTimeoutAsync(1000);
        }
        await Assertions.Expect(evidence).ToHaveCountAsync(1);
        await Assertions.Expect(evidence).ToContainTextAsync("Марія Супервізорка");
        await learner.AssertAccessibleAsync();
        await learner.AssertFitsScreenAsync();
    }

    [Fact]
    public async Task An_administrator_reads_and_opens_what_each_position_asks_on_a_phone()
    {
        var admin = await session.NewPageAsync(Phone);
        await admin.SignInAsync("admin@traininghub.example");
        await admin.OpenAsync("/supervision/hours/requirements");
        var volunteer = admin.Locator(".th-requirement", new() { HasText = "Волонтер" });
        await Assertions.Expect(volunteer.Locator(".th-total")).ToHaveTextAsync("40 год на рік");
        await admin.AssertAccessibleAsync();
        await admin.AssertFitsScreenAsync();

        await volunteer.Locator(".th-edit").ClickAsync();
        await Assertions.Expect(admin.Locator("input[id='requirement-part-hours-0']")).ToHaveValueAsync("20");
        await admin.AssertAccessibleAsync();
        await admin.AssertFitsScreenAsync();
    }

    /// <summary>A competency of the volunteer's profile in the demo framework.</summary>
    private const string Competency = "CP.5.1 Перша психологічна допомога";

    private static ILocator Entry(IPage page, string setting) => page.Locator("#hours-entries > div", new() { HasText = setting });

    private static async Task LogAsync(IPage page, string day, string hours, string setting, string? competency = null)
    {
        await page.Locator("#hours-new").ClickAsync();
        await page.Locator("input[id='hours-date']").FillAsync(day);
        await page.Locator("input[id='hours-date']").PressAsync("Tab");
        await page.Locator("input[id='hours-hours']").FillAsync(hours);
        await page.Locator("input[id='hours-hours']").PressAsync("Tab");
        await page.Locator("input[id='hours-setting']").FillAsync(setting);
        if (competency is not null)
        {
            await page.PickAsync("hours-competency", competency.Split(' ')[0], competency);
        }
        await page.Locator("#hours-save").ClickAsync();
        await Assertions.Expect(Entry(page, setting)).ToContainTextAsync("Чернетка");
    }

    /// <summary>The approved hours of all types and all time, or 0 when none are approved yet.</summary>
    private static async Task<decimal> TotalAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#hours-totals[data-from='all'], #hours-totals-empty[data-from='all']")).ToBeVisibleAsync();
        var all = page.Locator("#hours-totals .th-total-all strong").Last;
        return await all.CountAsync() == 0 ? 0 : decimal.Parse((await all.InnerTextAsync()).Replace("год", "").Trim(), Ukrainian);
    }
}
