using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Progression;
using TrainingHub.Pathways.Tests.Progress;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests;

/// <summary>
/// The demo people on the demo pathway with what the other modules answer set by the test: Vasyl Kravchuk placed at the
/// trained-volunteer stage seven months ago, meeting everything the social-assistant stage asks for but the
/// coordinator's sign-off; the Zhytomyr oblast coordinator acting over a unit the test chooses.
/// </summary>
internal sealed class PathwayScenario : IAsyncDisposable
{
    public const string ZhytomyrCity = "UA18040470000082484";
    public const string LvivOblast = "UA46000000000026241";
    public const string Pathway = "volunteer-to-social-worker";

    private PathwayScenario(ModuleTestHost host, OtherModules others, RecordingNotifier notifier, RecordingReminders reminders)
    {
        Host = host;
        Others = others;
        Notifier = notifier;
        Reminders = reminders;
    }

    public ModuleTestHost Host { get; }

    public OtherModules Others { get; }

    public RecordingNotifier Notifier { get; }

    public RecordingReminders Reminders { get; }

    public Guid Vasyl { get; private set; }

    public Guid Coordinator { get; private set; }

    /// <summary>Starts the scenario; without <paramref name="placeVasyl"/> only the demo placements are there.</summary>
    public static async Task<PathwayScenario> StartAsync(ITestDatabaseServer server, bool placeVasyl = true)
    {
        var others = new OtherModules();
        var notifier = new RecordingNotifier();
        var reminders = new RecordingReminders();
        var host = await ModuleTestHost.StartAsync(
            server, [new OrganisationsModule(), new AccountsModule(), new PathwaysModule()], new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services =>
            {
                services.AddSingleton<ILearningRecords>(others);
                services.AddSingleton<ICompetencyLevels>(others);
                services.AddSingleton<ISupervisionRecord>(others);
                services.AddSingleton<ISupervisionAssignments>(others);
                services.AddSingleton<IRoleProfileDirectory>(others);
                services.AddSingleton<ISupervisionFrequencyDirectory>(others);
                services.AddSingleton<ICompetencyDirectory>(others);
                services.AddSingleton<INotifier>(notifier);
                services.AddSingleton<IReminders>(reminders);
            });
        var scenario = new PathwayScenario(host, others, notifier, reminders);
        scenario.Vasyl = await scenario.PersonAsync("v.kravchuk@traininghub.example");
        scenario.Coordinator = await scenario.PersonAsync("coordinator@traininghub.example");
        if (placeVasyl)
        {
            await scenario.PlaceVasylAsync();
        }
        return scenario;
    }

    private async Task PlaceVasylAsync()
    {
        Others.Records[Vasyl] = new SupervisionRecord([new ApprovedHours(OtherModules.DirectWork, 130m)], 6, null);
        Others.Level(Vasyl, "CP.2.1", 2);
        await AsCoordinatorOfAsync(ZhytomyrCity);
        var register = Host.Get<PlacementRegister>();
        Assert.True((await register.PlaceAsync(new PlaceInput { PersonId = Vasyl, TemplateCode = Pathway, Stage = 2, Since = register.Today.AddMonths(-7) })).Succeeded);
    }

    public async Task<Guid> PersonAsync(string email) => (await Host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    public async Task<Guid> UnitAsync(string katottg) => (await Host.Get<IOrganisationDirectory>().FindByKatottgAsync(katottg))!.Id;

    public async Task AsCoordinatorOfAsync(string katottg)
    {
        var unit = await UnitAsync(katottg);
        Host.User.ActingAs(Coordinator,
            new PermissionGrant(PathwaysPermissions.ProgressView, unit), new PermissionGrant(PathwaysPermissions.PlacementsManage, unit),
            new PermissionGrant(PathwaysPermissions.StagesSignOff, unit), new PermissionGrant(PathwaysPermissions.ProgressionApprove, unit),
            new PermissionGrant(PathwaysPermissions.CertificatesRevoke, unit))
            .InRoles(BuiltInRoles.Coordinator);
    }

    /// <summary>Halyna Bondarenko with the demo supervisor assigned to her, as the professional development tests start.</summary>
    public async Task<(Guid Halyna, Guid Supervisor)> HalynaWithSupervisorAsync()
    {
        var halyna = await PersonAsync("h.bondarenko@traininghub.example");
        var supervisor = await PersonAsync("supervisor@traininghub.example");
        Others.Assigned[halyna] = new PersonAssignees(supervisor, [], null);
        return (halyna, supervisor);
    }

    /// <summary>Someone on their own pathway and record, and nothing more.</summary>
    public void AsOwner(Guid person) => Host.User.ActingAs(person, new PermissionGrant(PathwaysPermissions.Own, null));

    /// <summary>A supervisor who holds the approval permission over no unit of Halyna's (Lviv oblast): their assignment is what lets them decide.</summary>
    public async Task AsSupervisorElsewhereAsync(Guid supervisor) =>
        Host.User.ActingAs(supervisor, new PermissionGrant(PathwaysPermissions.Own, null),
            new PermissionGrant(PathwaysPermissions.DevelopmentApprove, await UnitAsync(LvivOblast)));

    /// <summary>The coordinator approving development over a unit, and seeing the records of its people.</summary>
    public async Task AsDevelopmentCoordinatorOfAsync(string katottg) =>
        Host.User.ActingAs(Coordinator, new PermissionGrant(PathwaysPermissions.DevelopmentApprove, await UnitAsync(katottg)),
            new PermissionGrant(PathwaysPermissions.ProgressView, await UnitAsync(katottg)));

    public void AsVasyl() => Host.User.ActingAs(Vasyl, new PermissionGrant(PathwaysPermissions.Own, null)).InRoles(BuiltInRoles.Learner);

    /// <summary>The coordinator signs Vasyl off for the social-assistant stage.</summary>
    public async Task SignOffAsync()
    {
        await AsCoordinatorOfAsync(ZhytomyrCity);
        var view = (await Host.Get<PathwayProgress>().ForPersonAsync(Vasyl)).Value;
        Assert.True((await Host.Get<PathwayProgress>().SignOffAsync(Vasyl, BuiltInRoles.Coordinator, view.Version!.Value)).Succeeded);
    }

    /// <summary>Signed off, Vasyl asks to move on; the coordinator finds the request in the list (and is left acting).</summary>
    public async Task<PendingRequest> AskAndListAsync()
    {
        await SignOffAsync();
        AsVasyl();
        Assert.True((await Host.Get<Progressions>().RequestAsync(Vasyl, "Готовий до нових обов'язків")).Succeeded);
        await AsCoordinatorOfAsync(ZhytomyrCity);
        return Assert.Single((await Host.Get<Progressions>().PendingAsync(new PageRequest())).Value.Items);
    }

    /// <summary>Vasyl asks and the coordinator approves: he becomes a social assistant and holds its certificate.</summary>
    public async Task ApproveAsync()
    {
        var request = await AskAndListAsync();
        Assert.True((await Host.Get<Progressions>().ApproveAsync(request.Id, request.Version)).Succeeded);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
