using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace TrainingHub.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class ApiTokenJourneyTests(BrowserSession session)
{
    [Fact]
    public async Task A_mentor_creates_a_token_from_their_account_uses_it_and_revokes_it()
    {
        var page = await session.NewPageAsync();
        await page.SignInAsync("mentor@traininghub.example");
        await page.GotoAsync("/account/manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "Керувати API-токенами" }).ClickAsync();
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("API-токени");
        await Assertions.Expect(page.GetByText("У вас немає API-токенів.")).ToBeVisibleAsync();

        await page.GetByLabel("Назва").FillAsync("Звіт про супервізію");
        await page.GetByRole(AriaRole.Button, new() { Name = "Створити" }).ClickAsync();

        var secret = page.Locator("#new-token");
        await Assertions.Expect(secret).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^thk_"));
        var token = await secret.InputValueAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Звіт про супервізію" });
        await Assertions.Expect(row).ToContainTextAsync("Діє");
        await Assertions.Expect(row).ToContainTextAsync("ніколи");
        await page.AssertAccessibleAsync();
        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(token));

        await row.GetByRole(AriaRole.Button, new() { Name = "Відкликати Звіт про супервізію" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Відкликати токен «Звіт про супервізію»?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Відкликати" }).ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("Відкликано");
        await Assertions.Expect(secret).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(token));
        await page.ReloadAsync();
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByText(token)).ToHaveCountAsync(0);
    }

    private async Task<HttpStatusCode> CallApiAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(session.App.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("api/v1/units")).StatusCode;
    }
}
