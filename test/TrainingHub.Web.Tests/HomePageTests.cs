using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Hosting;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Web.Components.Pages;

namespace TrainingHub.Web.Tests;

/// <summary>
/// The home page arranges what modules provide: the person's steps from every module, most urgent first, then the parts
/// of each of their jobs, each once.
/// </summary>
public sealed class HomePageTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly BunitContext _context = new();
    private readonly BunitAuthorizationContext _auth;
    private readonly TestUser _user = new();
    private readonly FakeSteps _learning = new();
    private readonly FakeSteps _supervision = new();

    public HomePageTests()
    {
        var configuration = new ConfigurationBuilder().Build();
        _context.Services.AddTrainingHubCore(configuration, new TestEnvironment());
        _context.Services.AddTrainingHubModule(new JobsModule(), configuration, new TestEnvironment());
        _context.Services.Replace(ServiceDescriptor.Singleton<ICurrentUser>(_user));
        _context.Services.Replace(ServiceDescriptor.Singleton(TimeProvider.System));
        _context.Services.AddSingleton<INextSteps>(_learning);
        _context.Services.AddSingleton<INextSteps>(_supervision);
        _context.Services.AddMudServices();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _auth = _context.AddAuthorization();
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<Home> RenderHome(string culture, params string[] permissions)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var grants = permissions.Select(p => new PermissionGrant(p, null)).ToArray();
        _user.Holding(grants);
        _auth.SetAuthorized("person@traininghub.example");
        _auth.SetClaims([new Claim(AccountClaimTypes.FullName, "Оксана Коваль"), .. grants.Select(g => g.ToClaim())]);
        return _context.Render<Home>();
    }

    private static NextStep Step(string key, NextStepUrgency urgency, int dueInDays) =>
        new(key, $"Step {key}", $"/do/{key}", "Go", urgency, Now.AddDays(dueInDays), MudBlazor.Icons.Material.Filled.School);

    [Fact]
    public void A_learner_sees_every_modules_steps_most_urgent_first_each_once_with_a_link_to_where_it_is_done()
    {
        _learning.Steps = [Step("open", NextStepUrgency.Open, 20), Step("overdue", NextStepUrgency.Overdue, -3), Step("shared", NextStepUrgency.DueSoon, 2)];
        _supervision.Steps = [Step("session", NextStepUrgency.Upcoming, 5), Step("soon", NextStepUrgency.DueSoon, 1), Step("shared", NextStepUrgency.DueSoon, 2)];

        var home = RenderHome(Cultures.English, "Test.Learn");

        var steps = home.FindAll("#next-steps .th-step");
        Assert.Equal(["overdue", "soon", "shared", "open", "session"], steps.Select(s => s.GetAttribute("data-key")));
        Assert.Equal("/do/overdue", steps[0].QuerySelector("a.th-step-go")!.GetAttribute("href"));
        Assert.Equal("Overdue", steps[0].QuerySelector(".th-urgency")!.TextContent.Trim());
        Assert.Equal("Coming up", steps[4].QuerySelector(".th-urgency")!.TextContent.Trim());
        Assert.Equal("What to do next", home.Find("#next-title").TextContent);
    }

    [Fact]
    public void A_long_list_of_steps_shows_the_most_urgent_six_and_the_rest_on_request()
    {
        _learning.Steps = Enumerable.Range(1, 9).Select(i => Step($"s{i}", NextStepUrgency.Open, i)).ToList();

        var home = RenderHome(Cultures.Ukrainian, "Test.Learn");

        Assert.Equal(6, home.FindAll("#next-steps .th-step").Count);
        Assert.Equal("Показати ще 3", home.Find("#next-more").TextContent.Trim());
        home.Find("#next-more").Click();
        Assert.Equal(9, home.FindAll("#next-steps .th-step").Count);
    }

    [Fact]
    public void A_learner_with_nothing_due_is_told_so_and_pointed_to_the_courses()
    {
        var home = RenderHome(Cultures.Ukrainian, "Test.Learn", "Test.Browse");

        Assert.Contains("ви все встигаєте", home.Find("#next-none").TextContent);
        Assert.Equal("learning/courses", home.Find("#next-none-link").GetAttribute("href"));
        Assert.Empty(home.FindAll("#next-steps .th-step"));
    }

    [Fact]
    public void A_supervisor_who_coordinates_too_sees_each_part_once_under_its_job_and_no_steps_without_work_of_their_own()
    {
        _learning.Steps = [Step("overdue", NextStepUrgency.Overdue, -3)];

        var home = RenderHome(Cultures.English, "Test.Supervise", "Test.Plan", "Test.Overdue");

        Assert.Equal(["People", "Area"], home.FindAll(".th-home-section").Select(s => s.GetAttribute("data-section")));
        Assert.Equal(["People I support", "My area"], home.FindAll(".th-home-section h2").Select(h => h.TextContent));
        Assert.Single(home.FindAll(".fake-people"));
        Assert.Single(home.FindAll(".fake-overdue"));
        Assert.Single(home.FindAll(".fake-area"));
        Assert.Empty(home.FindAll("#next-steps"));
    }

    [Fact]
    public void A_learner_who_supervises_sees_their_steps_first_then_the_people_they_support()
    {
        var home = RenderHome(Cultures.Ukrainian, "Test.Learn", "Test.Supervise");

        Assert.NotNull(home.Find("#next-steps"));
        Assert.Equal(["People"], home.FindAll(".th-home-section").Select(s => s.GetAttribute("data-section")));
        Assert.Equal("Люди, яких я супроводжую", home.Find(".th-home-section h2").TextContent);
        Assert.Empty(home.FindAll(".fake-area"));
    }

    [Fact]
    public void Someone_without_any_role_is_told_to_ask_for_one()
    {
        var home = RenderHome(Cultures.Ukrainian);

        Assert.Contains("Попросіть координатора", home.Find("#home-nothing").TextContent);
        Assert.Empty(home.FindAll(".th-home-section"));
        Assert.Equal("Вітаємо, Оксана Коваль", home.Find("h1").TextContent);
    }

    private sealed class FakeSteps : INextSteps
    {
        public IReadOnlyList<NextStep> Steps { get; set; } = [];

        public Task<IReadOnlyList<NextStep>> ForAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(Steps);
    }

    /// <summary>Parts and menu entries of several jobs under made-up permissions, as modules bring them.</summary>
    private sealed class JobsModule : TrainingHubModule
    {
        public override string Name => "Jobs";

        public override IEnumerable<MenuItem> MenuItems =>
        [
            new("Menu:Group:Learning", "learning/my", MudBlazor.Icons.Material.Filled.School, "Test.Learn", typeof(CommonResource)) { Group = MenuGroup.MyWork },
            new("Menu:Group:Learning", "learning/courses", MudBlazor.Icons.Material.Filled.School, "Test.Browse", typeof(CommonResource)) { Group = MenuGroup.Learning },
        ];

        public override IEnumerable<HomePart> HomeParts =>
        [
            new(typeof(AreaPart), HomeSection.Area, "Test.Plan"),
            new(typeof(PeoplePart), HomeSection.People, "Test.Supervise"),
            new(typeof(OverduePart), HomeSection.People, "Test.Supervise", 200),
            new(typeof(OverduePart), HomeSection.People, "Test.Overdue", 200),
        ];
    }

    private sealed class PeoplePart : Marker { protected override string Name => "fake-people"; }

    private sealed class OverduePart : Marker { protected override string Name => "fake-overdue"; }

    private sealed class AreaPart : Marker { protected override string Name => "fake-area"; }

    private abstract class Marker : ComponentBase
    {
        protected abstract string Name { get; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, $"<p class=\"{Name}\">{Name}</p>");
    }
}
