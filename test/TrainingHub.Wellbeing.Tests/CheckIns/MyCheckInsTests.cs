using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Instruments;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing.Tests.CheckIns;

/// <summary>
/// The demo learner answers a round of Zhytomyr city's monthly check-in: answers are kept as she goes, submitting scores
/// them and stops her reminders, skipping deletes what she answered, and no one else reaches her answers.
/// </summary>
public abstract class MyCheckInsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
    private readonly RecordingReminders _reminders = new();
    private ModuleTestHost _host = null!;
    private Guid _round;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock).AddSingleton<IReminders>(_reminders));
        _round = await CityRound.OpenAsync(_host);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private MyCheckIns CheckIns => _host.Get<MyCheckIns>();

    private async Task<Guid> ActAsAsync(string email)
    {
        var id = (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;
        _host.User.ActingAs(id, new PermissionGrant(WellbeingPermissions.CheckIn, null));
        return id;
    }

    [Fact]
    public async Task Answers_are_kept_as_given_and_submitting_scores_them_locks_them_and_stops_the_reminders()
    {
        var learner = await ActAsAsync("learner@traininghub.example");
        await CheckIns.OpenAsync(_round);
        foreach (var item in Enumerable.Range(1, 6).Select(i => $"personal.{i}"))
        {
            await CheckIns.AnswerAsync(_round, item, 1);
        }
        await CheckIns.AnswerAsync(_round, "work.1", 0);
        await CheckIns.AnswerAsync(_round, "work.1", null);
        var reopened = (await CheckIns.OpenAsync(_round)).Value;
        var wrongOption = await CheckIns.AnswerAsync(_round, "work.2", 9);

        var submitted = await CheckIns.SubmitAsync(_round);
        var again = await CheckIns.SubmitAsync(_round);
        var changeAfter = await CheckIns.AnswerAsync(_round, "work.2", 1);
        var mine = (await CheckIns.MineAsync()).Value;
        await _host.DeliverEventsAsync();

        Assert.Equal(6, reopened.Answers.Count);
        Assert.Equal(ErrorKind.Validation, wrongOption.Error!.Kind);
        Assert.Equal([75m, null, null], submitted.Value.Select(s => s.Score));
        Assert.True(submitted.Value[0].High);
        Assert.Equal("CheckIns:Error:AlreadySubmitted", again.Error!.Key);
        Assert.Equal("CheckIns:Error:AlreadySubmitted", changeAfter.Error!.Key);
        var round = Assert.Single(mine.Rounds);
        Assert.Equal((InvitationState.Answered, 75m), (round.State, round.Scores["personal"]));
        Assert.Equal("cbi", mine.Instrument!.Code);
        Assert.Contains((RoundRun.Thing(_round), (Guid?)learner), _reminders.Cancelled);
    }

    [Fact]
    public async Task Skipping_deletes_what_was_answered_and_the_round_can_still_be_answered_from_nothing()
    {
        await ActAsAsync("learner@traininghub.example");
        await CheckIns.OpenAsync(_round);
        await CheckIns.AnswerAsync(_round, "personal.1", 0);

        var skipped = await CheckIns.SkipAsync(_round);
        var state = (await CheckIns.MineAsync()).Value.Rounds.Single().State;
        await using var db = _host.Get<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();
        var responses = await db.Responses.CountAsync();
        var again = (await CheckIns.OpenAsync(_round)).Value;
        await _host.DeliverEventsAsync();

        Assert.True(skipped.Succeeded);
        Assert.Equal((InvitationState.Skipped, 0), (state, responses));
        Assert.Empty(again.Answers);
        Assert.Contains(_reminders.Cancelled, c => c.Item1 == RoundRun.Thing(_round));
    }

    [Fact]
    public async Task The_part_about_clients_is_put_only_to_people_whose_position_works_with_clients()
    {
        await ActAsAsync("learner@traininghub.example");
        var volunteers = (await CheckIns.OpenAsync(_round)).Value;
        var volunteersClientAnswer = await CheckIns.AnswerAsync(_round, "client.1", 2);

        await ActAsAsync("supervisor@traininghub.example");
        var supervisors = (await CheckIns.OpenAsync(_round)).Value;
        var supervisorsClientAnswer = await CheckIns.AnswerAsync(_round, "client.1", 2);
        foreach (var item in Enumerable.Range(1, 6).Select(i => $"personal.{i}"))
        {
            await CheckIns.AnswerAsync(_round, item, 1);
        }
        var submitted = await CheckIns.SubmitAsync(_round);
        var mine = (await CheckIns.MineAsync()).Value;

        Assert.Equal(["personal", "work", "client"], volunteers.Instrument.Scales.Select(s => s.Code));
        Assert.True(volunteersClientAnswer.Succeeded);
        Assert.Equal(["personal", "work"], supervisors.Instrument.Scales.Select(s => s.Code));
        Assert.Equal("CheckIns:Error:ClientScaleNotOffered", supervisorsClientAnswer.Error!.Key);
        Assert.Equal(["personal", "work"], submitted.Value.Select(s => s.Scale));
        Assert.Equal(["personal"], mine.Rounds.Single().Scores.Keys);
        Assert.DoesNotContain(mine.Instrument!.Scales, s => s.Code == "client");
    }

    [Fact]
    public async Task Someone_who_had_no_position_when_the_round_opened_is_asked_about_clients_and_may_skip_it()
    {
        var supervisor = await ActAsAsync("supervisor@traininghub.example");
        await using (var db = _host.Get<IDbContextFactory<WellbeingDbContext>>().CreateDbContext())
        {
            var invitation = await db.Invitations.SingleAsync(i => i.RoundId == _round && i.PersonId == supervisor, TestContext.Current.CancellationToken);
            invitation.PositionTypeId = null;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var questionnaire = (await CheckIns.OpenAsync(_round)).Value;
        var clientAnswer = await CheckIns.AnswerAsync(_round, "client.1", 0);
        await CheckIns.AnswerAsync(_round, "client.1", null);
        foreach (var item in Enumerable.Range(1, 3).Select(i => $"personal.{i}"))
        {
            await CheckIns.AnswerAsync(_round, item, 0);
        }
        var submitted = await CheckIns.SubmitAsync(_round);

        Assert.Equal(["personal", "work", "client"], questionnaire.Instrument.Scales.Select(s => s.Code));
        Assert.True(clientAnswer.Succeeded);
        var client = submitted.Value.Single(s => s.Scale == "client");
        Assert.Equal((null, NoScoreReason.NotAnswered), (client.Score, client.Reason));
    }

    [Fact]
    public async Task Nobody_else_reaches_a_persons_answers_and_nothing_is_answered_after_the_round_closes()
    {
        await ActAsAsync("learner@traininghub.example");
        await CheckIns.OpenAsync(_round);
        await CheckIns.AnswerAsync(_round, "personal.1", 0);
        await ActAsAsync("supervisor@traininghub.example");
        var supervisorsOwn = await CheckIns.OpenAsync(_round);
        await ActAsAsync("admin@traininghub.example");
        var notInvited = await CheckIns.OpenAsync(_round);
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.SchedulesManage, null));
        var withoutPermission = await CheckIns.MineAsync();

        await ActAsAsync("learner@traininghub.example");
        _clock.Advance(CheckInRound.OpenFor);
        var late = await CheckIns.AnswerAsync(_round, "personal.2", 0);

        Assert.Empty(supervisorsOwn.Value.Answers);
        Assert.Equal(ErrorKind.NotFound, notInvited.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, withoutPermission.Error!.Kind);
        Assert.Equal("CheckIns:Error:Closed", late.Error!.Key);
    }
}

public sealed class MyCheckInsOnSqlite(SqliteServer server) : MyCheckInsTests(server), IClassFixture<SqliteServer>;

public sealed class MyCheckInsOnPostgreSql(PostgreSqlServer server) : MyCheckInsTests(server), IClassFixture<PostgreSqlServer>;
