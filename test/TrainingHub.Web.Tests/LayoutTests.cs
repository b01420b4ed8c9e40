using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Hosting;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;
using TrainingHub.SharedKernel.Ui;
using TrainingHub.TestKit;
using TrainingHub.Web.Components.Layout;

namespace TrainingHub.Web.Tests;

/// <summary>The shell every page sits in: menu by permission, the person's name, signing out, the language switch.</summary>
public sealed class LayoutTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly BunitAuthorizationContext _auth;

    public LayoutTests()
    {
        var configuration = new ConfigurationBuilder().Build();
        _context.Services.AddTrainingHubCore(configuration, new TestEnvironment());
        _context.Services.AddTrainingHubModule(new OrganisationsModule(), configuration, new TestEnvironment());
        _context.Services.AddMudServices();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _auth = _context.AddAuthorization();
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<MainLayout> RenderLayout(string culture = Cultures.Ukrainian)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return _context.Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));
    }

    private void SignIn(string fullName, params PermissionGrant[] grants)
    {
        _auth.SetAuthorized("person@traininghub.example");
        _auth.SetClaims([new Claim(AccountClaimTypes.FullName, fullName), .. grants.Select(g => g.ToClaim())]);
    }

    [Fact]
    public void A_coordinator_sees_their_name_the_organisations_menu_and_sign_out_in_Ukrainian()
    {
        SignIn("Ігор Координатор", new PermissionGrant(OrganisationPermissions.UnitsView, Guid.NewGuid()));

        var layout = RenderLayout();

        Assert.Contains("Ігор Координатор", layout.Find(".th-user-name").TextContent);
        Assert.Equal(["Головна"], layout.FindAll("nav a.mud-nav-link").Select(a => a.TextContent.Trim()));
        var administration = layout.Find(".th-nav-group[data-group='Administration'] > button");
        Assert.Equal(("Адміністрування", "false"), (administration.TextContent.Trim(), administration.GetAttribute("aria-expanded")));
        administration.Click();
        Assert.Equal(["Головна", "Організації"], layout.FindAll("nav a.mud-nav-link").Select(a => a.TextContent.Trim()));
        Assert.Equal("true", layout.Find(".th-nav-group[data-group='Administration'] > button").GetAttribute("aria-expanded"));
        Assert.Equal("Вийти", layout.Find("#logout").TextContent.Trim());
        Assert.Equal("/account/logout", layout.Find("#logout").Closest("form")!.GetAttribute("action"));
        Assert.Equal("Вийти", layout.Find("#logout-compact").GetAttribute("aria-label"));
        Assert.Same(layout.Find("#logout").Closest("form"), layout.Find("#logout-compact").Closest("form"));
        Assert.Contains("page body", layout.Markup);
        Assert.Equal("true", layout.Find(".mud-layout").GetAttribute("data-interactive"));
    }

    [Fact]
    public void Someone_without_permissions_sees_only_the_home_entry()
    {
        SignIn("Оксана Волонтерка");

        var layout = RenderLayout();

        Assert.Equal(["Головна"], layout.FindAll("nav .mud-nav-link").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void The_quick_search_sits_in_the_bar_for_people_signed_in_and_not_for_others()
    {
        var layout = RenderLayout();
        Assert.Empty(layout.FindAll("#app-search"));
        Assert.Empty(layout.FindAll("#app-search-open"));

        SignIn("Оксана Волонтерка");

        layout.WaitForAssertion(() => Assert.Equal("Пошук", layout.Find("input#app-search").GetAttribute("aria-label")));
        Assert.Equal("Пошук", layout.Find("#app-search-open").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_shell_speaks_English_when_English_is_chosen()
    {
        SignIn("Ihor", new PermissionGrant(OrganisationPermissions.UnitsView, null));

        var layout = RenderLayout(Cultures.English);

        Assert.Equal(["Home", "Administration"], layout.FindAll("nav .mud-nav-link").Select(a => a.TextContent.Trim()));
        Assert.Equal("Sign out", layout.Find("#logout").TextContent.Trim());
        Assert.Equal("Skip to content", layout.Find(".th-skip-link").TextContent);
    }

    [Fact]
    public void The_language_switch_links_back_to_the_current_page_and_marks_the_current_language()
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/organisations?q=1");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.English);

        var switcher = _context.Render<LanguageSwitcher>();

        var links = switcher.FindAll("a");
        Assert.Equal(["УКР", "ENG"], links.Select(a => a.TextContent.Trim()));
        Assert.Equal("/culture/set?culture=uk-UA&redirectUri=%2Forganisations%3Fq%3D1", links[0].GetAttribute("href"));
        Assert.Null(links[0].GetAttribute("aria-current"));
        Assert.Equal("true", links[1].GetAttribute("aria-current"));
        Assert.Equal("uk", links[0].GetAttribute("lang"));
    }

    [Fact]
    public void The_language_switch_follows_the_person_to_the_next_page()
    {
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        var switcher = _context.Render<LanguageSwitcher>();

        navigation.NavigateTo("/organisations/import");

        switcher.WaitForAssertion(() =>
            Assert.EndsWith("redirectUri=%2Forganisations%2Fimport", switcher.FindAll("a")[1].GetAttribute("href")));
    }

    /// <summary>Menu entries of several jobs, under one made-up permission each, as modules bring them.</summary>
    private sealed class JobsModule : TrainingHubModule
    {
        public override string Name => "Jobs";

        public override IEnumerable<MenuItem> MenuItems =>
        [
            new("Menu:Group:Workforce", "workforce/staffing", MudBlazor.Icons.Material.Filled.Groups, "Test.Plan", typeof(CommonResource)) { Group = MenuGroup.Workforce },
            new("Menu:Group:Learning", "learning/my", MudBlazor.Icons.Material.Filled.School, "Test.Learn", typeof(CommonResource)) { Group = MenuGroup.MyWork },
            new("Menu:Group:Supervision", "supervision/coverage", MudBlazor.Icons.Material.Filled.Insights, "Test.Supervise", typeof(CommonResource)) { Group = MenuGroup.Supervision },
        ];
    }

    [Fact]
    public void Someone_with_several_roles_sees_their_groups_in_job_order_with_their_own_work_and_the_current_page_open()
    {
        _context.Services.AddTrainingHubModule(new JobsModule(), new ConfigurationBuilder().Build(), new TestEnvironment());
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/workforce/staffing?unit=1");
        SignIn("Марія", new PermissionGrant("Test.Plan", null), new PermissionGrant("Test.Learn", null), new PermissionGrant("Test.Supervise", null),
            new PermissionGrant(OrganisationPermissions.UnitsView, null));

        var layout = RenderLayout(Cultures.English);

        Assert.Equal(["MyWork", "Supervision", "Workforce", "Administration"], layout.FindAll(".th-nav-group").Select(g => g.GetAttribute("data-group")));
        Assert.Equal(["true", "false", "true", "false"], layout.FindAll(".th-nav-group > button").Select(b => b.GetAttribute("aria-expanded")));
        Assert.Equal(["Home", "Learning", "Workforce"], layout.FindAll("nav a.mud-nav-link").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void The_groups_left_open_are_remembered_in_the_browser_and_opened_again()
    {
        _context.JSInterop.Setup<string?>("localStorage.getItem", NavMenu.StorageKey).SetResult("Administration");
        SignIn("Ігор", new PermissionGrant(OrganisationPermissions.UnitsView, null));

        var layout = RenderLayout(Cultures.English);

        layout.WaitForAssertion(() => Assert.Equal("true", layout.Find(".th-nav-group[data-group='Administration'] > button").GetAttribute("aria-expanded")));
        layout.Find(".th-nav-group[data-group='Administration'] > button").Click();
        Assert.Empty(layout.FindAll("nav a.mud-nav-link[href='organisations']"));
        Assert.Contains(_context.JSInterop.Invocations, i => i.Identifier == "localStorage.setItem" && (string?)i.Arguments[1] == "");
    }

    /// <summary>Five places of one's own, as a learner who also supervises has them.</summary>
    private sealed class OwnPlacesModule : TrainingHubModule
    {
        public override string Name => "OwnPlaces";

        public override IEnumerable<MenuItem> MenuItems =>
        [
            new("Menu:Group:Learning", "learning/my", MudBlazor.Icons.Material.Filled.School, "Test.Learn", typeof(CommonResource), 1) { Group = MenuGroup.MyWork },
            new("Menu:Group:Pathways", "pathways/my", MudBlazor.Icons.Material.Filled.Flag, "Test.Learn", typeof(CommonResource), 2) { Group = MenuGroup.MyWork },
            new("Menu:Group:Competencies", "competencies/my", MudBlazor.Icons.Material.Filled.TrendingUp, "Test.Learn", typeof(CommonResource), 3) { Group = MenuGroup.MyWork },
            new("Menu:Group:Supervision", "supervision/sessions", MudBlazor.Icons.Material.Filled.EventNote, "Test.Learn", typeof(CommonResource), 4) { Group = MenuGroup.MyWork },
            new("Menu:Group:Wellbeing", "wellbeing/check-ins", MudBlazor.Icons.Material.Filled.SelfImprovement, "Test.Learn", typeof(CommonResource), 5) { Group = MenuGroup.MyWork },
            new("Menu:Group:Workforce", "workforce/staffing", MudBlazor.Icons.Material.Filled.Groups, "Test.Plan", typeof(CommonResource)) { Group = MenuGroup.Workforce },
        ];
    }

    [Fact]
    public void On_a_phone_a_learners_home_and_first_four_places_of_their_own_are_one_tap_away_at_the_bottom()
    {
        _context.Services.AddTrainingHubModule(new OwnPlacesModule(), new ConfigurationBuilder().Build(), new TestEnvironment());
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/pathways/my");
        SignIn("Оксана", new PermissionGrant("Test.Learn", null), new PermissionGrant("Test.Plan", null));

        var layout = RenderLayout(Cultures.English);

        var bar = layout.Find("#phone-bar");
        Assert.Equal("My places", bar.GetAttribute("aria-label"));
        Assert.Contains("d-sm-none", bar.ClassList);
        var links = bar.QuerySelectorAll("a");
        Assert.Equal(["/", "learning/my", "pathways/my", "competencies/my", "supervision/sessions"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["Home", "Learning", "Pathways", "Competencies", "Supervision"], links.Select(a => a.TextContent.Trim()));
        Assert.Contains("th-phone-active", links[2].ClassList);
        Assert.DoesNotContain("th-phone-active", links[0].ClassList);
    }

    [Fact]
    public void Someone_without_places_of_their_own_has_no_phone_bar()
    {
        _context.Services.AddTrainingHubModule(new OwnPlacesModule(), new ConfigurationBuilder().Build(), new TestEnvironment());
        SignIn("Ігор", new PermissionGrant("Test.Plan", null));

        var layout = RenderLayout();

        Assert.Empty(layout.FindAll("#phone-bar"));
    }
}
