using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Requirements;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// Nataliia Tkachenko, on a pathway whose next stage asks only for her supervisor's sign-off: he signs her off, the last
/// thing missing; she asks to move on; the coordinator approves; the stage's certificate appears on her pathway, opens as
/// a PDF, and its verification page says it is valid, and after the coordinator revokes it, that it is revoked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressionJourneyTests(BrowserSession session)
{
    private const string Pathway = "accompaniment-e2e";

    [Fact]
    public async Task Signed_off_she_asks_to_move_on_the_coordinator_approves_and_her_new_certificate_is_valid_until_revoked()
    {
        var nataliia = await PlaceNataliiaAsync();

        var supervisor = await session.NewPageAsync();
        await supervisor.SignInAsync("supervisor@traininghub.example");
        await supervisor.OpenAsync($"/pathways/people/{nataliia}");
        await Assertions.Expect(supervisor.Locator("#next-stage h2")).ToContainTextAsync("Супровідник родин");
        await supervisor.Locator("#sign-off-supervisor, [id='sign-off-Supervisor']").First.ClickAsync();
        await supervisor.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Підтвердити" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#readiness")).ToContainTextAsync("Усі вимоги цього етапу виконано.");

        var learner = await session.NewPageAsync();
        await learner.SignInAsync("n.tkachenko@traininghub.example");
        await learner.OpenAsync("/pathways/my");
        await learner.Locator("#progression-note").FillAsync("Готова до нових обов'язків");
        await learner.AssertAccessibleAsync();
        await learner.Locator("#progression-ask").ClickAsync();
        await Assertions.Expect(learner.Locator("#request-pending")).ToBeVisibleAsync();

        var coordinator = await session.NewPageAsync();
        await coordinator.SignInAsync("coordinator@traininghub.example");
        await coordinator.OpenAsync("/pathways/requests");
        var request = coordinator.Locator("#requests tbody tr", new() { HasText = "Наталія Ткаченко" });
        await Assertions.Expect(request).ToContainTextAsync("Супровідник родин");
        await request.Locator("[id^='approve-']").ClickAsync();
        await coordinator.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Схвалити" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#requests tbody tr", new() { HasText = "Наталія Ткаченко" })).ToHaveCountAsync(0);

        await learner.OpenAsync("/pathways/my");
        await Assertions.Expect(learner.Locator(".th-stage[data-state='Current']")).ToContainTextAsync("Супровідник родин");
        var certificate = learner.Locator(".th-certificate", new() { HasText = "Супровідник родин" });
        await Assertions.Expect(certificate).ToHaveAttributeAsync("data-status", "Valid");
        var pdf = await learner.APIRequest.GetAsync(await certificate.Locator("a.th-certificate-pdf").GetAttributeAsync("href") ?? "");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync(), 0, 4));

        var number = await NumberAsync(nataliia);
        var employer = await session.NewPageAsync();
        await employer.GotoAsync($"/verify/{number}");
        await Assertions.Expect(employer.Locator("#verify-status")).ToContainTextAsync("Сертифікат дійсний.");
        await Assertions.Expect(employer.Locator("#verify-holder")).ToHaveTextAsync("Наталія Ткаченко");

        await coordinator.OpenAsync($"/pathways/people/{nataliia}");
        var hers = coordinator.Locator(".th-certificate", new() { HasText = "Супровідник родин" });
        await hers.GetByRole(AriaRole.Button, new() { Name = "Відкликати" }).ClickAsync();
        await coordinator.Locator("textarea[id='reason-text']").FillAsync("Видано на тестовому шляху");
        await coordinator.GetByRole(AriaRole.Dialog).Locator("#reason-submit").ClickAsync();
        await Assertions.Expect(hers).ToHaveAttributeAsync("data-status", "Revoked");

        await employer.ReloadAsync();
        await Assertions.Expect(employer.Locator("#verify-status")).ToContainTextAsync("Сертифікат відкликано");
    }

    /// <summary>A two-stage pathway of its own, so that the demo pathway's people are left as they are; she starts at its first stage.</summary>
    private async Task<Guid> PlaceNataliiaAsync()
    {
        var services = session.App.Services;
        var person = (await services.GetRequiredService<IPeopleLookup>().FindByEmailAsync("n.tkachenko@traininghub.example"))!;
        var coordinator = (await services.GetRequiredService<IPeopleLookup>().FindByEmailAsync("coordinator@traininghub.example"))!;
        await using var db = await services.GetRequiredService<IDbContextFactory<PathwaysDbContext>>().CreateDbContextAsync();
        var template = new PathwayTemplate { Code = Pathway, NameUk = "Шлях супроводу", NameEn = "Accompaniment pathway", CreatedAt = DateTimeOffset.UtcNow };
        template.Stages.Add(new PathwayStage { Position = 1, NameUk = "Помічник супроводу", NameEn = "Accompaniment helper" });
        template.Stages.Add(new PathwayStage
        {
            Position = 2, NameUk = "Супровідник родин", NameEn = "Family companion", CertificateValidMonths = 12,
            RequirementsJson = PathwayStage.Write(new AllOf([new SignOff(BuiltInRoles.Supervisor)])),
        });
        db.Templates.Add(template);
        var today = DailyRuns.DayOf(DateTimeOffset.UtcNow);
        db.Placements.Add(Placement.Place(person.Id, person.HomeUnitId, template.Id, 2, 1, today.AddMonths(-2), today, coordinator.Id, DateTimeOffset.UtcNow).Value);
        await db.SaveChangesAsync();
        return person.Id;
    }

    private async Task<string> NumberAsync(Guid personId)
    {
        await using var db = await session.App.Services.GetRequiredService<IDbContextFactory<PathwaysDbContext>>().CreateDbContextAsync();
        return await db.Certificates.Where(c => c.PersonId == personId && c.TemplateCode == Pathway).Select(c => c.Number).SingleAsync();
    }
}
