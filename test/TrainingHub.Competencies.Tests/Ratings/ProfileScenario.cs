using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Ratings;

/// <summary>
/// The pages of ratings rendered over a real SQLite database: a published framework whose two competencies a social
/// worker needs at "independent", a social worker in Lutsk, and whoever the test acts as.
/// </summary>
internal sealed class ProfileScenario : IAsyncDisposable
{
    private readonly SqliteServer _server = new();
    private readonly ActingPerson _acting = new();

    private ProfileScenario(ModuleTestHost host) => Host = host;

    public FakePeople People { get; } = new();

    public FakeUnits Units { get; } = new();

    /// <summary>Who is assigned to whom, as Supervision would answer.</summary>
    public AssignedPeople Assigned { get; } = new();

    public ModuleTestHost Host { get; private set; }

    public PageRenderer Pages { get; private set; } = null!;

    public Guid Rights { get; private set; }

    public Guid Crisis { get; private set; }

    public PersonContact Worker { get; private set; } = null!;

    public static async Task<ProfileScenario> StartAsync()
    {
        var scenario = new ProfileScenario(null!);
        scenario.Host = await ModuleTestHost.StartAsync(scenario._server, [new OrganisationsModule(), new CompetenciesModule()], replace: services =>
        {
            services.AddSingleton<IPeopleLookup>(scenario.People);
            services.AddSingleton<IPositionTypes>(scenario.People);
            services.AddSingleton<IUnitHierarchy>(scenario.Units);
            services.AddScoped<ICurrentUser>(_ => scenario._acting);
            services.AddSingleton<ISupervisionAssignments>(scenario.Assigned);
        });
        scenario.Pages = new PageRenderer(scenario.Host);
        await scenario.PublishAsync();
        return scenario;
    }

    /// <summary>Acts as this person from now on; services read who acts at each call.</summary>
    public void ActAs(Guid personId, params PermissionGrant[] grants) => _acting.Principal = TestUser.PrincipalWith(personId, grants);

    public void ActAsWorker() => ActAs(Worker.Id, new PermissionGrant(CompetencyPermissions.FrameworksView, null));

    /// <summary>Acts as a coordinator who may rate people whose home unit is under the given unit.</summary>
    public PersonContact ActAsCoordinatorOf(Guid unitId)
    {
        var coordinator = People.Add("Олена Координаторка", unitId, null);
        ActAs(coordinator.Id, new PermissionGrant(CompetencyPermissions.RatingsRate, unitId));
        return coordinator;
    }

    private async Task PublishAsync()
    {
        ActAs(Guid.NewGuid(), new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.FrameworksEdit, Units.Rivne));
        var catalogue = Host.Get<FrameworkCatalogue>();
        var tree = Host.Get<FrameworkTree>();
        var frameworkId = await catalogue.CreateAsync("ICP", "Захист дітей", "Child protection");
        var versionId = (await catalogue.GetAsync(frameworkId)).Value.VersionId;
        Rights = await tree.AddAsync(versionId, null, NodeKind.Competency, "A1.1", "Права дитини", "Child rights");
        Crisis = await tree.AddAsync(versionId, null, NodeKind.Competency, "A1.2", "Кризове втручання", "Crisis response");
        var draft = (await catalogue.GetAsync(frameworkId)).Value;
        Assert.True((await catalogue.PublishAsync(draft.VersionId, draft.Version)).Succeeded);
        Assert.True((await Host.Get<RoleProfiles>().SetAsync(People.SocialWorker.Id, Rights, 3)).Succeeded);
        Assert.True((await Host.Get<RoleProfiles>().SetAsync(People.SocialWorker.Id, Crisis, 3)).Succeeded);
        Worker = People.Add("Ірина Коваль", Units.Lutsk, People.SocialWorker.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await Pages.DisposeAsync();
        await Host.DisposeAsync();
        await _server.DisposeAsync();
    }
}
