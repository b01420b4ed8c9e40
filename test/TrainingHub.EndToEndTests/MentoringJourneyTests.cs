using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// Mentoring on a phone: the demo mentor adds a goal to the pair with the demo learner, and the learner marks it
/// achieved; both pages fit the screen and pass axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MentoringJourneyTests(BrowserSession session)
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task A_mentor_on_a_phone_adds_a_goal_and_the_mentee_marks_it_achieved()
    {
        var text = $"Провести зустріч з батьками {Guid.NewGuid().ToString()[..4]}";
        var mentor = await session.NewPageAsync(Phone);
        await mentor.SignInAsync("mentor@traininghub.example");
        await mentor.OpenAsync("/supervision/mentoring");
        var pair = mentor.Locator("#pairs > div", new() { HasText = "Менторство: Оксана Волонтерка" });
        await Assertions.Expect(pair).ToContainTextAsync("Скласти особистий план самодогляду");
        await pair.GetByLabel("Нова ціль").FillAsync(text);
        await pair.GetByRole(AriaRole.Button, new() { Name = "Додати ціль" }).ClickAsync();
        await Assertions.Expect(pair.Locator(".th-goal", new() { HasText = text })).ToContainTextAsync("відкрита");
        await mentor.AssertAccessibleAsync();
        await mentor.AssertFitsScreenAsync();

        var learner = await session.NewPageAsync(Phone);
        await learner.SignInAsync("learner@traininghub.example");
        await learner.OpenAsync("/supervision/mentoring");
        await learner.GetByRole(AriaRole.Link, new() { Name = "Ваш ментор: Андрій Наставник" }).ClickAsync();
        // On a busy machine the pair's page may still be loading when its buttons first show: a click then would be lost.
        await Assertions.Expect(learner.Locator("#page-loading")).ToHaveCountAsync(0);
        var goal = learner.Locator(".th-goal", new() { HasText = text });
        await Assertions.Expect(goal.GetByRole(AriaRole.Button, new() { Name = "Зняти" })).ToHaveCountAsync(0);
        await goal.GetByRole(AriaRole.Button, new() { Name = "Досягнуто" }).ClickAsync();
        await Assertions.Expect(goal).ToContainTextAsync("досягнута");
        await learner.AssertAccessibleAsync();
        await learner.AssertFitsScreenAsync();
    }
}
