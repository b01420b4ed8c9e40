using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Import;

namespace TrainingHub.Workforce.Tests.Import;

/// <summary>The import page in English: a file with a wrong line is shown and cannot be imported; a good one is imported.</summary>
public sealed class ImportPageTests(SqliteServer server) : PageTestBase(server)
{
    private const string Header = "hromada_katottg;settlement;families_in_difficulty;children_with_disabilities";

    [Fact]
    public async Task A_coordinator_sees_the_wrong_line_explained_then_imports_the_corrected_case_load_file()
    {
        Scenario.AsCoordinatorAt(Scenario.Zhytomyr.Id);
        Pages.RenderProviders();
        var page = Pages.Render<ImportPage>();
        await page.InvokeAsync(() => page.FindAll("#import-kind input[type=radio]")[1].Click());
        page.WaitForAssertion(() => Assert.Contains("families_in_difficulty", page.Find("#import-sample").TextContent));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText($"{Header}\nUA18040470000082484;urban;240;310\nUA18060170000025398;village;65;", "caseload.csv"));
        page.WaitForAssertion(() => Assert.Contains("1 with errors", page.Find("#import-summary").TextContent));
        Assert.Contains("“village” is neither urban nor rural.", page.Find("#import-lines").TextContent);
        Assert.True(page.Find("#import-run").HasAttribute("disabled"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText($"{Header}\nUA18040470000082484;urban;240;310\nUA18060170000025398;rural;65;", "caseload.csv"));
        page.WaitForAssertion(() => Assert.False(page.Find("#import-run").HasAttribute("disabled")));
        await page.InvokeAsync(() => page.Find("#import-run").Click());

        page.WaitForAssertion(() => Assert.Contains("Import finished: 2 created, 0 updated, 0 unchanged.", page.Find("#import-done").TextContent));
        Assert.Equal(305, (await Scenario.ReportAsync(Scenario.Zhytomyr.Id)).Total.FamiliesInDifficulty);
    }
}
