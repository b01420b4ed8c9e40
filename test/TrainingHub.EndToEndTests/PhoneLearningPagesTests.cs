using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// Supervisors and coordinators in a hromada often have only a phone: every learning page, and the competency pages it
/// leads to, fits a 360-pixel screen without sideways scrolling or filters spilling over the list, and passes axe there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLearningPagesTests(BrowserSession session)
{
    private const string DemoCourse = "Перша психологічна допомога: основи";

    [Fact]
    public async Task A_coordinator_on_a_phone_can_read_every_learning_page_without_scrolling_sideways_or_filters_over_the_list()
    {
        var page = await session.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await page.SignInAsync("coordinator@traininghub.example");
        var problems = new List<string>();

        await CheckAsync(page, "/learning/courses", problems);
        await page.GetByRole(AriaRole.Link, new() { Name = DemoCourse, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/learning/courses/"), PageActions.Committed);
        var course = new Uri(page.Url).AbsolutePath;
        foreach (var path in new[]
                 {
                     course, course + "/edit", course + "/enrolments", "/learning/my", "/learning/cohorts", "/learning/overdue",
                     "/learning/reports", "/competencies/my", "/competencies/gaps",
                 })
        {
            await CheckAsync(page, path, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task CheckAsync(IPage page, string path, List<string> problems)
    {
        await page.OpenAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Завантаження…" })).ToHaveCountAsync(0);
        var overflow = await page.EvaluateAsync<string?>(
            """
            () => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return null;
                const wide = [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > width + 1);
                const outermost = wide.filter(e => !wide.includes(e.parentElement)).slice(0, 3);
                return outermost.map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')}`).join(', ');
            }
            """);
        if (overflow is not null)
        {
            problems.Add($"{path} is wider than the phone: {overflow}");
        }
        var spilled = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('main .mud-toolbar')].filter(t => t.scrollHeight > t.clientHeight + 1).length");
        if (spilled > 0)
        {
            problems.Add($"{path} has {spilled} toolbar(s) whose filters spill over what follows");
        }
        try
        {
            await page.AssertAccessibleAsync();
        }
        catch (Exception axe) when (axe is Xunit.Sdk.XunitException)
        {
            problems.Add($"{path}: {axe.Message}");
        }
    }
}
