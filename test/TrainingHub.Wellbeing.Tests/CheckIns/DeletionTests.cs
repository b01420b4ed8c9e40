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
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing.Tests.CheckIns;

/// <summary>A person deletes their own answers of a closed round, and answers past the retention period go by themselves.</summary>
public sealed class DeletionTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private Guid _round;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true", ["Wellbeing:RetentionMonths"] = "12" },
            services => services.AddSingleton<TimeProvider>(_clock).AddSingleton<IReminders>(new RecordingReminders()));
        _round = await CityRound.OpenAsync(_host);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task AnswerAsAsync(string email)
    {
        var id = (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;
        _host.User.ActingAs(id, new PermissionGrant(WellbeingPermissions.CheckIn, null));
        var checkIns = _host.Get<MyCheckIns>();
        await checkIns.OpenAsync(_round);
        foreach (var item in new[] { "personal.1", "personal.2", "personal.3" })
        {
            await checkIns.AnswerAsync(_round, item, 2);
        }
        await checkIns.SubmitAsync(_round);
    }

    private async Task<int> ResponsesAsync()
    {
        await using var db = _host.Get<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();
        return await db.Responses.CountAsync();
    }

    [Fact]
    public async Task A_person_deletes_their_own_answers_after_the_round_closed_and_they_leave_their_scores()
    {
        await AnswerAsAsync("supervisor@traininghub.example");
        await AnswerAsAsync("learner@traininghub.example");
        _clock.Advance(CheckInRound.OpenFor + TimeSpan.FromDays(1));
        var checkIns = _host.Get<MyCheckIns>();

        var deleted = await checkIns.DeleteAsync(_round);
        var again = await checkIns.DeleteAsync(_round);
        var mine = (await checkIns.MineAsync()).Value.Rounds.Single();

        Assert.True(deleted.Succeeded);
        Assert.Equal(ErrorKind.NotFound, again.Error!.Kind);
        Assert.Equal((InvitationState.Deleted, 0), (mine.State, mine.Scores.Count));
        Assert.Equal(1, await ResponsesAsync());
    }

    [Fact]
    public async Task Answers_of_rounds_older_than_the_retention_period_are_deleted_and_newer_ones_kept()
    {
        await AnswerAsAsync("learner@traininghub.example");
        var retention = _host.Get<ResponseRetention>();

        _clock.Advance(TimeSpan.FromDays(360));
        var early = await retention.DeleteExpiredAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(10));
        var due = await retention.DeleteExpiredAsync(CancellationToken.None);
        var mine = (await _host.Get<MyCheckIns>().MineAsync()).Value.Rounds.Single();

        Assert.Equal(12, retention.Months);
        Assert.Equal((0, 1), (early, due));
        Assert.Equal(0, await ResponsesAsync());
        Assert.Equal(InvitationState.Deleted, mine.State);
    }
}
