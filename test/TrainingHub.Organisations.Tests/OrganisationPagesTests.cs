using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using TrainingHub.Organisations.Contracts;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Organisations.Pages;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;

namespace TrainingHub.Organisations.Tests;

public sealed class UnitTreePageTests : PageTestContext
{
    [Fact]
    public async Task The_tree_shows_oblasts_with_their_hromadas_and_search_narrows_it_to_matches_and_their_oblast()
    {
        var zhytomyr = await Tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        await Tree.CreateAsync(UnitType.Hromada, "Коростенська міська громада", zhytomyr);
        await Tree.CreateAsync(UnitType.Hromada, "Бердичівська міська громада", zhytomyr);
        await Tree.CreateAsync(UnitType.Oblast, "Львівська область");

        var page = Render<UnitTree>();
        page.WaitForAssertion(() => Assert.Contains("Бердичівська міська громада", page.Markup));
        Assert.Contains("Показано 4 з 4 одиниць", page.Markup);

        page.Find("#unit-search").Input("корост");

        page.WaitForAssertion(() => Assert.Contains("Показано 2 з 4 одиниць", page.Markup));
        Assert.Contains("Коростенська міська громада", page.Markup);
        Assert.Contains("Житомирська область", page.Markup);
        Assert.DoesNotContain("Львівська область", page.Markup);
        Assert.Single(page.FindAll(".th-tree-match"));
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_so()
    {
        await Tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        var page = Render<UnitTree>();
        page.WaitForAssertion(() => Assert.Contains("Житомирська область", page.Markup));

        page.Find("#unit-search").Input("Одеська");

        page.WaitForAssertion(() => Assert.Equal("За вашим запитом нічого не знайдено.", page.Find("#no-matches").TextContent.Trim()));
    }

    [Fact]
    public async Task English_readers_see_English_names_and_labels_where_they_exist()
    {
        await Tree.CreateAsync(new UnitInputBuilder(UnitType.Oblast, "Житомирська область") { NameEn = "Zhytomyr Oblast" }.Build());
        Culture = Cultures.English;

        var page = Render<UnitTree>();

        page.WaitForAssertion(() => Assert.Contains("Zhytomyr Oblast", page.Markup));
        Assert.Contains("Find a unit", page.Markup);
        Assert.DoesNotContain("Житомирська область", page.Markup);
    }

    [Fact]
    public void An_empty_tree_says_there_are_no_units_yet()
    {
        var page = Render<UnitTree>();

        page.WaitForAssertion(() => Assert.Contains("У вашій території ще немає організаційних одиниць.", page.Markup));
    }
}

public sealed class UnitEditorPageTests : PageTestContext
{
    [Fact]
    public async Task Saving_without_a_name_shows_the_reason_beside_the_field_and_creates_nothing()
    {
        var oblast = await Tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        RenderProviders();
        var navigation = Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"organisations/new?type=Hromada&parentId={oblast}");
        var page = Render<UnitEditor>();
        page.WaitForAssertion(() => page.Find("#save-unit"));

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Введіть назву.", page.Markup));
        Assert.Single(await Tree.GetVisibleUnitsAsync());
    }

    [Fact]
    public async Task A_conflicting_edit_keeps_the_typed_values_and_offers_a_reload()
    {
        var oblast = await Tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        RenderProviders();
        var page = Render<UnitEditor>(p => p.Add(x => x.Id, oblast));
        page.WaitForAssertion(() => page.Find("#unit-name"));

        // Someone else saves first.
        var opened = (await Tree.GetAsync(oblast)).Value;
        var other = UnitInput.From(opened);
        other.Population = 1;
        Assert.True((await Tree.UpdateAsync(oblast, other, opened.Version)).Succeeded);

        page.Find("#unit-name").Change("Житомирщина");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Поки ви редагували, хтось інший змінив ці дані", page.Find("#save-error").TextContent));
        Assert.Equal("Житомирщина", page.Find("#unit-name").GetAttribute("value"));
        Assert.NotNull(page.Find("#reload"));
        Assert.Equal("Житомирська область", (await Tree.GetAsync(oblast)).Value.Unit.Name);
    }
}

