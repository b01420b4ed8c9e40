using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

/// <summary>
/// A coordinator on a phone sets a monthly supervision policy for one hromada of their oblast, reads it back in words,
/// and removes it again after confirming, which brings back the built-in policy; each step fits the screen and passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FrequencyJourneyTests(BrowserSession session)
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task A_coordinator_sets_a_monthly_policy_for_a_hromada_and_removes_it_again()
    {
        var page = await session.NewPageAsync(Phone);
        await page.SignInAsync("coordinator@traininghub.example");
        await page.OpenAsync("/supervision/frequency");
        await Assertions.Expect(page.Locator("#frequency-built-in")).ToContainTextAsync("щотижня перші 6 тиж.; раз на 2 тиж. до 26-го тижня; далі щомісяця");
        await page.AssertAccessibleAsync();
        await page.AssertFitsScreenAsync();

        await page.Locator("#frequency-add").ClickAsync();
        await page.PickAsync("frequency-unit", "бердич", "Бердичівська міська громада");
        await page.Locator(".th-step-remove").First.ClickAsync();
        await page.Locator(".th-step-remove").First.ClickAsync();
        await Assertions.Expect(page.Locator("#frequency-preview")).ToHaveTextAsync("щомісяця");
        await page.AssertAccessibleAsync();
        await page.Locator("#frequency-save").ClickAsync();

        var policy = page.Locator(".th-policy", new() { HasText = "Бердичівська міська громада" });
        await Assertions.Expect(policy.Locator(".th-policy-steps")).ToHaveTextAsync("щомісяця");
        await Assertions.Expect(page.Locator("#frequency-built-in")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.AssertFitsScreenAsync();

        await policy.Locator(".th-policy-remove").ClickAsync();
        var question = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(question).ToContainTextAsync("Видалити політику для «Бердичівська міська громада · Усі посади»?");
        await question.GetByRole(AriaRole.Button, new() { Name = "Видалити" }).ClickAsync();
        await Assertions.Expect(policy).ToHaveCountAsync(0);
    }
}
