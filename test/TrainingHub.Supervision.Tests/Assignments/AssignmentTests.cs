using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Assignments;

/// <summary>
/// Who supervises whom, among the demo people of Zhytomyr oblast: a coordinator assigns within their area and only
/// people who may supervise there; one supervisor and one coach at a time, several mentors; those assigned see their people.
/// </summary>
public abstract class AssignmentTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private Guid _zhytomyrOblast;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        _zhytomyrOblast = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA18000000000045390"))!.Id;
        AsCoordinator();
        // The demo people come with demo assignments; these tests start from none.
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        // The demo mentees' goals hang on the demo assignments.
        await db.Goals.ExecuteDeleteAsync();
        await db.Assignments.ExecuteDeleteAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private void AsCoordinator() =>
        _host.User.Holding(new PermissionGrant(SupervisionPermissions.AssignmentsManage, _zhytomyrOblast));

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private async Task<Result<Guid>> AssignAsync(string person, string assignee, AssignmentRole role, DateOnly? from = null, DateOnly? until = null) =>
        await _host.Get<AssignmentRegister>().AssignAsync(new AssignInput
        {
            PersonId = await PersonAsync(person), AssigneeId = await PersonAsync(assignee), Role = role, StartsOn = from ?? Monday, EndsOn = until,
        });

    private async Task<IReadOnlyList<AssignmentRow>> ListAsync(string? search = null, bool includeEnded = false) =>
        (await _host.Get<AssignmentRegister>().ListAsync(new AssignmentQuery(search, includeEnded), new PageRequest())).Value.Items;

    [Fact]
    public async Task A_coordinator_assigns_a_supervisor_and_mentors_and_the_assignment_is_listed_and_current()
    {
        var supervised = await AssignAsync("learner@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor);
        var mentored = await AssignAsync("learner@traininghub.example", "mentor@traininghub.example", AssignmentRole.Mentor);
        var secondMentor = await AssignAsync("learner@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Mentor);
        var current = await _host.Get<ISupervisionAssignments>().CurrentAsync(await PersonAsync("learner@traininghub.example"));
        var rows = await ListAsync("Оксана");

        Assert.True(supervised.Succeeded && mentored.Succeeded && secondMentor.Succeeded);
        Assert.Equal(await PersonAsync("supervisor@traininghub.example"), current.SupervisorId);
        Assert.Equal(2, current.MentorIds.Count);
        Assert.True(current.Includes(await PersonAsync("mentor@traininghub.example")));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(("Оксана Волонтерка", true), (r.PersonName, r.IsCurrent)));
        Assert.Equal("Марія Супервізорка", rows.First(r => r.Role == AssignmentRole.Supervisor).AssigneeName);
    }

    [Fact]
    public async Task A_person_has_one_supervisor_at_a_time_and_the_same_mentor_once()
    {
        await AssignAsync("learner@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, until: Monday.AddDays(30));
        await AssignAsync("learner@traininghub.example", "mentor@traininghub.example", AssignmentRole.Mentor);

        var overlapping = await AssignAsync("learner@traininghub.example", "mentor@traininghub.example", AssignmentRole.Supervisor, Monday.AddDays(30));
        var sameMentor = await AssignAsync("learner@traininghub.example", "mentor@traininghub.example", AssignmentRole.Mentor, Monday.AddDays(60));
        var afterwards = await AssignAsync("learner@traininghub.example", "mentor@traininghub.example", AssignmentRole.Supervisor, Monday.AddDays(31));

        Assert.Equal("Assignments:Error:SupervisorOverlaps", overlapping.Error!.ErrorFor(nameof(AssignInput.StartsOn)));
        Assert.Equal("Assignments:Error:AlreadyAssigned", sameMentor.Error!.ErrorFor(nameof(AssignInput.AssigneeId)));
        Assert.True(afterwards.Succeeded);
    }

    [Fact]
    public async Task Only_people_who_may_supervise_there_are_assigned_and_only_to_people_of_ones_area()
    {
        var learnerAsSupervisor = await AssignAsync("learner@traininghub.example", "o.melnyk@traininghub.example", AssignmentRole.Supervisor);
        var outsideArea = await AssignAsync("i.lysenko@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor);
        var self = await AssignAsync("supervisor@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Coach);
        var backwards = await AssignAsync("learner@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Coach, Monday, Monday.AddDays(-1));
        // The demo supervisor supervises at Zhytomyr city, not at another hromada of the oblast.
        var elsewhere = await AssignAsync("o.melnyk@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor);

        Assert.Equal("Assignments:Error:AssigneeCannotSupervise", learnerAsSupervisor.Error!.ErrorFor(nameof(AssignInput.AssigneeId)));
        Assert.Equal("Assignments:Error:PersonOutOfScope", outsideArea.Error!.ErrorFor(nameof(AssignInput.PersonId)));
        Assert.Equal("Assignments:Error:Self", self.Error!.ErrorFor(nameof(AssignInput.AssigneeId)));
        Assert.Equal("Assignments:Error:EndBeforeStart", backwards.Error!.ErrorFor(nameof(AssignInput.EndsOn)));
        Assert.Equal("Assignments:Error:AssigneeCannotSupervise", elsewhere.Error!.ErrorFor(nameof(AssignInput.AssigneeId)));
        Assert.Empty(await ListAsync(includeEnded: true));
    }

    [Fact]
    public async Task A_coordinator_sees_who_is_overdue_for_supervision_and_can_list_only_them()
    {
        await AssignAsync("learner@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, Monday.AddDays(-30));
        await AssignAsync("learner@traininghub.example", "mentor@traininghub.example", AssignmentRole.Mentor, Monday.AddDays(-30));
        await AssignAsync("v.kravchuk@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor);

        var all = await ListAsync();
        var overdue = (await _host.Get<AssignmentRegister>().ListAsync(new AssignmentQuery(OverdueOnly: true), new PageRequest())).Value.Items;
        var learner = all.Single(r => r.PersonName == "Оксана Волонтерка" && r.Role == AssignmentRole.Supervisor).Due!;
        var newcomer = all.Single(r => r.PersonName == "Василь Кравчук").Due!;

        Assert.Equal((new DateOnly(2026, 2, 7), true), (learner.NextDue, learner.Overdue));
        Assert.Equal((new DateOnly(2026, 3, 9), false), (newcomer.NextDue, newcomer.Overdue));
        Assert.Null(all.Single(r => r.Role == AssignmentRole.Mentor).Due);
        Assert.Equal([("Оксана Волонтерка", AssignmentRole.Supervisor)], overdue.Select(r => (r.PersonName, r.Role)));
    }

    [Fact]
    public async Task The_case_load_counts_each_assignees_current_people_by_role_and_those_overdue_heaviest_first()
    {
        await AssignAsync("learner@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, Monday.AddDays(-30));
        await AssignAsync("v.kravchuk@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor);
        await AssignAsync("h.bondarenko@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Mentor);
        await AssignAsync("learner@traininghub.example", "mentor@traininghub.example", AssignmentRole.Mentor, Monday.AddDays(-60), Monday.AddDays(-1));

        var load = (await _host.Get<AssignmentRegister>().CaseLoadAsync()).Value;

        Assert.Equal([("Марія Супервізорка", 2, 1, 0, 1)], load.Select(r => (r.AssigneeName, r.Supervisees, r.Mentees, r.Coachees, r.Overdue)));
    }

    [Fact]
    public async Task Ending_an_assignment_keeps_its_history_and_a_stale_end_is_refused()
    {
        var id = (await AssignAsync("learner@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor, Monday.AddDays(-10))).Value;
        var row = Assert.Single(await ListAsync());
        var register = _host.Get<AssignmentRegister>();

        var ended = await register.EndAsync(id, row.Version, Monday);
        var stale = await register.EndAsync(id, row.Version, Monday.AddDays(-1));
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.True(ended.Succeeded);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Empty(await ListAsync());
        Assert.Equal(Monday, Assert.Single(await ListAsync(includeEnded: true)).EndsOn);
        Assert.False((await _host.Get<ISupervisionAssignments>().CurrentAsync(await PersonAsync("learner@traininghub.example"))).Any);
    }

    [Fact]
    public async Task Those_assigned_see_only_their_people_and_a_coordinator_elsewhere_sees_nothing()
    {
        await AssignAsync("learner@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Supervisor);
        await AssignAsync("h.bondarenko@traininghub.example", "supervisor@traininghub.example", AssignmentRole.Mentor);
        await AssignAsync("v.kravchuk@traininghub.example", "mentor@traininghub.example", AssignmentRole.Supervisor);
        var lviv = (await _host.Get<IOrganisationDirectory>().FindByKatottgAsync("UA46000000000026241"))!.Id;

        _host.User.ActingAs(await PersonAsync("supervisor@traininghub.example"), new PermissionGrant(SupervisionPermissions.Supervise, null));
        var mine = (await _host.Get<AssignmentRegister>().MySuperviseesAsync()).Value;
        _host.User.Holding(new PermissionGrant(SupervisionPermissions.AssignmentsManage, lviv));
        var otherArea = await ListAsync();
        _host.User.SignedOut();
        var signedOut = await _host.Get<AssignmentRegister>().MySuperviseesAsync();

        Assert.Equal([("Оксана Волонтерка", AssignmentRole.Supervisor), ("Галина Бондаренко", AssignmentRole.Mentor)], mine.Select(r => (r.PersonName, r.Role)));
        Assert.Empty(otherArea);
        Assert.Equal(ErrorKind.Forbidden, signedOut.Error!.Kind);
    }
}

public sealed class AssignmentsOnSqlite(SqliteServer server) : AssignmentTests(server), IClassFixture<SqliteServer>;

public sealed class AssignmentsOnPostgreSql(PostgreSqlServer server) : AssignmentTests(server), IClassFixture<PostgreSqlServer>;
