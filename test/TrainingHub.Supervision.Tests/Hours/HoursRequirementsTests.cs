using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Hours;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Hours;

/// <summary>
/// What each position asks for in a year, over the demo data (a volunteer: 40 hours, 20 of them direct work; a social
/// assistant: 120, 80 direct work; the supervisor's own position nothing), and each person's progress against it: the
/// administrators' editing with its refusals, the supervisee's own view and who else may see it. The demo hours are
/// cleared first.
/// </summary>
public abstract class HoursRequirementsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        await db.HoursEntries.ExecuteDeleteAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<PersonContact> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!;

    private async Task<Guid> ActAsync(string email, params PermissionGrant[] grants)
    {
        var id = (await PersonAsync(email)).Id;
        _host.User.ActingAs(id, grants);
        return id;
    }

    private Task<Guid> AsAdministratorAsync() => ActAsync("admin@traininghub.example", new PermissionGrant(SupervisionPermissions.HoursRequirementsManage, null));

    private Task<Guid> AsSuperviseeAsync(string email = "learner@traininghub.example") => ActAsync(email, new PermissionGrant(SupervisionPermissions.HoursLog, null));

    private Task<Guid> AsSupervisorAsync(string email = "supervisor@traininghub.example", Guid? areaUnit = null) => ActAsync(email,
    [
        new(SupervisionPermissions.HoursLog, null), new(SupervisionPermissions.HoursReview, null),
        .. areaUnit is { } unit ? new[] { new PermissionGrant(SupervisionPermissions.HoursReviewInArea, unit) } : [],
    ]);

    private async Task<Guid> PositionAsync(string code) => (await _host.Get<IPositionTypes>().ListAsync()).Single(p => p.Code == code).Id;

    private static RequirementInput Input(int total, params (Guid Type, int Hours)[] parts) => new()
    {
        TotalHours = total, Parts = [.. parts.Select(p => new RequirementPartInput { ActivityTypeId = p.Type, Hours = p.Hours })],
    };

    /// <summary>Hours the signed-in supervisee logs and hands in; the demo supervisor approves them unless told not to.</summary>
    private async Task ApprovedAsync(string email, decimal hours, DateOnly date, Guid type, bool approve = true)
    {
        await AsSuperviseeAsync(email);
        var id = (await _host.Get<HoursLog>().LogAsync(new HoursInput { Date = date, Hours = hours, ActivityTypeId = type })).Value;
        await _host.Get<HoursLog>().SubmitAsync([id]);
        if (approve)
        {
            await AsSupervisorAsync();
            await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
            var version = await db.HoursEntries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
            Assert.True((await _host.Get<HoursReview>().ApproveAsync(id, version)).Succeeded);
        }
    }

    [Fact]
    public async Task An_administrator_sets_changes_and_removes_what_a_position_asks_and_a_change_from_a_stale_read_is_refused()
    {
        await AsAdministratorAsync();
        var supervisorPosition = await PositionAsync("supervisor");
        RequirementRow Row(IReadOnlyList<RequirementRow> rows) => rows.Single(r => r.PositionTypeId == supervisorPosition);
        var before = (await _host.Get<HoursRequirements>().ListAsync()).Value;

        var set = await _host.Get<HoursRequirements>().SaveAsync(supervisorPosition, null, Input(50, (ActivityType.Training, 10)));
        var setTwice = await _host.Get<HoursRequirements>().SaveAsync(supervisorPosition, null, Input(60));
        var first = Row((await _host.Get<HoursRequirements>().ListAsync()).Value);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var overTotal = await _host.Get<HoursRequirements>().SaveAsync(supervisorPosition, first.Version, Input(20, (ActivityType.Training, 25)));
        var changed = await _host.Get<HoursRequirements>().SaveAsync(supervisorPosition, first.Version,
            Input(60, (ActivityType.SupervisionReceived, 12), (ActivityType.Training, 10)));
        var second = Row((await _host.Get<HoursRequirements>().ListAsync()).Value);
        var staleChange = await _host.Get<HoursRequirements>().SaveAsync(supervisorPosition, first.Version, Input(70));
        var staleRemoval = await _host.Get<HoursRequirements>().RemoveAsync(supervisorPosition, first.Version!.Value);
        var removed = await _host.Get<HoursRequirements>().RemoveAsync(supervisorPosition, second.Version!.Value);
        var unknownPosition = await _host.Get<HoursRequirements>().SaveAsync(Guid.NewGuid(), null, Input(10));
        var after = (await _host.Get<HoursRequirements>().ListAsync()).Value;
        await AsSuperviseeAsync();
        var bySupervisee = await _host.Get<HoursRequirements>().SaveAsync(supervisorPosition, null, Input(10));
        var listBySupervisee = await _host.Get<HoursRequirements>().ListAsync();

        Assert.Equal(["Волонтер", "Соціальний помічник"], before.Take(2).Select(r => r.PositionName));
        Assert.Equal((120, "Пряма робота з дітьми та родинами", 80), (before[1].TotalHours, before[1].Parts.Single().ActivityName, before[1].Parts.Single().Hours));
        Assert.Null(Row(before).TotalHours);
        Assert.True(set.Succeeded);
        Assert.Equal(ErrorKind.Conflict, setTwice.Error!.Kind);
        Assert.Equal((50, 10), (first.TotalHours, first.Parts.Single().Hours));
        Assert.Equal("Requirements:Error:PartsOverTotal", overTotal.Error!.ErrorFor(nameof(RequirementInput.Parts)));
        Assert.True(changed.Succeeded);
        Assert.Equal(60, second.TotalHours);
        Assert.Equal([("Отримана супервізія", 12), ("Навчання", 10)], second.Parts.Select(p => (p.ActivityName, p.Hours)));
        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(ErrorKind.Conflict, staleChange.Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, staleRemoval.Error!.Kind);
        Assert.True(removed.Succeeded);
        Assert.Equal(ErrorKind.NotFound, unknownPosition.Error!.Kind);
        Assert.Equal((null, null), (Row(after).TotalHours, Row(after).Version));
        Assert.Equal(ErrorKind.Forbidden, bySupervisee.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, listBySupervisee.Error!.Kind);
    }

    [Fact]
    public async Task A_supervisee_sees_this_years_approved_hours_alone_against_what_their_position_asks()
    {
        const string learner = "learner@traininghub.example";
        await ApprovedAsync(learner, 3, new DateOnly(2026, 3, 2), ActivityType.DirectWork);
        await ApprovedAsync(learner, 17, new DateOnly(2026, 2, 10), ActivityType.DirectWork);
        await ApprovedAsync(learner, 2.5m, new DateOnly(2026, 3, 3), ActivityType.Training);
        await ApprovedAsync(learner, 4, new DateOnly(2025, 12, 30), ActivityType.DirectWork);
        await ApprovedAsync(learner, 1, new DateOnly(2026, 3, 4), ActivityType.DirectWork, approve: false);
        await AsSuperviseeAsync(learner);

        var mine = (await _host.Get<HoursLog>().ProgressAsync()).Value;
        await AsSuperviseeAsync("supervisor@traininghub.example");
        var nothingAsked = (await _host.Get<HoursLog>().ProgressAsync()).Value;
        var withoutPosition = (await _host.Get<HoursRequirements>().ProgressAsync([(Guid.NewGuid(), null)], new DateOnly(2026, 3, 6))).Values.Single();

        Assert.Equal(("Волонтер", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 6)), (mine.PositionName, mine.From, mine.To));
        Assert.Equal([(null, null, 40, 22.5m, false), (ActivityType.DirectWork, "Пряма робота з дітьми та родинами", 20, 20m, true)],
            mine.Lines.Select(l => (l.ActivityTypeId, l.ActivityName, l.Required, l.Approved, l.Met)));
        Assert.Equal(56.25, mine.Lines[0].Percent);
        Assert.Equal(("Супервізор", 0), (nothingAsked.PositionName, nothingAsked.Lines.Count));
        Assert.Equal((null, null, 0), (withoutPosition.PositionTypeId, withoutPosition.PositionName, withoutPosition.Lines.Count));
    }

    [Fact]
    public async Task A_supervisor_sees_the_progress_of_the_people_they_supervise_and_an_administrator_of_their_area_only()
    {
        await ApprovedAsync("h.bondarenko@traininghub.example", 6, new DateOnly(2026, 3, 2), ActivityType.DirectWork);
        var people = new List<Guid>();
        foreach (var email in new[] { "learner@traininghub.example", "h.bondarenko@traininghub.example", "o.melnyk@traininghub.example", "i.lysenko@traininghub.example" })
        {
            people.Add((await PersonAsync(email)).Id);
        }
        var supervisor = await AsSupervisorAsync();

        var supervisors = (await _host.Get<HoursReview>().ProgressAsync([.. people, supervisor])).Value;
        await AsSupervisorAsync("mentor@traininghub.example");
        var mentors = (await _host.Get<HoursReview>().ProgressAsync(people)).Value;
        await AsSupervisorAsync("admin@traininghub.example", (await PersonAsync("i.lysenko@traininghub.example")).HomeUnitId);
        var administrators = (await _host.Get<HoursReview>().ProgressAsync(people)).Value;
        await AsSuperviseeAsync("o.melnyk@traininghub.example");
        var supervisees = await _host.Get<HoursReview>().ProgressAsync(people);

        Assert.Equal(new[] { people[0], people[1] }.Order(), supervisors.Keys.Order());
        Assert.Equal(("Соціальний помічник", 6m, 120), (supervisors[people[1]].PositionName, supervisors[people[1]].Lines[0].Approved, supervisors[people[1]].Lines[0].Required));
        Assert.Empty(mentors);
        Assert.Equal([people[3]], administrators.Keys);
        Assert.Equal(ErrorKind.Forbidden, supervisees.Error!.Kind);
    }
}

public sealed class HoursRequirementsOnSqlite(SqliteServer server) : HoursRequirementsTests(server), IClassFixture<SqliteServer>;

public sealed class HoursRequirementsOnPostgreSql(PostgreSqlServer server) : HoursRequirementsTests(server), IClassFixture<PostgreSqlServer>;
