using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Progress;

/// <summary>
/// People on the demo pathway, judged against what the other modules answer: the learner sees her own progress with
/// every requirement explained; her supervisor signs her off; coordinators place people in their area and see who is
/// ready; nobody else sees anything. On both databases.
/// </summary>
public abstract class ProgressTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string ZhytomyrCity = "UA18040470000082484";
    private const string LvivOblast = "UA46000000000026241";

    private PathwayScenario _scenario = null!;
    private ModuleTestHost _host = null!;
    private OtherModules _others = null!;
    private Guid _learner;
    private Guid _supervisor;
    private Guid _colleague;

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server, placeVasyl: false);
        (_host, _others) = (_scenario.Host, _scenario.Others);
        _learner = await PersonAsync("learner@traininghub.example");
        _supervisor = await PersonAsync("supervisor@traininghub.example");
        _colleague = await PersonAsync("v.kravchuk@traininghub.example");
        _others.Assigned[_learner] = new PersonAssignees(_supervisor, [], null);
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private async Task<Guid> UnitAsync(string katottg) => (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync(katottg))!.Id;

    private void AsLearner() => _host.User.ActingAs(_learner, new PermissionGrant(PathwaysPermissions.Own, null)).InRoles(BuiltInRoles.Learner);

    private void AsSupervisor() => _host.User.ActingAs(_supervisor,
        new PermissionGrant(PathwaysPermissions.Own, null), new PermissionGrant(PathwaysPermissions.ProgressView, null),
        new PermissionGrant(PathwaysPermissions.StagesSignOff, null)).InRoles(BuiltInRoles.Supervisor);

    private async Task AsCoordinatorOfAsync(string katottg)
    {
        var unit = await UnitAsync(katottg);
        _host.User.Holding(
            new PermissionGrant(PathwaysPermissions.ProgressView, unit), new PermissionGrant(PathwaysPermissions.PlacementsManage, unit),
            new PermissionGrant(PathwaysPermissions.StagesSignOff, unit)).InRoles(BuiltInRoles.Coordinator);
    }

    [Fact]
    public async Task The_learner_sees_her_stage_and_each_requirement_of_the_next_met_or_not_yet_with_what_is_missing()
    {
        _others.Records[_learner] = new SupervisionRecord([new ApprovedHours(OtherModules.DirectWork, 12.5m)], 1, null);
        _others.Level(_learner, "CP.1.1", 1);
        AsLearner();

        var mine = (await _host.Get<PathwayProgress>().MineAsync()).Value;

        Assert.Equal("Волонтер", mine.Current!.Name);
        Assert.Equal([StageState.Current, StageState.Next, StageState.Later, StageState.Later, StageState.Later], mine.Stages.Select(s => s.State));
        Assert.Equal("Навчений волонтер", mine.NextStage!.Name);
        Assert.False(mine.Ready);
        var parts = mine.Next!.Parts;
        Assert.Equal(
            [("Requirement:Time:Met", Outcome.Met), ("Requirement:Hours:NotYet", Outcome.NotYet), ("Requirement:Competency:Met", Outcome.Met), ("Requirement:SignOff:NotYet", Outcome.NotYet)],
            parts.Select(p => (p.Key, p.Outcome)));
        Assert.Equal([12.5m, 20m, 7.5m], parts[1].Arguments);
        Assert.Empty(mine.RolesToSign);
    }

    [Fact]
    public async Task Her_own_supervisor_signs_her_off_once_and_then_everything_is_met()
    {
        _others.Records[_learner] = new SupervisionRecord([new ApprovedHours(OtherModules.DirectWork, 24m)], 2, null);
        _others.Level(_learner, "CP.1.1", 2);
        AsSupervisor();
        var before = (await _host.Get<PathwayProgress>().ForPersonAsync(_learner)).Value;

        var signed = await _host.Get<PathwayProgress>().SignOffAsync(_learner, BuiltInRoles.Supervisor, before.Version!.Value);
        var again = await _host.Get<PathwayProgress>().SignOffAsync(_learner, BuiltInRoles.Supervisor, before.Version!.Value);
        var notAsked = await _host.Get<PathwayProgress>().SignOffAsync(_learner, BuiltInRoles.Coordinator, before.Version!.Value);
        AsLearner();
        var mine = (await _host.Get<PathwayProgress>().MineAsync()).Value;

        Assert.Equal([BuiltInRoles.Supervisor], before.RolesToSign);
        Assert.False(before.Ready);
        Assert.True(signed.Succeeded);
        Assert.Equal("Placement:Error:AlreadySigned", again.Error!.Key);
        Assert.Equal(ErrorKind.Forbidden, notAsked.Error!.Kind);
        Assert.True(mine.Ready);
        Assert.Equal(BuiltInRoles.Supervisor, Assert.Single(mine.SignOffs).Role);
    }

    [Fact]
    public async Task Another_supervisor_cannot_sign_off_someone_who_has_their_own_nor_can_anyone_sign_off_themself()
    {
        var other = await PersonAsync("mentor@traininghub.example");
        _host.User.ActingAs(other, new PermissionGrant(PathwaysPermissions.ProgressView, null), new PermissionGrant(PathwaysPermissions.StagesSignOff, null))
            .InRoles(BuiltInRoles.Supervisor);
        var view = (await _host.Get<PathwayProgress>().ForPersonAsync(_learner)).Value;
        var byOther = await _host.Get<PathwayProgress>().SignOffAsync(_learner, BuiltInRoles.Supervisor, view.Version!.Value);
        _host.User.ActingAs(_learner, new PermissionGrant(PathwaysPermissions.Own, null), new PermissionGrant(PathwaysPermissions.StagesSignOff, null))
            .InRoles(BuiltInRoles.Supervisor);
        var bySelf = await _host.Get<PathwayProgress>().SignOffAsync(_learner, BuiltInRoles.Supervisor, view.Version!.Value);

        Assert.Empty(view.RolesToSign);
        Assert.Equal(ErrorKind.Forbidden, byOther.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, bySelf.Error!.Kind);
    }

    [Fact]
    public async Task Nobody_else_sees_a_persons_pathway_a_colleague_a_coordinator_elsewhere_nor_a_stranger()
    {
        _host.User.ActingAs(_colleague, new PermissionGrant(PathwaysPermissions.Own, null)).InRoles(BuiltInRoles.Learner);
        var colleague = await _host.Get<PathwayProgress>().ForPersonAsync(_learner);
        await AsCoordinatorOfAsync(LvivOblast);
        var elsewhere = await _host.Get<PathwayProgress>().ForPersonAsync(_learner);
        var elsewhereList = (await _host.Get<PlacementRegister>().ListAsync(null, new PageRequest())).Value;
        await AsCoordinatorOfAsync(ZhytomyrCity);
        var inScope = await _host.Get<PathwayProgress>().ForPersonAsync(_learner);
        var unknown = await _host.Get<PathwayProgress>().ForPersonAsync(Guid.NewGuid());

        Assert.Equal(ErrorKind.Forbidden, colleague.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, elsewhere.Error!.Kind);
        Assert.Empty(elsewhereList.Items);
        Assert.Equal("Волонтер", inScope.Value.Current!.Name);
        Assert.Equal(ErrorKind.Forbidden, unknown.Error!.Kind);
    }

    [Fact]
    public async Task A_coordinator_places_someone_in_their_area_and_sees_who_is_ready_for_the_next_stage()
    {
        _others.Records[_colleague] = new SupervisionRecord([new ApprovedHours(OtherModules.DirectWork, 150m)], 7, new DateOnly(2026, 5, 1));
        _others.Level(_colleague, "CP.2.1", 2);
        await AsCoordinatorOfAsync(ZhytomyrCity);
        var register = _host.Get<PlacementRegister>();

        var placed = await register.PlaceAsync(new PlaceInput { PersonId = _colleague, TemplateCode = "volunteer-to-social-worker", Stage = 2, Since = register.Today.AddMonths(-7) });
        var twice = await register.PlaceAsync(new PlaceInput { PersonId = _colleague, TemplateCode = "volunteer-to-social-worker", Stage = 1 });
        var future = await register.PlaceAsync(new PlaceInput { PersonId = await PersonAsync("n.tkachenko@traininghub.example"), TemplateCode = "volunteer-to-social-worker", Stage = 1, Since = register.Today.AddDays(1) });
        var noStage = await register.PlaceAsync(new PlaceInput { PersonId = await PersonAsync("n.tkachenko@traininghub.example"), TemplateCode = "volunteer-to-social-worker", Stage = 6 });
        var list = (await register.ListAsync(null, new PageRequest())).Value;
        var found = (await register.ListAsync("КРАВЧУК", new PageRequest())).Value;
        var signOff = (await _host.Get<PathwayProgress>().ForPersonAsync(_colleague)).Value;

        Assert.True(placed.Succeeded);
        Assert.Equal("Placement:Error:AlreadyPlaced", twice.Error!.Fields.Single().Key);
        Assert.Equal("Placement:Error:SinceInFuture", future.Error!.Fields.Single().Key);
        Assert.Equal("Placement:Error:NoSuchStage", noStage.Error!.Fields.Single().Key);
        Assert.Equal(3, list.TotalCount);
        var colleague = Assert.Single(found.Items);
        Assert.Equal((2, "Навчений волонтер", false), (colleague.Stage, colleague.StageName, colleague.Ready));
        Assert.Equal([BuiltInRoles.Coordinator], signOff.RolesToSign);
    }

    [Fact]
    public async Task Her_mentor_sees_her_pathway_through_the_assignment_alone_and_a_mentor_of_no_one_does_not()
    {
        var mentor = await PersonAsync("mentor@traininghub.example");
        _host.User.ActingAs(mentor, new PermissionGrant(PathwaysPermissions.Own, null)).InRoles(BuiltInRoles.Mentor);
        var unassigned = await _host.Get<PathwayProgress>().ForPersonAsync(_learner);
        _others.Assigned[_learner] = new PersonAssignees(_supervisor, [mentor], null);
        var assigned = await _host.Get<PathwayProgress>().ForPersonAsync(_learner);

        Assert.Equal(ErrorKind.Forbidden, unassigned.Error!.Kind);
        Assert.Equal("Волонтер", assigned.Value.Current!.Name);
        Assert.Empty(assigned.Value.RolesToSign);
        Assert.False(assigned.Value.MayRequest);
    }

    [Fact]
    public async Task Placing_someone_outside_ones_area_is_refused()
    {
        await AsCoordinatorOfAsync(LvivOblast);

        var result = await _host.Get<PlacementRegister>().PlaceAsync(new PlaceInput { PersonId = _colleague, TemplateCode = "volunteer-to-social-worker", Stage = 1 });

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
    }

    [Fact]
    public async Task A_person_not_on_a_pathway_sees_that_and_nothing_to_do()
    {
        _host.User.ActingAs(_colleague, new PermissionGrant(PathwaysPermissions.Own, null));

        var mine = (await _host.Get<PathwayProgress>().MineAsync()).Value;

        Assert.False(mine.Placed);
        Assert.Null(mine.Next);
    }
}

public sealed class ProgressOnSqlite(SqliteServer server) : ProgressTests(server), IClassFixture<SqliteServer>;

public sealed class ProgressOnPostgreSql(PostgreSqlServer server) : ProgressTests(server), IClassFixture<PostgreSqlServer>;
