using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingHub.Audit.Data;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// A wellbeing check-in, the demo's round of Zhytomyr city open today: the learner answers it on a phone, one part per
/// screen, sees her scores marked high and her trend over three rounds, and asks her supervisor for a supportive
/// conversation without sharing her scores; the supervisor finds the request with her note and no scores; the
/// coordinator sees no figures while the round is open, none once it closes with her answer alone, and the city's
/// figures once everyone there has answered, on a phone too. Each phone page fits the screen and passes axe; the audit trail holds none of it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WellbeingJourneyTests(BrowserSession session)
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    private const string Note = "Можна в четвер після обіду";

    [Fact]
    public async Task A_learner_answers_on_a_phone_and_asks_for_a_conversation_the_supervisor_sees_no_scores_and_the_coordinator_sees_the_city_once_enough_answered()
    {
        var learner = await session.NewPageAsync(Phone);
        await learner.SignInAsync("learner@traininghub.example");
        await learner.OpenAsync("/wellbeing/check-ins");
        await learner.AssertAccessibleAsync();
        await learner.Locator(".th-open-round .th-answer").ClickAsync();
        await learner.WaitUntilInteractiveAsync();
        // Personal and work-related burnout "often" (75 each, the reversed work item 25); the part about clients is skipped.
        for (var part = 0; part < 2; part++)
        {
            var questions = learner.Locator("li.th-question");
            await Assertions.Expect(questions.First).ToBeVisibleAsync();
            for (var i = 0; i < await questions.CountAsync(); i++)
            {
                await questions.Nth(i).GetByRole(AriaRole.Radio).Nth(1).CheckAsync();
            }
            await Assertions.Expect(learner.Locator("#check-in-saved")).Not.ToBeEmptyAsync();
            if (part == 0)
            {
                await learner.AssertAccessibleAsync();
                await learner.AssertFitsScreenAsync();
            }
            await learner.Locator("#check-in-next").ClickAsync();
        }
        await Assertions.Expect(learner.Locator("#client-note")).ToBeVisibleAsync();
        await learner.Locator("#check-in-submit").ClickAsync();

        var personal = learner.Locator("#my-scores [data-scale='personal']");
        await Assertions.Expect(personal.Locator(".th-score")).ToHaveTextAsync("75");
        await Assertions.Expect(personal.Locator(".th-high")).ToBeVisibleAsync();
        await Assertions.Expect(learner.Locator("#my-trend")).ToBeVisibleAsync();
        await learner.AssertAccessibleAsync();
        await learner.AssertFitsScreenAsync();

        await learner.Locator("#ask-conversation").ClickAsync();
        var dialog = learner.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.Locator("#conversation-to")).ToContainTextAsync("Марія Супервізорка");
        await learner.Locator("textarea[id='conversation-note']").FillAsync(Note);
        await learner.AssertAccessibleAsync();
        await dialog.Locator("#conversation-send").ClickAsync();
        await Assertions.Expect(learner.Locator("#conversation-asked")).ToBeVisibleAsync();
        await learner.AssertFitsScreenAsync();

        // The request reaches supervision as it is delivered, a moment later: she looks again until it is there.
        var supervisor = await session.NewPageAsync();
        await supervisor.SignInAsync("supervisor@traininghub.example");
        var request = supervisor.Locator(".th-support-request", new() { HasText = "Оксана Волонтерка" });
        for (var look = 1; look < 15; look++)
        {
            await supervisor.OpenAsync("/supervision/support-requests");
            if (await request.CountAsync() > 0)
            {
                break;
            }
            await supervisor.WaitForTimeoutAsync(1000);
        }
        await Assertions.Expect(request.Locator(".th-note")).ToContainTextAsync(Note);
        await Assertions.Expect(request.Locator(".th-no-scores")).ToBeVisibleAsync();
        await Assertions.Expect(request.Locator(".th-scores")).ToHaveCountAsync(0);
        await Assertions.Expect(request).Not.ToContainTextAsync("75");
        await supervisor.AssertAccessibleAsync();

        var coordinator = await session.NewPageAsync(Phone);
        await coordinator.SignInAsync("coordinator@traininghub.example");
        await OpenCityReportAsync(coordinator);
        await coordinator.ChooseAsync("reports-round", await OpenRoundNameAsync());
        await Assertions.Expect(coordinator.Locator("#reports-round-open")).ToBeVisibleAsync();

        await CloseTheRoundAsync(everyoneElseAnswers: false);
        await OpenCityReportAsync(coordinator);
        await Assertions.Expect(coordinator.Locator("#reports-total .th-respondents")).ToContainTextAsync("приховано: відповіли менше 5 осіб");
        await coordinator.AssertAccessibleAsync();

        await CloseTheRoundAsync(everyoneElseAnswers: true);
        await OpenCityReportAsync(coordinator);
        await Assertions.Expect(coordinator.Locator("#reports-total .th-respondents")).ToContainTextAsync("відповіли 6 з 6 (100%)");
        await Assertions.Expect(coordinator.Locator("#reports-total [data-scale='personal']")).ToContainTextAsync("середнє");
        await Assertions.Expect(coordinator.Locator("#reports-trend tbody tr")).ToHaveCountAsync(3);
        await coordinator.AssertFitsScreenAsync();
        await coordinator.AssertAccessibleAsync();

        await using var audit = session.App.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContext();
        var wellbeing = await audit.Entries.AsNoTracking().Where(e => e.Module == "Wellbeing" || e.Module == "Supervision").ToListAsync();
        Assert.DoesNotContain(wellbeing, e => e.EntityType is "CheckInResponse" or "RoundInvitation" or "ConversationRequest");
        Assert.DoesNotContain(wellbeing, e => $"{e.Summary} {e.Changes}".Contains("четвер"));
    }

    /// <summary>The coordinator's report of Zhytomyr city, reached from the oblast, which has no schedule of its own.</summary>
    private static async Task OpenCityReportAsync(IPage page)
    {
        await page.OpenAsync("/wellbeing/reports");
        await page.Locator("#reports-scheduled-under").GetByRole(AriaRole.Button, new() { Name = "Житомирська міська громада" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reports-rules")).ToBeVisibleAsync();
    }

    private async Task<string> OpenRoundNameAsync()
    {
        var round = await CityRoundAsync();
        return $"{round.OpensOn:dd.MM.yyyy} – {DailyRuns(round.ClosesAt):dd.MM.yyyy} (відкритий)";
    }

    private static DateOnly DailyRuns(DateTimeOffset closesAt) => TrainingHub.SharedKernel.Jobs.DailyRuns.DayOf(closesAt.AddTicks(-1));

    private async Task<CheckInRound> CityRoundAsync()
    {
        await using var db = session.App.Services.GetRequiredService<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();
        return (await db.Rounds.AsNoTracking().ToListAsync()).OrderByDescending(r => r.OpensOn).First();
    }

    /// <summary>
    /// A week passes: the round closes. With <paramref name="everyoneElseAnswers"/>, the others invited had answered
    /// before it closed, "sometimes" throughout, as the check-in page would have saved them.
    /// </summary>
    private async Task CloseTheRoundAsync(bool everyoneElseAnswers)
    {
        var id = (await CityRoundAsync()).Id;
        await using var db = session.App.Services.GetRequiredService<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();
        var round = await db.Rounds.SingleAsync(r => r.Id == id);
        round.ClosesAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        if (everyoneElseAnswers)
        {
            foreach (var invitation in await db.Invitations.Where(i => i.RoundId == id && i.State == InvitationState.Invited).ToListAsync())
            {
                var response = new CheckInResponse
                {
                    RoundId = id, UnitId = invitation.UnitId, PositionTypeId = invitation.PositionTypeId, SubmittedOn = round.OpensOn,
                    Scores = JsonSerializer.Serialize(new Dictionary<string, decimal> { ["personal"] = 50, ["work"] = 50 }),
                };
                db.Responses.Add(response);
                (invitation.State, invitation.ResponseId) = (InvitationState.Answered, response.Id);
            }
        }
        await db.SaveChangesAsync();
    }
}
