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
using TrainingHub.Competencies.Tests.Ratings;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Evidence;

/// <summary>An assessor's page for one person, rendered with bUnit over the real services and a real SQLite database, in Ukrainian.</summary>
public sealed class PersonCompetenciesPageTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private readonly BunitContext _context = new();
    private readonly FakePeople _people = new();
    private readonly FakeUnits _units = new();
    private readonly ActingPerson _acting = new();
    private ModuleTestHost _host = null!;
    private PersonContact _worker = null!;
    private Guid _certificate;

    static PersonCompetenciesPageTests()
    {
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(_server, [new OrganisationsModule(), new CompetenciesModule()], replace: services =>
        {
            services.AddSingleton<IPeopleLookup>(_people);
            services.AddSingleton<IPositionTypes>(_people);
            services.AddSingleton<IUnitHierarchy>(_units);
            services.AddScoped<ICurrentUser>(_ => _acting);
        });
        _acting.Principal = TestUser.PrincipalWith(Guid.NewGuid(),
            new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.FrameworksEdit, _units.Rivne));
        var catalogue = _host.Get<FrameworkCatalogue>();
        var tree = _host.Get<FrameworkTree>();
        var frameworkId = await catalogue.CreateAsync("ICP", "Захист дітей", "Child protection");
        var versionId = (await catalogue.GetAsync(frameworkId)).Value.VersionId;
        var rights = await tree.AddAsync(versionId, null, NodeKind.Competency, "A1.1", "Права дитини", "Child rights");
        var crisis = await tree.AddAsync(versionId, null, NodeKind.Competency, "A1.2", "Кризове втручання", "Crisis response");
        var draft = (await catalogue.GetAsync(frameworkId)).Value;
        Assert.True((await catalogue.PublishAsync(draft.VersionId, draft.Version)).Succeeded);
        Assert.True((await _host.Get<RoleProfiles>().SetAsync(_people.SocialWorker.Id, rights, 3)).Succeeded);
        Assert.True((await _host.Get<RoleProfiles>().SetAsync(_people.SocialWorker.Id, crisis, 3)).Succeeded);

        _worker = _people.Add("Ірина Коваль", _units.Lutsk, _people.SocialWorker.Id);
        _acting.Principal = TestUser.PrincipalWith(_worker.Id, new PermissionGrant(CompetencyPermissions.FrameworksView, null));
        Assert.True((await _host.Get<CompetencyRatings>().RateSelfAsync(rights, 3, "Веду випадки сама")).Succeeded);
        _certificate = (await _host.Get<CompetencyEvidence>().AddPriorLearningAsync(rights, new EvidenceInput { Title = "Сертифікат «Права дитини»" },
            new UploadedFile(EvidenceFiles.Pdf(), "certificate.pdf"))).Value;

        _context.Services.AddSingleton(_host.Services.GetRequiredService<IStringLocalizerFactory>());
        _context.Services.AddSingleton<IPositionTypes>(_people);
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

    private void ActAsCoordinatorOf(Guid unitId)
    {
        var coordinator = _people.Add("Олена Координаторка", unitId, null);
        _acting.Principal = TestUser.PrincipalWith(coordinator.Id, new PermissionGrant(CompetencyPermissions.RatingsRate, unitId));
        var scope = _host.Services.CreateScope().ServiceProvider;
        _context.Services.AddSingleton(scope.GetRequiredService<CompetencyRatings>());
        _context.Services.AddSingleton(scope.GetRequiredService<CompetencyEvidence>());
    }

    private (IRenderedComponent<PersonCompetenciesPage> Page, IRenderedComponent<MudDialogProvider> Dialogs) RenderPage(Guid personId)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        _context.Render<MudPopoverProvider>();
        _context.Render<MudSnackbarProvider>();
        var dialogs = _context.Render<MudDialogProvider>();
        return (_context.Render<PersonCompetenciesPage>(p => p.Add(x => x.PersonId, personId)), dialogs);
    }

    [Fact]
    public void An_assessor_sees_the_persons_evidence_and_rates_them_citing_it()
    {
        ActAsCoordinatorOf(_units.Volyn);
        var (page, dialogs) = RenderPage(_worker.Id);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-my-competency").Count));

        Assert.Equal("Ірина Коваль", page.Find("#person-name").TextContent);
        Assert.Equal("Посада: Соціальний працівник", page.Find("#person-position").TextContent);
        var rights = page.FindAll(".th-my-competency")[0];
        Assert.Equal(("A1.1", "Самостійно"), (rights.GetAttribute("data-code"), rights.QuerySelector(".th-self")!.TextContent));
        Assert.Contains("Попереднє навчання · Сертифікат «Права дитини»", rights.QuerySelector(".th-evidence")!.TextContent);
        Assert.Contains("Ірина Коваль", rights.QuerySelector(".th-evidence")!.TextContent);
        Assert.Equal($"competencies/evidence/{_certificate}/file", rights.QuerySelector(".th-evidence-file")!.GetAttribute("href"));
        Assert.Empty(page.FindAll(".th-delete-evidence"));

        page.FindAll(".th-rate")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Оцінка: A1.1 Права дитини", dialogs.Markup));
        Assert.Contains("Самостійно", dialogs.Find(".th-rate-level").InnerHtml);
        dialogs.Find(".th-cite input").Change(true);
        dialogs.Find(".th-rate-reason textarea").Change("Самостійно провела три оцінки потреб");
        dialogs.Find(".th-save-rating").Click();

        page.WaitForAssertion(() => Assert.Equal("false", page.FindAll(".th-my-competency")[1].GetAttribute("data-gap")));
        rights = page.FindAll(".th-my-competency").Single(c => c.GetAttribute("data-code") == "A1.1");
        Assert.Equal("Самостійно", rights.QuerySelector(".th-counted")!.TextContent);
        Assert.Contains("Самостійно провела три оцінки потреб", rights.QuerySelector(".th-history")!.TextContent);
        Assert.Contains("Докази: Попереднє навчання «Сертифікат «Права дитини»»", rights.QuerySelector(".th-cited")!.TextContent);
        Assert.Contains("Наведено в оцінці", rights.QuerySelector(".th-evidence")!.TextContent);
    }

    [Fact]
    public void A_rating_without_a_reason_is_not_saved_and_the_dialog_says_why()
    {
        ActAsCoordinatorOf(_units.Volyn);
        var (page, dialogs) = RenderPage(_worker.Id);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-my-competency").Count));

        page.FindAll(".th-rate")[1].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Оцінка: A1.2 Кризове втручання", dialogs.Markup));
        Assert.Contains("З цієї компетентності ще немає жодного доказу.", dialogs.Find(".th-no-evidence").TextContent);
        dialogs.Find(".th-save-rating").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Поясніть, чому ви ставите цей рівень.", dialogs.Markup));
        Assert.All(page.FindAll(".th-counted"), counted => Assert.Equal("Ще не оцінено", counted.TextContent));
    }

    [Fact]
    public void An_assessor_records_practice_hours_which_appear_with_the_competency()
    {
        ActAsCoordinatorOf(_units.Volyn);
        var (page, dialogs) = RenderPage(_worker.Id);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-my-competency").Count));

        page.FindAll(".th-add-hours")[1].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Години практики: A1.2 Кризове втручання", dialogs.Markup));
        dialogs.Find(".th-evidence-title input").Change("Чергування кризової служби, жовтень");
        dialogs.Find(".th-evidence-hours input").Change("0");
        dialogs.Find(".th-save-evidence").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Вкажіть більше 0 і не більше 1000 годин.", dialogs.Markup));
        dialogs.Find(".th-evidence-hours input").Change("16");
        dialogs.Find(".th-save-evidence").Click();

        page.WaitForAssertion(() => Assert.Contains("Чергування кризової служби, жовтень",
            page.FindAll(".th-my-competency").Single(c => c.GetAttribute("data-code") == "A1.2").TextContent));
        var crisis = page.FindAll(".th-my-competency").Single(c => c.GetAttribute("data-code") == "A1.2");
        Assert.Contains("Години практики · Чергування кризової служби, жовтень · 16 год", crisis.QuerySelector(".th-evidence")!.TextContent);
        Assert.Contains("Олена Координаторка", crisis.QuerySelector(".th-evidence")!.TextContent);
    }

    [Fact]
    public void A_person_outside_the_assessors_area_shows_nothing_of_theirs()
    {
        ActAsCoordinatorOf(_units.Rivne);
        var (page, _) = RenderPage(_worker.Id);

        page.WaitForAssertion(() => Assert.Contains("Цю людину не знайдено, або вона не належить до вашої зони відповідальності.", page.Find("#person-not-found").TextContent));
        Assert.DoesNotContain("Ірина Коваль", page.Markup);
        Assert.DoesNotContain("Сертифікат", page.Markup);
        Assert.Empty(page.FindAll(".th-my-competency"));
    }
}
