using System.Text;
using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class CompetencyJourneyTests(BrowserSession session)
{
    private const string Framework = """
        Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,"Rule type (optional)","Rule outcome (optional)","Rule config (optional)","Cross-referenced competency ID numbers","Exported ID (optional)","Is framework",Taxonomy
        ,HV-2026,"<span lang=""uk"" class=""multilang"">Домашні візити</span><span lang=""en"" class=""multilang"">Home visits</span>",,1,"Ще ні,Під наглядом,Самостійно","[{""scaleid"":""1""},{""id"":1,""scaledefault"":1,""proficient"":0},{""id"":2,""scaledefault"":0,""proficient"":0},{""id"":3,""scaledefault"":0,""proficient"":1}]",,,,,,1,"domain,competency"
        ,HV.1,"<span lang=""uk"" class=""multilang"">Підготовка візиту</span><span lang=""en"" class=""multilang"">Preparing a visit</span>",,1,,,,,,,,,
        HV.1,HV.1.1,"<span lang=""uk"" class=""multilang"">План візиту до родини</span><span lang=""en"" class=""multilang"">Planning a family visit</span>",,1,,,,,,,,,
        HV.1,HV.1.2,"<span lang=""uk"" class=""multilang"">Безпека під час візиту</span><span lang=""en"" class=""multilang"">Safety during a visit</span>",,1,,,,,,,,,
        """;

    [Fact]
    public async Task A_coordinator_sets_up_a_framework_a_supervisor_rates_a_person_with_evidence_and_the_person_sees_the_gap_closed()
    {
        var coordinator = await session.NewPageAsync();
        await coordinator.SignInAsync("coordinator@traininghub.example");
        await coordinator.OpenAsync("/competencies/frameworks/import");
        var chooser = await coordinator.RunAndWaitForFileChooserAsync(() => coordinator.Locator("#choose-file").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload
        {
            Name = "home-visits.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Framework.ReplaceLineEndings("\n")),
        });
        await Assertions.Expect(coordinator.Locator("#import-tree")).ToContainTextAsync("План візиту до родини");
        await coordinator.AssertAccessibleAsync();
        await coordinator.Locator("#run-import").ClickAsync();
        await coordinator.Locator("#open-imported").ClickAsync();
        await coordinator.WaitUntilInteractiveAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Домашні візити");

        await coordinator.Locator("#publish").ClickAsync();
        await coordinator.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Опублікувати" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#publish")).ToHaveCountAsync(0);

        await coordinator.GetByRole(AriaRole.Tab, new() { Name = "Профілі посад" }).ClickAsync();
        await coordinator.ChooseAsync("profile-position", "Соціальний помічник");
        await coordinator.ChooseAsync("required-HV.1.1", "Самостійно");
        await coordinator.AssertAccessibleAsync();

        var assistant = await session.NewPageAsync();
        await assistant.SignInAsync("h.bondarenko@traininghub.example");
        await assistant.OpenAsync("/competencies/my");
        var competency = assistant.Locator("[data-code='HV.1.1']");
        await Assertions.Expect(competency.Locator(".th-required")).ToHaveTextAsync("Самостійно");
        await Assertions.Expect(competency).ToHaveAttributeAsync("data-gap", "true");
        await Assertions.Expect(assistant.Locator("[data-code='HV.1.2']")).ToHaveCountAsync(0);

        await competency.Locator(".th-add-prior-learning").ClickAsync();
        await competency.GetByLabel("Назва").FillAsync("Сертифікат курсу «Безпечні візити»");
        var evidenceChooser = await assistant.RunAndWaitForFileChooserAsync(() => competency.Locator(".th-choose-evidence-file").ClickAsync());
        await evidenceChooser.SetFilesAsync(new FilePayload
        {
            Name = "certificate.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray(),
        });
        await Assertions.Expect(competency.Locator(".th-file-chosen")).ToContainTextAsync("certificate.pdf");
        await competency.Locator(".th-save-evidence").ClickAsync();
        await Assertions.Expect(competency.Locator("[data-evidence]")).ToContainTextAsync("Сертифікат курсу «Безпечні візити»");

        var supervisor = await session.NewPageAsync();
        await supervisor.SignInAsync("supervisor@traininghub.example");
        await supervisor.OpenAsync("/people");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "Галина Бондаренко" }).ClickAsync();
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "Профіль компетентностей" }).ClickAsync();
        await supervisor.WaitUntilInteractiveAsync();
        await Assertions.Expect(supervisor.Locator("#person-name")).ToHaveTextAsync("Галина Бондаренко");
        var rated = supervisor.Locator("[data-code='HV.1.1']");
        await rated.Locator(".th-rate").ClickAsync();
        var dialog = supervisor.GetByRole(AriaRole.Dialog);
        await dialog.Locator(".th-rate-level").ClickAsync();
        await supervisor.GetByRole(AriaRole.Option, new() { Name = "Самостійно", Exact = true }).ClickAsync();
        await dialog.GetByLabel("Обґрунтування").FillAsync("Спланувала й провела два візити під час спостереження.");
        await dialog.GetByRole(AriaRole.Checkbox).CheckAsync();
        await supervisor.AssertAccessibleAsync();
        await dialog.Locator(".th-save-rating").ClickAsync();
        await Assertions.Expect(rated).ToHaveAttributeAsync("data-gap", "false");

        await assistant.OpenAsync("/competencies/my");
        var closed = assistant.Locator("[data-code='HV.1.1']");
        await Assertions.Expect(closed).ToHaveAttributeAsync("data-gap", "false");
        await Assertions.Expect(closed.Locator(".th-counted")).ToHaveTextAsync("Самостійно");
        await closed.Locator(".th-history-toggle").ClickAsync();
        await Assertions.Expect(closed.Locator(".th-history")).ToContainTextAsync("Спланувала й провела два візити");
        await Assertions.Expect(closed.Locator(".th-history")).ToContainTextAsync("Сертифікат курсу «Безпечні візити»");
    }
}
