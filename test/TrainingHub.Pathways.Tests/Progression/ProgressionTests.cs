using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Progression;
using TrainingHub.Pathways.Tests.Progress;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Progression;

/// <summary>
/// Asking to move on and deciding on it, on both databases: Vasyl, at the trained-volunteer stage and meeting
/// everything the social-assistant stage asks for, asks; a coordinator over his unit approves, he moves on today, his
/// position becomes social assistant and people are told; a decline needs a reason; nobody else may decide.
/// </summary>
public abstract class ProgressionTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private PathwayScenario _scenario = null!;
    private ModuleTestHost _host = null!;
    private OtherModules _others = null!;
    private RecordingNotifier _notifier = null!;
    private Guid _colleague;
    private Guid _coordinator;

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server);
        (_host, _others, _notifier, _colleague, _coordinator) = (_scenario.Host, _scenario.Others, _scenario.Notifier, _scenario.Vasyl, _scenario.Coordinator);
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private Task<Guid> PersonAsync(string email) => _scenario.PersonAsync(email);

    private Task AsCoordinatorOfAsync(string katottg) => _scenario.AsCoordinatorOfAsync(katottg);

    private void AsColleague() => _scenario.AsVasyl();

    private Task SignOffAsync() => _scenario.SignOffAsync();

    private Task<PendingRequest> AskAndListAsync() => _scenario.AskAndListAsync();

    [Fact]
    public async Task Asking_is_refused_until_everything_is_met_and_then_waits_once_for_a_coordinator_who_is_told()
    {
        AsColleague();
        var early = await _host.Get<Progressions>().RequestAsync(_colleague, null);
        var before = (await _host.Get<PathwayProgress>().MineAsync()).Value;
        await SignOffAsync();
        AsColleague();
        var ready = (await _host.Get<PathwayProgress>().MineAsync()).Value;
        var asked = await _host.Get<Progressions>().RequestAsync(_colleague, "  Готовий  ");
        var twice = await _host.Get<Progressions>().RequestAsync(_colleague, null);
        var waiting = (await _host.Get<PathwayProgress>().MineAsync()).Value;
        await _host.DeliverEventsAsync();

        Assert.Equal("Progression:Error:NotMet", early.Error!.Key);
        Assert.False(before.CanAsk);
        Assert.True(ready.CanAsk);
        Assert.True(asked.Succeeded);
        Assert.Equal("Progression:Error:AlreadyPending", twice.Error!.Key);
        Assert.True(waiting.Pending);
        Assert.False(waiting.CanAsk);
        var told = _notifier.Sent.Where(s => s.Text.Key == "Notification:ProgressionRequested").ToList();
        Assert.Contains(told, s => s.PersonId == _coordinator && s.Link == "/pathways/requests" && s.Text.Arguments[0] == "Василь Кравчук");
        Assert.DoesNotContain(told, s => s.PersonId == _colleague);
    }

    [Fact]
    public async Task Approval_moves_him_on_today_makes_him_a_social_assistant_and_tells_him()
    {
        var request = await AskAndListAsync();

        var approved = await _host.Get<Progressions>().ApproveAsync(request.Id, request.Version);
        var again = await _host.Get<Progressions>().ApproveAsync(request.Id, request.Version);
        await _host.DeliverEventsAsync();
        AsColleague();
        var mine = (await _host.Get<PathwayProgress>().MineAsync()).Value;
        var person = await _host.Get<IPeopleLookup>().FindAsync(_colleague);
        var positions = await _host.Get<IPositionTypes>().ListAsync();

        Assert.True(request.StillMet);
        Assert.Equal(("Навчений волонтер", "Соціальний помічник", "Готовий до нових обов'язків"), (request.FromStage, request.ToStage, request.Note));
        Assert.True(approved.Succeeded);
        Assert.NotNull(again.Error);
        Assert.Equal((3, "Соціальний помічник"), (mine.Current!.Position, mine.Current.Name));
        Assert.Equal(_host.Get<PlacementRegister>().Today, mine.StageSince);
        Assert.Equal("Кейс-менеджер", mine.NextStage!.Name);
        Assert.Null(mine.Request);
        Assert.Equal("social-assistant", positions.Single(p => p.Id == person!.PositionTypeId).Code);
        Assert.Contains(_notifier.Sent, s => s.PersonId == _colleague && s.Text.Key == "Notification:ProgressionApproved");
        await using var db = _host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        Assert.Equal([2, 3], (await db.Placements.Where(p => p.PersonId == _colleague).SelectMany(p => p.Reached).Select(r => r.Stage).ToListAsync()).Order());
        await AsCoordinatorOfAsync(PathwayScenario.ZhytomyrCity);
        Assert.Empty((await _host.Get<Progressions>().PendingAsync(new PageRequest())).Value.Items);
    }

    [Fact]
    public async Task A_decline_needs_a_reason_which_he_then_reads_and_he_may_ask_again()
    {
        var request = await AskAndListAsync();

        var bare = await _host.Get<Progressions>().DeclineAsync(request.Id, "  ", request.Version);
        var declined = await _host.Get<Progressions>().DeclineAsync(request.Id, "Спершу завершіть наставництво.", request.Version);
        AsColleague();
        var mine = (await _host.Get<PathwayProgress>().MineAsync()).Value;

        Assert.Equal("Progression:Error:ReasonRequired", bare.Error!.Fields.Single().Key);
        Assert.True(declined.Succeeded);
        Assert.Equal((RequestStatus.Declined, "Спершу завершіть наставництво."), (mine.Request!.Status, mine.Request.Reason));
        Assert.Equal(2, mine.Current!.Position);
        Assert.True(mine.CanAsk);
    }

    [Fact]
    public async Task Approval_is_refused_when_the_requirements_are_no_longer_met_or_the_request_changed_meanwhile()
    {
        var request = await AskAndListAsync();
        var stale = await _host.Get<Progressions>().ApproveAsync(request.Id, Guid.NewGuid());
        _others.Records[_colleague] = new SupervisionRecord([new ApprovedHours(OtherModules.DirectWork, 20m)], 6, null);

        var listed = Assert.Single((await _host.Get<Progressions>().PendingAsync(new PageRequest())).Value.Items);
        var unmet = await _host.Get<Progressions>().ApproveAsync(request.Id, request.Version);

        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.False(listed.StillMet);
        Assert.Equal("Progression:Error:NoLongerMet", unmet.Error!.Key);
    }

    [Fact]
    public async Task Only_the_person_or_his_supervisor_may_ask_and_only_a_coordinator_over_his_unit_decides()
    {
        var supervisor = await PersonAsync("supervisor@traininghub.example");
        await SignOffAsync();
        _host.User.ActingAs(await PersonAsync("learner@traininghub.example"), new PermissionGrant(PathwaysPermissions.Own, null));
        var stranger = await _host.Get<Progressions>().RequestAsync(_colleague, null);
        _others.Assigned[_colleague] = new PersonAssignees(supervisor, [], null);
        _host.User.ActingAs(supervisor, new PermissionGrant(PathwaysPermissions.ProgressView, null)).InRoles(BuiltInRoles.Supervisor);
        var bySupervisor = await _host.Get<Progressions>().RequestAsync(_colleague, null);
        await AsCoordinatorOfAsync(PathwayScenario.LvivOblast);
        var listedElsewhere = (await _host.Get<Progressions>().PendingAsync(new PageRequest())).Value;
        var approvedElsewhere = await _host.Get<Progressions>().ApproveAsync(bySupervisor.Value, Guid.NewGuid());

        Assert.Equal(ErrorKind.Forbidden, stranger.Error!.Kind);
        Assert.True(bySupervisor.Succeeded);
        Assert.Empty(listedElsewhere.Items);
        Assert.Equal(ErrorKind.Forbidden, approvedElsewhere.Error!.Kind);
    }
}

public sealed class ProgressionOnSqlite(SqliteServer server) : ProgressionTests(server), IClassFixture<SqliteServer>;

public sealed class ProgressionOnPostgreSql(PostgreSqlServer server) : ProgressionTests(server), IClassFixture<PostgreSqlServer>;