public sealed class UnitDetailsPageTests : PageTestContext
{
    [Fact]
    public async Task Details_show_the_path_the_figures_in_the_readers_format_and_the_children()
    {
        var oblast = await Tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        var hromada = (await Tree.CreateAsync(new UnitInputBuilder(UnitType.Hromada, "Коростенська міська громада") { ParentId = oblast, Population = 72950 }.Build())).Value;
        await Tree.CreateAsync(UnitType.Organisation, "Центр соціальних служб", hromada);

        var page = Render<UnitDetailsPage>(p => p.Add(x => x.Id, hromada));

        page.WaitForAssertion(() => Assert.Contains("Центр соціальних служб", page.Markup));
        Assert.Contains("72\u00a0950", page.Markup);
        Assert.Contains("Житомирська область", page.Find(".mud-breadcrumbs").TextContent);
        Assert.Contains("Складові одиниці (1)", page.Markup);
    }

    [Fact]
    public async Task Deleting_a_unit_with_children_explains_why_it_cannot_be_deleted()
    {
        var oblast = await Tree.CreateAsync(UnitType.Oblast, "Житомирська область");
        await Tree.CreateAsync(UnitType.Hromada, "Овруцька громада", oblast);
        var dialogs = RenderProviders().Dialogs;
        var page = Render<UnitDetailsPage>(p => p.Add(x => x.Id, oblast));
        page.WaitForAssertion(() => page.Find("#delete-unit"));

        page.Find("#delete-unit").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Ця одиниця містить інші одиниці", dialogs.Markup));
        Assert.Equal(2, (await Tree.GetVisibleUnitsAsync()).Count);
    }

    [Fact]
    public async Task Deleting_an_empty_unit_asks_for_confirmation_first()
    {
        var oblast = await Tree.CreateAsync(UnitType.Oblast, "Волинська область");
        var dialogs = RenderProviders().Dialogs;
        var page = Render<UnitDetailsPage>(p => p.Add(x => x.Id, oblast));
        page.WaitForAssertion(() => page.Find("#delete-unit"));

        page.Find("#delete-unit").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Видалити «Волинська область»?", dialogs.Markup));
        Assert.Single(await Tree.GetVisibleUnitsAsync());

        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Видалити").Click();

        await Eventually.TrueAsync(async () => (await Tree.GetVisibleUnitsAsync()).Count == 0, "the deleted unit to leave the tree");
    }
}

public sealed class TerritoryImportPageTests : PageTestContext
{
    [Fact]
    public void A_file_with_errors_shows_each_bad_line_and_keeps_the_import_button_disabled()
    {
        RenderProviders();
        var page = Render<TerritoryImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "oblast,hromada,katottg,population,child_population\nЖитомирська область,,,1000,10\nЖитомирська область,Нова громада,,-5,0\n",
            "territories.csv"));

        page.WaitForAssertion(() => Assert.Contains("Чисельність населення не може бути від’ємною.", page.Markup));
        Assert.Contains("рядків — 2; нових — 1, для оновлення — 0, з помилками — 1", page.Find("#import-summary").TextContent);
        Assert.True(page.Find("#run-import").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_good_file_is_previewed_then_imported()
    {
        RenderProviders();
        var page = Render<TerritoryImportPage>();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "oblast,hromada,katottg,population,child_population\nЖитомирська область,,,1000,10\nЖитомирська область,Нова громада,,500,50\n",
            "territories.csv"));
        page.WaitForAssertion(() => Assert.False(page.Find("#run-import").HasAttribute("disabled")));
        Assert.Empty(await Tree.GetVisibleUnitsAsync());

        page.Find("#run-import").Click();

        page.WaitForAssertion(() => Assert.Contains("Імпорт завершено: створено одиниць — 2, оновлено — 0.", page.Find("#import-done").TextContent));
        Assert.Equal(2, (await Tree.GetVisibleUnitsAsync()).Count);
    }
}
