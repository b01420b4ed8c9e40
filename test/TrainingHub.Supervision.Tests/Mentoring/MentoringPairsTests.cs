using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Mentoring;
using TrainingHub.Supervision.Sessions;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Mentoring;

/// <summary>
/// Mentoring pairs over the demo assignments (the demo mentor mentors the demo learner): goals go from open to achieved
/// or dropped by the rules of who may, only the two and coordinators of the area see a pair, and the end review is shown
/// to each only once both have written theirs.
/// </summary>
public abstract class MentoringPairsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string Mentor = "mentor@traininghub.example";
    private const string Learner = "learner@traininghub.example";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private MentoringPairs Pairs => _host.Get<MentoringPairs>();

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private async Task ActAsync(string email, params PermissionGrant[] more) =>
        _host.User.ActingAs(await PersonAsync(email),
            [new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null), .. more]);

    /// <summary>The demo mentor's pair with the demo learner.</summary>
    private async Task<Assignment> PairAsync()
    {
        var (mentor, learner) = (await PersonAsync(Mentor), await PersonAsync(Learner));
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        return await db.Assignments.SingleAsync(a => a.AssigneeId == mentor && a.PersonId == learner && a.Role == AssignmentRole.Mentor);
    }

    private async Task EndPairAsync(Guid assignmentId, DateOnly lastDay)
    {
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        await db.Assignments.Where(a => a.Id == assignmentId).ExecuteUpdateAsync(a => a.SetProperty(x => x.EndsOn, lastDay));
    }

    private async Task<GoalView> GoalAsync(Guid assignmentId, Guid goalId) =>
        (await Pairs.OpenAsync(assignmentId)).Value.Goals.Single(g => g.Id == goalId);

    [Fact]
    public async Task Either_proposes_and_marks_achieved_only_the_mentor_drops_with_a_reason_and_a_closed_goal_stays_closed()
    {
        var pair = await PairAsync();
        await ActAsync(Mentor);
        var byMentor = (await Pairs.ProposeAsync(pair.Id, new GoalInput { Text = "  Провести першу групу батьків  ", TargetOn = new DateOnly(2026, 4, 1) })).Value;
        var empty = await Pairs.ProposeAsync(pair.Id, new GoalInput { Text = " " });
        var past = await Pairs.ProposeAsync(pair.Id, new GoalInput { Text = "Минуле", TargetOn = new DateOnly(2026, 3, 1) });

        await ActAsync(Learner);
        var byMentee = (await Pairs.ProposeAsync(pair.Id, new GoalInput { Text = "Скласти план самодогляду" })).Value;
        var menteeAchieves = await Pairs.AchieveAsync(byMentor);
        var menteeDrops = await Pairs.DropAsync(byMentee, "Не на часі");

        await ActAsync(Mentor);
        var noReason = await Pairs.DropAsync(byMentee, "  ");
        var dropped = await Pairs.DropAsync(byMentee, "Переходить у план супервізії");
        var achieveDropped = await Pairs.AchieveAsync(byMentee);
        var dropAchieved = await Pairs.DropAsync(byMentor, "Пізно");

        Assert.Equal("Mentoring:Error:GoalRequired", empty.Error!.ErrorFor("Text"));
        Assert.Equal("Mentoring:Error:TargetInPast", past.Error!.ErrorFor("TargetOn"));
        Assert.True(menteeAchieves.Succeeded && dropped.Succeeded);
        Assert.Equal(ErrorKind.Forbidden, menteeDrops.Error!.Kind);
        Assert.Equal("Mentoring:Error:ReasonRequired", noReason.Error!.ErrorFor("DropReason"));
        Assert.Equal("Mentoring:Error:GoalClosed", achieveDropped.Error!.Key);
        Assert.Equal("Mentoring:Error:GoalClosed", dropAchieved.Error!.Key);
        var achieved = await GoalAsync(pair.Id, byMentor);
        var droppedGoal = await GoalAsync(pair.Id, byMentee);
        Assert.Equal(("Провести першу групу батьків", GoalStatus.Achieved, "Андрій Наставник", new DateOnly(2026, 4, 1)),
            (achieved.Text, achieved.Status, achieved.ProposedByName, achieved.TargetOn));
        Assert.Equal((GoalStatus.Dropped, "Переходить у план супервізії", "Оксана Волонтерка"), (droppedGoal.Status, droppedGoal.DropReason, droppedGoal.ProposedByName));
    }

    [Fact]
    public async Task The_two_see_their_pair_with_its_mentoring_meetings_coordinators_of_the_area_read_and_nobody_else_sees_it()
    {
        var pair = await PairAsync();
        await ActAsync(Mentor);
        var goal = (await Pairs.ProposeAsync(pair.Id, new GoalInput { Text = "Вести щоденник рефлексії" })).Value;
        var meeting = (await _host.Get<SessionPlanner>().ScheduleAsync(new ScheduleInput
        {
            Kind = SessionKind.Mentoring, ParticipantIds = [pair.PersonId],
            Times = new SessionTimes { StartsAt = _clock.GetUtcNow().AddDays(2), DurationMinutes = 60 },
        })).Value;
        var mentorsPairs = await Pairs.MineAsync();

        await ActAsync(Learner);
        var learnersPair = (await Pairs.MineAsync()).Single(p => p.AssignmentId == pair.Id);
        await ActAsync("coordinator@traininghub.example", new PermissionGrant(SupervisionPermissions.AssignmentsManage, pair.UnitId));
        var coordinator = (await Pairs.OpenAsync(pair.Id)).Value;
        var coordinatorAchieves = await Pairs.AchieveAsync(goal);
        var coordinatorProposes = await Pairs.ProposeAsync(pair.Id, new GoalInput { Text = "Ні" });
        await ActAsync("coordinator@traininghub.example", new PermissionGrant(SupervisionPermissions.AssignmentsManage, Guid.NewGuid()));
        var elsewhere = await Pairs.OpenAsync(pair.Id);
        await ActAsync("supervisor@traininghub.example");
        var supervisor = await Pairs.OpenAsync(pair.Id);
        var supervisorsPairs = await Pairs.MineAsync();

        Assert.Equal(2, mentorsPairs.Count);
        Assert.All(mentorsPairs, p => Assert.Equal(PairReader.Mentor, p.Reader));
        Assert.Equal((PairReader.Mentee, "Андрій Наставник", true), (learnersPair.Reader, learnersPair.OtherName, learnersPair.Changeable));
        Assert.Contains(learnersPair.Goals, g => g.Id == goal);
        Assert.Equal([meeting], learnersPair.Meetings.Select(m => m.SessionId));
        Assert.Equal((PairReader.Coordinator, false), (coordinator.Reader, coordinator.Changeable));
        Assert.Contains(coordinator.Goals, g => g.Id == goal);
        Assert.Equal(ErrorKind.NotFound, coordinatorAchieves.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, coordinatorProposes.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, elsewhere.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, supervisor.Error!.Kind);
        Assert.Empty(supervisorsPairs);
    }

    [Fact]
    public async Task The_end_review_opens_as_the_pair_ends_each_reads_the_others_once_both_have_written_and_goals_then_stay_as_they_were()
    {
        var pair = await PairAsync();
        await ActAsync(Mentor);
        var goal = (await Pairs.ProposeAsync(pair.Id, new GoalInput { Text = "Освоїти оцінку потреб родини" })).Value;
        var review = new ReviewInput { WentWell = "Регулярні зустрічі", Next = "Самостійні візити", GoalsMet = 4 };
        var tooEarly = await Pairs.ReviewAsync(pair.Id, review);
        await EndPairAsync(pair.Id, new DateOnly(2026, 3, 10));
        var incomplete = await Pairs.ReviewAsync(pair.Id, new ReviewInput { WentWell = "Так", GoalsMet = 7 });
        var mentorWrites = await Pairs.ReviewAsync(pair.Id, review);
        var again = await Pairs.ReviewAsync(pair.Id, review);
        var mentorAlone = (await Pairs.OpenAsync(pair.Id)).Value.Review;

        await ActAsync(Learner);
        var learnerBefore = (await Pairs.OpenAsync(pair.Id)).Value.Review;
        await Pairs.ReviewAsync(pair.Id, new ReviewInput { WentWell = "Підтримка", Next = "Курс з інклюзії", GoalsMet = 3 });
        var both = (await Pairs.OpenAsync(pair.Id)).Value;
        _clock.Advance(TimeSpan.FromDays(10));
        var afterEnd = await Pairs.AchieveAsync(goal);
        var ended = (await Pairs.OpenAsync(pair.Id)).Value;

        Assert.Equal("Mentoring:Error:ReviewNotDue", tooEarly.Error!.Key);
        Assert.Equal("Mentoring:Error:ReviewTextRequired", incomplete.Error!.ErrorFor("Next"));
        Assert.Equal("Mentoring:Error:RatingRequired", incomplete.Error!.ErrorFor("GoalsMet"));
        Assert.True(mentorWrites.Succeeded);
        Assert.Equal("Mentoring:Error:ReviewSubmitted", again.Error!.Key);
        Assert.Equal((true, false, "Регулярні зустрічі"), (mentorAlone.MentorSubmitted, mentorAlone.MenteeSubmitted, mentorAlone.Mine!.WentWell));
        Assert.Empty(mentorAlone.Shown);
        Assert.Null(learnerBefore.Mine);
        Assert.Empty(learnerBefore.Shown);
        Assert.True(learnerBefore.AwaitsMine(PairReader.Mentee));
        Assert.Equal([(true, 4), (false, 3)], both.Review.Shown.Select(r => (r.ByMentor, r.GoalsMet)));
        Assert.Equal("Mentoring:Error:NotCurrent", afterEnd.Error!.Key);
        Assert.Equal((false, GoalStatus.Open), (ended.Changeable, ended.Goals.Single(g => g.Id == goal).Status));
    }
}

public sealed class MentoringPairsOnSqlite(SqliteServer server) : MentoringPairsTests(server), IClassFixture<SqliteServer>;

public sealed class MentoringPairsOnPostgreSql(PostgreSqlServer server) : MentoringPairsTests(server), IClassFixture<PostgreSqlServer>;
