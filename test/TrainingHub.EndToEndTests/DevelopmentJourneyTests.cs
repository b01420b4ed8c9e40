using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.TestKit;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// Halyna Bondarenko records a seminar she took elsewhere, with its certificate, and writes her development plan for the
/// year; her supervisor approves the seminar from his list and agrees the plan on her record; back on her record, the
/// seminar's hours count and the plan's item is done. Each page passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DevelopmentJourneyTests(BrowserSession session)
{
    private const string Seminar = "Підтримка родин дітей з інвалідністю";

    [Fact]
    public async Task Halyna_records_a_seminar_and_writes_her_plan_her_supervisor_approves_and_agrees_and_the_hours_count()
    {
        var halynaId = (await session.App.Services.GetRequiredService<IPeopleLookup>().FindByEmailAsync("h.bondarenko@traininghub.example"))!.Id;
        var halyna = await session.NewPageAsync();
        await halyna.SignInAsync("h.bondarenko@traininghub.example");
        await halyna.OpenAsync("/pathways/development");

        await halyna.Locator("#training-add").ClickAsync();
        var dialog = halyna.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#training-title").FillAsync(Seminar);
        await dialog.Locator("#training-provider").FillAsync("Фонд «Сильні громади»");
        var date = dialog.Locator("input#training-date, #training-date input").First;
        await date.FillAsync(DailyRuns.DayOf(DateTimeOffset.UtcNow).ToString("dd.MM.yyyy"));
        await date.PressAsync("Tab");
        await dialog.Locator("#training-hours").FillAsync("6");
        await dialog.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "сертифікат.pdf", MimeType = "application/pdf", Buffer = DocumentSamples.Pdf() });
        await Assertions.Expect(dialog.Locator("#training-file-chosen")).ToContainTextAsync("сертифікат.pdf");
        await halyna.AssertAccessibleAsync();
        await dialog.Locator("#training-submit").ClickAsync();
        var training = halyna.Locator("#trainings .th-training", new() { HasText = Seminar });
        await Assertions.Expect(training).ToHaveAttributeAsync("data-state", "Pending");
        await Assertions.Expect(halyna.Locator("#development-lines", new() { HasText = Seminar })).ToHaveCountAsync(0);

        await halyna.Locator("#plan-edit").ClickAsync();
        await dialog.Locator("#plan-title-0").FillAsync(Seminar);
        await dialog.Locator("#plan-hours-0").FillAsync("6");
        await dialog.Locator("#plan-save").ClickAsync();
        await Assertions.Expect(halyna.Locator("#plan-state")).ToHaveTextAsync("Чекає на погодження");
        await Assertions.Expect(halyna.Locator("#plan-list .th-plan-line")).ToHaveAttributeAsync("data-done", "no");
        await halyna.AssertAccessibleAsync();

        var supervisor = await session.NewPageAsync();
        await supervisor.SignInAsync("supervisor@traininghub.example");
        await supervisor.OpenAsync("/pathways/development/approvals");
        var row = supervisor.Locator("#approvals tbody tr", new() { HasText = Seminar });
        await Assertions.Expect(row).ToContainTextAsync("Галина Бондаренко");
        await supervisor.AssertAccessibleAsync();
        await row.Locator("[id^='approve-']").ClickAsync();
        await Assertions.Expect(supervisor.Locator("#approvals tbody tr", new() { HasText = Seminar })).ToHaveCountAsync(0);

        await supervisor.OpenAsync($"/pathways/people/{halynaId}/development");
        await supervisor.Locator("#plan-agree").ClickAsync();
        await Assertions.Expect(supervisor.Locator("#plan-state")).ToHaveTextAsync("Погоджено");
        await Assertions.Expect(supervisor.Locator("#plan-agree")).ToHaveCountAsync(0);
        await supervisor.AssertAccessibleAsync();

        await halyna.OpenAsync("/pathways/development");
        await Assertions.Expect(halyna.Locator("#trainings .th-training", new() { HasText = Seminar })).ToHaveAttributeAsync("data-state", "Approved");
        await Assertions.Expect(halyna.Locator("#development-lines")).ToContainTextAsync($"{Seminar} (Фонд «Сильні громади»)");
        await Assertions.Expect(halyna.Locator("#plan-state")).ToHaveTextAsync("Погоджено");
        await Assertions.Expect(halyna.Locator("#plan-list .th-plan-line")).ToHaveAttributeAsync("data-done", "yes");
    }
}
