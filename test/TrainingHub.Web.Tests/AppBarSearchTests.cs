using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TrainingHub.SharedKernel.Hosting;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Search;
using TrainingHub.TestKit;
using TrainingHub.Web.Components.Layout;

namespace TrainingHub.Web.Tests;

/// <summary>The quick search in the app bar: what the modules find, grouped by kind, opened with a click or the keyboard.</summary>
public sealed class AppBarSearchTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public AppBarSearchTests()
    {
        _context.Services.AddTrainingHubCore(new ConfigurationBuilder().Build(), new TestEnvironment());
        _context.Services.AddMudServices();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddScoped<ISearchSource>(_ => new Source(
            new SearchHit("Особа", "Олександр Мельник", "Коростенська міська громада", "people/1"),
            new SearchHit("Особа", "Марія Мельничук", null, "people/2")));
        _context.Services.AddScoped<ISearchSource>(_ => new Source(
            new SearchHit("Курс", "Медіація в громаді", "Житомирська міська громада", "learning/courses/3")));
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    /// <summary>Answers the hits whose title contains the text, as a module's source would.</summary>
    private sealed class Source(params SearchHit[] hits) : ISearchSource
    {
        public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int max, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SearchHit>>(hits.Where(h => h.Title.Contains(text, StringComparison.CurrentCultureIgnoreCase)).Take(max).ToList());
    }

    private IRenderedComponent<AppBarSearch> Type(string text)
    {
        var search = _context.Render<AppBarSearch>();
        search.Find("input#app-search").Input(text);
        return search;
    }

    [Fact]
    public void Typing_shows_the_hits_grouped_by_kind_as_a_listbox_of_links_and_says_how_many()
    {
        var search = Type("ме");

        search.WaitForAssertion(() => Assert.Equal("true", search.Find("input#app-search").GetAttribute("aria-expanded")));
        var input = search.Find("input#app-search");
        Assert.Equal(("combobox", "Пошук", "app-search-results"), (input.GetAttribute("role"), input.GetAttribute("aria-label"), input.GetAttribute("aria-controls")));
        var results = search.Find("#app-search-results");
        Assert.Equal("listbox", results.GetAttribute("role"));
        Assert.False(results.HasAttribute("hidden"));
        Assert.Equal(["Особа", "Курс"], search.FindAll(".th-app-search-kind").Select(k => k.TextContent));
        var options = search.FindAll("[role=option]");
        Assert.Equal(["people/1", "people/2", "learning/courses/3"], options.Select(o => o.GetAttribute("href")));
        Assert.Equal("Олександр МельникКоростенська міська громада", options[0].TextContent.Trim());
        Assert.Equal(2, search.FindAll("[role=group]")[0].QuerySelectorAll("[role=option]").Length);
        Assert.Equal("Знайдено: 3", search.Find("[role=status]").TextContent);
    }

    // The key events are awaited: the field's handler may finish after the event is raised, and a test that looked
    // straight away would race it.
    [Fact]
    public async Task Arrows_choose_a_hit_and_Enter_opens_its_page()
    {
        var search = Type("ме");
        search.WaitForAssertion(() => Assert.Equal(3, search.FindAll("[role=option]").Count));

        await search.Find("input#app-search").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        await search.Find("input#app-search").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        search.WaitForAssertion(() => Assert.Equal("app-search-hit-1", search.Find("input#app-search").GetAttribute("aria-activedescendant")));
        Assert.Equal("true", search.Find("#app-search-hit-1").GetAttribute("aria-selected"));
        await search.Find("input#app-search").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("http://localhost/people/2", _context.Services.GetRequiredService<NavigationManager>().Uri);
        search.WaitForAssertion(() => Assert.True(search.Find("#app-search-panel").HasAttribute("hidden")));
    }

    [Fact]
    public async Task Escape_closes_the_list_and_one_letter_searches_nothing()
    {
        var search = Type("ме");
        search.WaitForAssertion(() => Assert.Equal(3, search.FindAll("[role=option]").Count));

        await search.Find("input#app-search").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });
        search.WaitForAssertion(() => Assert.True(search.Find("#app-search-panel").HasAttribute("hidden")));
        Assert.Equal("false", search.Find("input#app-search").GetAttribute("aria-expanded"));

        await search.Find("input#app-search").InputAsync(new ChangeEventArgs { Value = "м" });
        search.WaitForAssertion(() => Assert.Empty(search.FindAll("[role=option]")));
        Assert.True(search.Find("#app-search-panel").HasAttribute("hidden"));
    }

    [Fact]
    public void A_search_that_finds_nothing_says_so()
    {
        var search = Type("щось інше");

        search.WaitForAssertion(() => Assert.Equal("Нічого не знайдено", search.Find("#app-search-empty").TextContent));
        Assert.Empty(search.FindAll("[role=option]"));
        Assert.True(search.Find("[role=listbox]").HasAttribute("hidden"));
        Assert.Equal("Нічого не знайдено", search.Find("[role=status]").TextContent);
    }

    [Fact]
    public void Moving_the_focus_elsewhere_closes_the_list_but_moving_within_the_search_does_not()
    {
        var search = Type("ме");
        search.WaitForAssertion(() => Assert.Equal(3, search.FindAll("[role=option]").Count));

        search.Find(".th-app-search").FocusOut();
        search.Find(".th-app-search").FocusIn();
        Thread.Sleep(300);
        Assert.False(search.Find("#app-search-panel").HasAttribute("hidden"));
        search.Find(".th-app-search").FocusOut();

        search.WaitForAssertion(() => Assert.True(search.Find("#app-search-panel").HasAttribute("hidden")));
    }

    [Fact]
    public void On_a_phone_the_icon_opens_the_field_and_the_close_button_folds_it_again()
    {
        var search = _context.Render<AppBarSearch>();
        Assert.Contains("d-none", search.Find(".th-app-search-box").ClassList);
        Assert.Equal("Пошук", search.Find("#app-search-open").GetAttribute("aria-label"));

        search.Find("#app-search-open").Click();

        Assert.Contains("d-flex", search.Find(".th-app-search-box").ClassList);
        Assert.Equal("true", search.Find("#app-search-open").GetAttribute("aria-expanded"));
        search.Find("#app-search-close").Click();
        Assert.Contains("d-none", search.Find(".th-app-search-box").ClassList);
    }
}
