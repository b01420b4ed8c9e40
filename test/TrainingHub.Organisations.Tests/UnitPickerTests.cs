using Bunit;
using Microsoft.AspNetCore.Components.Web;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Contracts.Pickers;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Organisations.Tests;

/// <summary>The unit picker every module shows, over the real tree: what it offers, how it tells namesakes apart, how it is used.</summary>
public sealed class UnitPickerTests : PageTestContext
{
    private Guid _zhytomyr;
    private Guid _korostenCentre;
    private Guid _berdychivCentre;

    /// <summary>Two oblasts, each with social service centres all called "Центр", as happens in real hromadas.</summary>
    private async Task TwoOblastsWithNamesakesAsync()
    {
        _zhytomyr = await Tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        var korosten = await Tree.CreateAsync(UnitType.Hromada, "Коростенська міська громада", _zhytomyr);
        var berdychiv = await Tree.CreateAsync(UnitType.Hromada, "Бердичівська міська громада", _zhytomyr);
        _korostenCentre = await Tree.CreateAsync(UnitType.Organisation, "Центр", korosten);
        _berdychivCentre = await Tree.CreateAsync(UnitType.Organisation, "Центр", berdychiv);
        var lviv = await Tree.CreateAsync(UnitType.Oblast, "Львівська область");
        await Tree.CreateAsync(UnitType.Organisation, "Центр", await Tree.CreateAsync(UnitType.Hromada, "Стрийська міська громада", lviv));
    }

    private IRenderedComponent<UnitPicker> Searching(Action<Guid?>? chosen = null) =>
        Render<UnitPicker>(p => p
            .Add(x => x.Permission, OrganisationPermissions.UnitsEdit)
            .Add(x => x.Label, "Одиниця")
            .Add(x => x.Id, "unit")
            .Add(x => x.ValueChanged, value => chosen?.Invoke(value)));

    [Fact]
    public async Task Namesakes_are_told_apart_by_their_path_and_units_outside_the_users_area_are_never_offered()
    {
        await TwoOblastsWithNamesakesAsync();
        Host.AsCoordinatorOf(_zhytomyr);
        var popovers = RenderProviders().Popovers;
        var picker = Searching();

        picker.Find("input#unit").Input("центр");

        popovers.WaitForAssertion(() => Assert.Equal(
            ["Центр · Житомирська область › Бердичівська міська громада", "Центр · Житомирська область › Коростенська міська громада"],
            popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
        Assert.DoesNotContain("Стрийська", popovers.Markup);
    }

    [Fact]
    public async Task A_unit_is_found_by_the_name_of_the_hromada_it_sits_in()
    {
        await TwoOblastsWithNamesakesAsync();
        Host.AsAdministrator();
        var popovers = RenderProviders().Popovers;
        var picker = Searching();

        picker.Find("input#unit").Input("стрий");

        popovers.WaitForAssertion(() => Assert.Equal(
            ["Стрийська міська громада · Львівська область", "Центр · Львівська область › Стрийська міська громада"],
            popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
    }

    [Fact]
    public async Task A_unit_is_chosen_with_the_keyboard_alone()
    {
        await TwoOblastsWithNamesakesAsync();
        Host.AsCoordinatorOf(_zhytomyr);
        var popovers = RenderProviders().Popovers;
        Guid? chosen = null;
        var picker = Searching(value => chosen = value);
        var input = picker.Find("input#unit");

        input.Input("коростен");
        popovers.WaitForAssertion(() => Assert.Equal(2, popovers.FindAll(".mud-list-item").Count));
        // The hromada comes first and is highlighted, then the centre in it: one step down and Enter, as a browser sends them.
        input.KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        input.KeyUp(new KeyboardEventArgs { Key = "ArrowDown" });
        input.KeyDown(new KeyboardEventArgs { Key = "Enter" });
        input.KeyUp(new KeyboardEventArgs { Key = "Enter" });

        picker.WaitForAssertion(() => Assert.Equal(_korostenCentre, chosen));
        Assert.Equal("Центр", picker.Find("input#unit").GetAttribute("value"));
    }

    [Fact]
    public async Task A_person_without_the_permission_is_offered_nothing_and_told_so()
    {
        await TwoOblastsWithNamesakesAsync();
        Host.AsLearnerIn(_zhytomyr);
        var popovers = RenderProviders().Popovers;
        var picker = Searching();

        picker.Find("input#unit").Input("центр");

        popovers.WaitForAssertion(() => Assert.Contains("У вашому регіоні такої одиниці немає.", popovers.Markup));
        Assert.Empty(popovers.FindAll(".mud-list-item"));
    }

    [Fact]
    public async Task Choosing_from_a_given_list_shows_each_units_path_the_current_name_and_the_fields_error_in_English()
    {
        await TwoOblastsWithNamesakesAsync();
        Host.AsAdministrator();
        Culture = Cultures.English;
        var directory = Host.Get<IOrganisationDirectory>();
        IReadOnlyList<OrganisationUnitSummary> units = [(await directory.FindAsync(_korostenCentre))!, (await directory.FindAsync(_berdychivCentre))!];
        var popovers = RenderProviders().Popovers;

        var picker = Render<UnitPicker>(p => p
            .Add(x => x.Units, units)
            .Add(x => x.Value, _berdychivCentre)
            .Add(x => x.Label, "Owner")
            .Add(x => x.Id, "owner")
            .Add(x => x.ErrorText, "Choose a unit where you may author courses."));

        picker.WaitForAssertion(() => Assert.Equal("Центр", picker.Find("input#owner").GetAttribute("value")));
        Assert.Contains("Choose a unit where you may author courses.", picker.Find(".mud-input-helper-text").TextContent);
        picker.Find(".mud-select .mud-input-control").MouseDown();
        popovers.WaitForAssertion(() => Assert.Equal(
            ["Центр · Житомирська область › Коростенська міська громада", "Центр · Житомирська область › Бердичівська міська громада"],
            popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
    }
}
