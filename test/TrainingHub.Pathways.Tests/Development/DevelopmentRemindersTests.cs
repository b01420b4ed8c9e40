using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Development;

/// <summary>
/// On the first of October and of December, those whose position (or pathway stage) asks for professional development hours and who have
/// not counted them yet are told how far they are; those who have are left alone, and a second run the same day tells
/// nobody again. On both databases.
/// </summary>
public abstract class DevelopmentRemindersTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private PathwayScenario _scenario = null!;
    private Guid _halyna;
    private int _year;

    private ModuleTestHost Host => _scenario.Host;

    private DevelopmentReminders Reminders => Host.Get<DevelopmentReminders>();

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server, placeVasyl: false);
        _halyna = await _scenario.PersonAsync("h.bondarenko@traininghub.example");
        _year = DailyRuns.DayOf(DateTimeOffset.UtcNow).Year;
        var inYear = new DateTimeOffset(_year, 2, 3, 10, 0, 0, TimeSpan.Zero);
        // Halyna, a social assistant asked for twenty hours, has six and a half; Vasyl, a volunteer asked for ten, has ten.
        _scenario.Others.Completions[_halyna] = [new(Guid.NewGuid(), null, "Сімейні форми виховання", 390, inYear)];
        _scenario.Others.Completions[_scenario.Vasyl] = [new(Guid.NewGuid(), null, "Перша психологічна допомога", 600, inYear)];
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private IEnumerable<SentNotification> Behind =>
        _scenario.Notifier.Sent.Where(s => s.Text.Key == "Notification:DevelopmentBehind");

    [Fact]
    public async Task On_the_first_of_October_Halyna_is_told_she_has_six_and_a_half_of_twenty_hours_with_ninety_two_days_left_and_Vasyl_is_not()
    {
        var told = await Reminders.SendOnAsync(new DateOnly(_year, 10, 1), CancellationToken.None);

        var hers = Assert.Single(Behind, s => s.PersonId == _halyna);
        Assert.Equal(["6.5", "20", _year.ToString(), "92"], hers.Text.Arguments);
        Assert.Equal("/pathways/development", hers.Link);
        Assert.DoesNotContain(Behind, s => s.PersonId == _scenario.Vasyl);
        Assert.Equal(Behind.Count(), told);
    }

    [Fact]
    public async Task A_second_run_the_same_day_tells_nobody_again_and_the_first_of_December_reminds_once_more()
    {
        var first = await Reminders.SendOnAsync(new DateOnly(_year, 12, 1), CancellationToken.None);
        var again = await Reminders.SendOnAsync(new DateOnly(_year, 12, 1), CancellationToken.None);

        Assert.True(first > 0);
        Assert.Equal(0, again);
        Assert.Equal(["6.5", "20", _year.ToString(), "31"], Assert.Single(Behind, s => s.PersonId == _halyna).Text.Arguments);
    }

    [Fact]
    public async Task Where_no_position_asks_hours_but_Halynas_stage_asks_thirty_she_is_told_of_those_thirty()
    {
        await using (var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext())
        {
            await db.Qualifications.ExecuteUpdateAsync(q => q.SetProperty(p => p.CpdHoursPerYear, (int?)null));
            await db.Stages.Where(s => s.Position == 3).ExecuteUpdateAsync(q => q.SetProperty(s => s.CpdHoursPerYear, 30));
        }

        var told = await Reminders.SendOnAsync(new DateOnly(_year, 10, 1), CancellationToken.None);

        Assert.Equal(1, told);
        Assert.Equal(["6.5", "30", _year.ToString(), "92"], Assert.Single(Behind, s => s.PersonId == _halyna).Text.Arguments);
    }

    [Fact]
    public async Task On_any_other_day_nobody_is_told()
    {
        var told = await Reminders.SendOnAsync(new DateOnly(_year, 10, 2), CancellationToken.None)
            + await Reminders.SendOnAsync(new DateOnly(_year, 11, 30), CancellationToken.None);

        Assert.Equal(0, told);
        Assert.Empty(Behind);
    }
}

public sealed class DevelopmentRemindersOnSqlite(SqliteServer server) : DevelopmentRemindersTests(server), IClassFixture<SqliteServer>;

public sealed class DevelopmentRemindersOnPostgreSql(PostgreSqlServer server) : DevelopmentRemindersTests(server), IClassFixture<PostgreSqlServer>;
