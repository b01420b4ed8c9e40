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

        await page.CheckOnPhoneAsync("/learning/courses", problems);
        await page.GetByRole(AriaRole.Link, new() { Name = DemoCourse, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/learning/courses/"), PageActions.Committed);
        var course = new Uri(page.Url).AbsolutePath;
        foreach (var path in new[]
                 {
                     course, course + "/edit", course + "/enrolments", "/learning/my", "/learning/cohorts", "/learning/overdue",
                     "/learning/reports", "/competencies/my", "/competencies/gaps",
                 })
        {
            await page.CheckOnPhoneAsync(path, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
