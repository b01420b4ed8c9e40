using MiniExcelLibs;
using Microsoft.Playwright;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// A coordinator who plans for the whole country opens the staffing page at Ukraine, drills down to Zhytomyr Oblast and
/// on to Zhytomyr City Hromada, goes back up along the trail, and downloads the hromada's table: the workbook opens and
/// holds the rows the page shows. The planning overview ranks the oblasts, opens Zhytomyr Oblast's hromadas and downloads
/// its chart, which names them in the order shown. The pages pass axe and fit a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkforceJourneyTests(BrowserSession session)
{
    private const string Planner = "national.planner@traininghub.example";

    [Fact]
    public async Task A_national_coordinator_drills_from_the_country_to_a_hromada_and_downloads_the_rows_shown()
    {
        await session.App.CreatePersonAsync(Planner, "Ольга Планувальниця", BuiltInRoles.Coordinator, null);
        var page = await session.NewPageAsync();
        await page.SignInAsync(Planner);

        await page.OpenAsync("/workforce/staffing");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Україна");
        await Assertions.Expect(page.Locator("#staffing-lines .th-drill")).ToHaveTextAsync(["Житомирська область", "Львівська область"]);
        await page.AssertAccessibleAsync();

        await page.Locator("#staffing-lines .th-drill", new() { HasText = "Житомирська область" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Житомирська область");
        await Assertions.Expect(page.Locator("#staffing-settlements")).ToContainTextAsync("Сільська");
        await page.Locator("#staffing-lines .th-drill", new() { HasText = "Житомирська міська громада" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Житомирська міська громада");
        await Assertions.Expect(page.Locator("#staffing-trail")).ToContainTextAsync("Україна");
        await Assertions.Expect(page.Locator("#staffing-services-title")).ToContainTextAsync("15 з 18");
        await page.AssertAccessibleAsync();

        var shown = await page.Locator("#staffing-lines tbody tr td:first-child").AllInnerTextsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#staffing-xlsx").ClickAsync());
        using var workbook = File.OpenRead(await download.PathAsync());
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Житомирська міська громада", .. shown.Select(s => s.Trim())], rows.Select(r => (string)r["Підрозділ"]));
        Assert.StartsWith("staffing-UA18040470000082484-", download.SuggestedFilename);

        await page.Locator("#staffing-trail a", new() { HasText = "Житомирська область" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Житомирська область");

        await page.OpenAsync("/workforce/dashboard");
        await Assertions.Expect(page.Locator("#dashboard-ranking .th-ranked")).ToHaveCountAsync(2);
        await page.AssertAccessibleAsync();
        await page.Locator("#dashboard-ranking a", new() { HasText = "Житомирська область" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Житомирська область");
        var ranked = await page.Locator("#dashboard-ranking .th-drill").AllInnerTextsAsync();
        var chart = await page.RunAndWaitForDownloadAsync(() => page.Locator("#dashboard-svg").ClickAsync());
        var svg = System.Xml.Linq.XDocument.Load(await chart.PathAsync());
        Assert.All(ranked.Select((name, i) => $"{i + 1}. {name.Trim()}"), line => Assert.Contains(line, svg.Root!.Value));

        var phone = await session.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await phone.SignInAsync(Planner);
        await phone.OpenAsync("/workforce/staffing");
        await Assertions.Expect(phone.Locator("#staffing-lines")).ToBeVisibleAsync();
        await phone.AssertFitsScreenAsync();
    }

    [Fact]
    public async Task A_national_coordinator_compares_the_oblasts_competence_and_downloads_the_heatmap_as_a_picture()
    {
        const string planner = "competence.planner@traininghub.example";
        await session.App.CreatePersonAsync(planner, "Ірина Аналітик", BuiltInRoles.Coordinator, null);
        var page = await session.NewPageAsync();
        await page.SignInAsync(planner);

        await page.OpenAsync("/workforce/competence");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Україна");
        await Assertions.Expect(page.Locator("#heatmap tbody th")).ToContainTextAsync(["Житомирська область", "Львівська область"]);
        await Assertions.Expect(page.Locator("#funnel li")).ToHaveCountAsync(4);
        await page.AssertAccessibleAsync();

        await page.Locator("#heatmap a", new() { HasText = "Житомирська область" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Житомирська область");
        await Assertions.Expect(page.Locator("#heatmap tbody th", new() { HasText = "Житомирська міська громада" })).ToBeVisibleAsync();
        var picture = await page.RunAndWaitForDownloadAsync(() => page.Locator("#heatmap-png").ClickAsync());
        var png = await File.ReadAllBytesAsync(await picture.PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        Assert.EndsWith(".png", picture.SuggestedFilename);

        await page.OpenAsync("/workforce/dashboard?measure=SupervisionCoveragePercent");
        await Assertions.Expect(page.Locator("#dashboard-ranking .th-ranked")).ToHaveCountAsync(2);
        await page.AssertAccessibleAsync();

        var phone = await session.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await phone.SignInAsync(planner);
        await phone.OpenAsync("/workforce/competence");
        await Assertions.Expect(phone.Locator("#heatmap")).ToBeVisibleAsync();
        await phone.AssertFitsScreenAsync();
    }
}
