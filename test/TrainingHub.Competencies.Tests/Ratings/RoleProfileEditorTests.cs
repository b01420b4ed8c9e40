using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Pages;
using TrainingHub.Competencies.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Ratings;

/// <summary>The role profile tab rendered with bUnit over the real services and a real SQLite database, in Ukrainian.</summary>
public sealed class RoleProfileEditorTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private readonly BunitContext _context = new();
    private readonly FakePeople _people = new();
    private readonly ActingPerson _acting = new();
    private ModuleTestHost _host = null!;
    private Guid _frameworkId;
    private Guid _crisis;

    static RoleProfileEditorTests()
    {
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(_server, [new OrganisationsModule(), new CompetenciesModule()], replace: services =>
        {
            services.AddSingleton<IPeopleLookup>(_people);
            services.AddSingleton<IPositionTypes>(_people);
            services.AddScoped<ICurrentUser>(_ => _acting);
        });
        _acting.Principal = TestUser.PrincipalWith(Guid.NewGuid(),
            new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.FrameworksEdit, Guid.NewGuid()));
        var catalogue = _host.Get<FrameworkCatalogue>();
        var tree = _host.Get<FrameworkTree>();
        _frameworkId = await catalogue.CreateAsync("ICP", "Захист дітей");
        var versionId = (await catalogue.GetAsync(_frameworkId)).Value.VersionId;
        var area = await tree.AddAsync(versionId, null, NodeKind.Area, "A1", "Законодавство");
        await tree.AddAsync(versionId, area, NodeKind.Competency, "A1.1", "Права дитини");
        _crisis = await tree.AddAsync(versionId, area, NodeKind.Competency, "A1.2", "Кризове втручання");
        var scope = _host.Services.CreateScope().ServiceProvider;
        _context.Services.AddSingleton(scope.GetRequiredService<FrameworkCatalogue>());
        _context.Services.AddSingleton(scope.GetRequiredService<RoleProfiles>());
        _context.Services.AddSingleton(_host.Services.GetRequiredService<IStringLocalizerFactory>());
        _context.Services.AddLocalization();
        _context.Services.AddMudServices();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_editor_sets_a_required_level_for_the_chosen_position_and_it_is_saved()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        _context.Render<MudPopoverProvider>();
        _context.Render<MudSnackbarProvider>();
        var page = _context.Render<RoleProfileEditor>(p => p.Add(x => x.FrameworkId, _frameworkId).Add(x => x.Number, 1));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-competency]").Count));

        Assert.Equal(["A1.1", "A1.2"], page.FindAll("[data-competency]").Select(c => c.GetAttribute("data-competency")));
        var crisisSelect = page.FindComponents<MudSelect<int?>>()[1];
        await page.InvokeAsync(() => crisisSelect.Instance.ValueChanged.InvokeAsync(3));

        var saved = (await _host.Get<RoleProfiles>().GetAsync((await _host.Get<FrameworkCatalogue>().GetAsync(_frameworkId)).Value.VersionId, _people.SocialWorker.Id)).Value;
        Assert.Equal(new Dictionary<Guid, int> { [_crisis] = 3 }, saved.RequiredRanks.ToDictionary());
        // The select shows the chosen level's name; the other competency stays not required.
        page.WaitForAssertion(() => Assert.Contains("value=\"Самостійно\"", page.FindAll("[data-competency]")[1].InnerHtml));
        Assert.Contains("value=\"Не вимагається\"", page.FindAll("[data-competency]")[0].InnerHtml);
    }
}
