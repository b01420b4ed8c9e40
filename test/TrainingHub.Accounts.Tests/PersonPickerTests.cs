using Bunit;
using Microsoft.AspNetCore.Components.Web;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Contracts.Pickers;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>The person picker every module shows, over the demo people: whom it offers and how people are chosen.</summary>
public sealed class PersonPickerTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private DemoAccountsHost _demo = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _demo = await DemoAccountsHost.StartAsync(_server);
        // A coordinator of Korosten hromada: the demo people of Zhytomyr City and of Lviv Oblast are outside their area.
        _demo.Host.User.Holding(new PermissionGrant(AccountPermissions.PeopleManage, _demo.Korosten.Id));
        _pages = new PageRenderer(_demo.Host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _demo.Host.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static string[] Offered(IRenderedComponent<MudBlazor.MudPopoverProvider> popovers) =>
        [.. popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())];

    [Fact]
    public void Only_people_of_the_users_area_are_offered_with_their_unit()
    {
        var popovers = _pages.RenderProviders().Popovers;
        var picker = _pages.Render<PersonPicker>(p => p
            .Add(x => x.Permission, AccountPermissions.PeopleManage).Add(x => x.Label, "Людина").Add(x => x.Id, "person"));

        // Шевчук works in Korosten; Кравчук (Zhytomyr City) and Савчук (Lviv Oblast) do not.
        picker.Find("input#person").Input("чук");

        popovers.WaitForAssertion(() => Assert.Equal(["Тетяна Шевчук · Коростенська міська громада"], Offered(popovers)));
    }

    [Fact]
    public void A_search_that_finds_nobody_in_the_area_says_so()
    {
        var popovers = _pages.RenderProviders().Popovers;
        var picker = _pages.Render<PersonPicker>(p => p
            .Add(x => x.Permission, AccountPermissions.PeopleManage).Add(x => x.Label, "Людина").Add(x => x.Id, "person"));

        picker.Find("input#person").Input("Савчук");

        popovers.WaitForAssertion(() => Assert.Contains("У вашому регіоні нікого не знайдено.", popovers.Markup));
        Assert.Empty(Offered(popovers));
    }

    [Fact]
    public void Several_people_are_chosen_with_the_keyboard_shown_as_chips_offered_once_and_removed_again()
    {
        var popovers = _pages.RenderProviders().Popovers;
        IReadOnlyList<PersonOption> chosen = [];
        IRenderedComponent<PersonPicker> picker = null!;
        picker = _pages.Render<PersonPicker>(p => p
            .Add(x => x.Permission, AccountPermissions.PeopleManage).Add(x => x.Label, "Люди").Add(x => x.Id, "people")
            .Add(x => x.Multiple, true).Add(x => x.Values, chosen)
            .Add(x => x.ValuesChanged, values => picker.Render(p => p.Add(x => x.Values, chosen = values))));

        Choose(picker, popovers, "шевч");
        picker.WaitForAssertion(() => Assert.Equal(["Тетяна Шевчук"], chosen.Select(p => p.FullName)));
        Choose(picker, popovers, "мельн");
        picker.WaitForAssertion(() => Assert.Equal(["Тетяна Шевчук", "Олександр Мельник"], chosen.Select(p => p.FullName)));
        Assert.Equal(["Тетяна Шевчук", "Олександр Мельник"], picker.FindAll("#people-chosen .mud-chip").Select(c => c.TextContent.Trim()));

        picker.Find("input#people").Input("чук");
        popovers.WaitForAssertion(() => Assert.Contains("У вашому регіоні нікого не знайдено.", popovers.Markup));

        picker.FindAll("#people-chosen .mud-chip button")[0].Click();
        picker.WaitForAssertion(() => Assert.Equal(["Олександр Мельник"], chosen.Select(p => p.FullName)));
    }

    /// <summary>Types part of a name, and takes the first match with Enter, as a keyboard user does.</summary>
    private static void Choose(IRenderedComponent<PersonPicker> picker, IRenderedComponent<MudBlazor.MudPopoverProvider> popovers, string text)
    {
        picker.Find("input#people").Input(text);
        popovers.WaitForAssertion(() => Assert.Single(Offered(popovers)));
        picker.Find("input#people").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        picker.Find("input#people").KeyUp(new KeyboardEventArgs { Key = "Enter" });
    }
}
