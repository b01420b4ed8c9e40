using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingHub.Pathways.Data;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// The demo pathway from volunteer to social worker: the learner follows hers on a phone, with the next stage's
/// requirements and where to go for what is missing; the coordinator places a colleague on the pathway, opens Halyna
/// Bondarenko's certificate as a PDF, and an employer checks it on a phone without signing in; once the coordinator
/// revokes it, the same check says so. Each phone page fits the screen and passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PathwayJourneyTests(BrowserSession session)
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task A_learner_follows_her_pathway_on_a_phone_and_a_coordinator_places_a_colleague_and_revokes_a_certificate_an_employer_checks()
    {
        var learner = await session.NewPageAsync(Phone);
        await learner.SignInAsync("learner@traininghub.example");
        await learner.OpenAsync("/pathways/my");
        await Assertions.Expect(learner.Locator(".th-stage[data-state='Current']")).ToContainTextAsync("1. Волонтер");
        await Assertions.Expect(learner.Locator("#next-stage h2")).ToContainTextAsync("Навчений волонтер");
        var course = learner.Locator(".th-requirement[data-kind='CourseCompleted']");
        await Assertions.Expect(course).ToContainTextAsync("Перша психологічна допомога");
        await Assertions.Expect(course.GetByRole(AriaRole.Link, new() { Name = "Відкрити курс" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/learning/courses/"));
        await Assertions.Expect(learner.Locator("#progression-ask")).ToHaveCountAsync(0);
        await learner.AssertAccessibleAsync();
        await learner.AssertFitsScreenAsync();

        var coordinator = await session.NewPageAsync();
        await coordinator.SignInAsync("coordinator@traininghub.example");
        await coordinator.OpenAsync("/pathways/people");
        await Assertions.Expect(coordinator.Locator("#placements")).ToContainTextAsync("Галина Бондаренко");
        await coordinator.Locator("#people-place").ClickAsync();
        var dialog = coordinator.GetByRole(AriaRole.Dialog);
        await coordinator.PickAsync("place-person", "Кравч", "Василь Кравчук");
        // Other journeys may have added pathways of their own: the demo one is chosen by name.
        await coordinator.ChooseAsync("place-pathway", "Від волонтера до соціального працівника");
        await dialog.Locator("#place-submit").ClickAsync();
        await Assertions.Expect(coordinator.Locator("#placements")).ToContainTextAsync("Василь Кравчук");
        await coordinator.AssertAccessibleAsync();

        await coordinator.Locator("#placements").GetByRole(AriaRole.Link, new() { Name = "Галина Бондаренко" }).ClickAsync();
        var certificate = coordinator.Locator(".th-certificate");
        await Assertions.Expect(certificate).ToContainTextAsync("Соціальний помічник");
        await Assertions.Expect(certificate).ToHaveAttributeAsync("data-status", "Valid");
        var number = await NumberAsync("h.bondarenko@traininghub.example");
        var pdf = await coordinator.APIRequest.GetAsync(await certificate.Locator("a.th-certificate-pdf").GetAttributeAsync("href") ?? "");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync(), 0, 4));

        var employer = await session.NewPageAsync(Phone);
        await employer.GotoAsync($"/verify/{number}");
        await Assertions.Expect(employer.Locator("#verify-status")).ToContainTextAsync("Сертифікат дійсний.");
        await Assertions.Expect(employer.Locator("#verify-holder")).ToHaveTextAsync("Галина Бондаренко");
        await employer.AssertAccessibleAsync();
        await employer.AssertFitsScreenAsync();

        await certificate.GetByRole(AriaRole.Button, new() { Name = "Відкликати" }).ClickAsync();
        await coordinator.Locator("textarea[id='reason-text']").FillAsync("Видано помилково");
        await coordinator.GetByRole(AriaRole.Dialog).Locator("#reason-submit").ClickAsync();
        await Assertions.Expect(certificate).ToHaveAttributeAsync("data-status", "Revoked");

        await employer.GotoAsync("/verify");
        await employer.Locator("#verify-number").FillAsync(number.ToLowerInvariant());
        await employer.Locator("#verify-submit").ClickAsync();
        await Assertions.Expect(employer.Locator("#verify-status")).ToContainTextAsync("Сертифікат відкликано");
        await Assertions.Expect(employer.Locator("#verified")).Not.ToContainTextAsync("помилково");
    }

    [Fact]
    public async Task A_coordinator_on_a_phone_reads_every_pathway_page_without_scrolling_sideways()
    {
        var page = await session.NewPageAsync(Phone);
        await page.SignInAsync("coordinator@traininghub.example");
        var halyna = (await session.App.Services.GetRequiredService<TrainingHub.Accounts.Contracts.IPeopleLookup>().FindByEmailAsync("h.bondarenko@traininghub.example"))!;
        var problems = new List<string>();

        foreach (var path in new[]
                 {
                     "/pathways/my", "/pathways/people", $"/pathways/people/{halyna.Id}", "/pathways/requests", "/pathways/reports",
                     "/pathways/development", $"/pathways/people/{halyna.Id}/development", "/pathways/development/approvals",
                     "/pathways/qualifications", "/pathways/qualifications/social-worker", "/pathways/templates", "/pathways/templates/volunteer-to-social-worker",
                     "/pathways/qualifications/social-assistant",
                 })
        {
            await page.CheckOnPhoneAsync(path, problems);
        }
        // The qualification editor, with the social assistant's competency area, fits the phone and is accessible too.
        await page.Locator("#qualification-edit").ClickAsync();
        await Assertions.Expect(page.Locator("#qualification-areas li")).ToHaveCountAsync(1);
        if (await page.OverflowAsync() is { } dialogOverflow)
        {
            problems.Add($"The qualification editor is wider than the phone: {dialogOverflow}");
        }
        await page.AssertAccessibleAsync();
        await page.OpenAsync("/pathways/templates/volunteer-to-social-worker");
        // The requirement editor, open on a stage with a nested group, fits the phone and is accessible too.
        await page.Locator("#stage-3-requirements").ClickAsync();
        await Assertions.Expect(page.Locator("#requirements-editor li[data-kind='anyOf']")).ToBeVisibleAsync();
        if (await page.OverflowAsync() is { } overflow)
        {
            problems.Add($"The requirement editor is wider than the phone: {overflow}");
        }
        await page.AssertAccessibleAsync();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<string> NumberAsync(string email)
    {
        var person = (await session.App.Services.GetRequiredService<TrainingHub.Accounts.Contracts.IPeopleLookup>().FindByEmailAsync(email))!;
        await using var db = session.App.Services.GetRequiredService<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        return await db.Certificates.Where(c => c.PersonId == person.Id).Select(c => c.Number).SingleAsync();
    }
}
