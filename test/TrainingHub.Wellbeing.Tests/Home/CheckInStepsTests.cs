using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Tests.CheckIns;

namespace TrainingHub.Wellbeing.Tests.Home;

/// <summary>
/// The open check-in on the home page: a round of Zhytomyr city opened on Monday 2 March 2026 at 07:00 UTC for a week, to
/// which the demo learner and the demo supervisor were invited. Each sees their own invitation until they answer or skip.
/// </summary>
public abstract class CheckInStepsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;
    private Guid _round;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock).AddSingleton<IReminders>(new RecordingReminders()));
        _round = await CityRound.OpenAsync(_host);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<Guid> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    private async Task<IReadOnlyList<NextStep>> StepsAsync(string email)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        var steps = _host.Get<IEnumerable<INextSteps>>().Single();
        return await steps.ForAsync(await PersonAsync(email), _clock.GetUtcNow(), CancellationToken.None);
    }

    private async Task ActAsAsync(string email) =>
        _host.User.ActingAs(await PersonAsync(email), new PermissionGrant(WellbeingPermissions.CheckIn, null));

    [Fact]
    public async Task The_open_invitation_is_a_step_to_the_check_in_due_soon_in_its_last_two_days_and_gone_once_answered()
    {
        var opened = Assert.Single(await StepsAsync("learner@traininghub.example"));
        await ActAsAsync("learner@traininghub.example");
        await _host.Get<MyCheckIns>().OpenAsync(_round);
        var begun = Assert.Single(await StepsAsync("learner@traininghub.example"));
        _clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(1));
        var lastDays = Assert.Single(await StepsAsync("learner@traininghub.example"));
        await ActAsAsync("learner@traininghub.example");
        foreach (var item in Enumerable.Range(1, 6).Select(i => $"personal.{i}"))
        {
            await _host.Get<MyCheckIns>().AnswerAsync(_round, item, 1);
        }
        Assert.True((await _host.Get<MyCheckIns>().SubmitAsync(_round)).Succeeded);

        Assert.Equal(($"wellbeing:check-in:{_round}", "Пройдіть опитування про самопочуття", $"wellbeing/check-ins/{_round}", "Відповісти", NextStepUrgency.Open),
            (opened.Key, opened.Title, opened.Href, opened.Action, opened.Urgency));
        Assert.Equal("відкрите до 09.03.2026", opened.Detail);
        Assert.Equal(("Продовжити", NextStepUrgency.Open), (begun.Action, begun.Urgency));
        Assert.Equal(NextStepUrgency.DueSoon, lastDays.Urgency);
        Assert.Empty(await StepsAsync("learner@traininghub.example"));
        // The supervisor's own invitation still waits: each person's step is theirs alone.
        Assert.Equal($"wellbeing:check-in:{_round}", Assert.Single(await StepsAsync("supervisor@traininghub.example")).Key);
    }

    [Fact]
    public async Task A_skipped_round_a_closed_round_and_someone_not_invited_give_no_step()
    {
        await ActAsAsync("learner@traininghub.example");
        Assert.True((await _host.Get<MyCheckIns>().SkipAsync(_round)).Succeeded);

        Assert.Empty(await StepsAsync("learner@traininghub.example"));
        // Oleksandr Melnyk works in another hromada, which has no check-in.
        Assert.Empty(await StepsAsync("o.melnyk@traininghub.example"));
        _clock.Advance(TimeSpan.FromDays(7));
        Assert.Empty(await StepsAsync("supervisor@traininghub.example"));
    }
}

public sealed class CheckInStepsOnSqlite(SqliteServer server) : CheckInStepsTests(server), IClassFixture<SqliteServer>;

public sealed class CheckInStepsOnPostgreSql(PostgreSqlServer server) : CheckInStepsTests(server), IClassFixture<PostgreSqlServer>;
