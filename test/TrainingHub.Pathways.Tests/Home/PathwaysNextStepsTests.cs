using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.Pathways.Home;
using TrainingHub.Pathways.Progression;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Home;

/// <summary>
/// What the pathways module puts on a person's list of next steps, their own items only, on both databases: a certificate
/// to renew (due soon, overdue once expired while renewal is open), a declined request to move on, training declined for
/// correction and, near the year's end, the year's development hours not yet counted.
/// </summary>
public abstract class PathwaysNextStepsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private PathwayScenario _scenario = null!;
    private Guid _halyna;
    private DateTimeOffset _now;
    private DateOnly _today;

    private ModuleTestHost Host => _scenario.Host;

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server);
        _halyna = await _scenario.PersonAsync("h.bondarenko@traininghub.example");
        _now = DateTimeOffset.UtcNow;
        _today = DailyRuns.DayOf(_now);
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    /// <summary>The steps, read in Ukrainian, in June (away from the year's end) unless the test says when.</summary>
    private async Task<IReadOnlyList<NextStep>> StepsAsync(Guid personId, DateTimeOffset? now = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        return await Host.Get<IEnumerable<INextSteps>>().OfType<PathwaysNextSteps>().Single()
            .ForAsync(personId, now ?? new DateTimeOffset(_today.Year, 6, 15, 9, 0, 0, TimeSpan.Zero), CancellationToken.None);
    }

    private async Task ExpireVasylsCertificateOnAsync(DateOnly validUntil)
    {
        await using var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        await db.Certificates.Where(c => c.PersonId == _scenario.Vasyl).ExecuteUpdateAsync(c => c.SetProperty(x => x.ValidUntil, validUntil));
    }

    [Fact]
    public async Task A_certificate_expiring_within_sixty_days_is_due_soon_for_its_holder_and_nobody_else()
    {
        await _scenario.ApproveAsync();
        await ExpireVasylsCertificateOnAsync(_today.AddDays(30));

        var step = Assert.Single(await StepsAsync(_scenario.Vasyl, _now), s => s.Key.StartsWith("pathways:certificate:", StringComparison.Ordinal));

        Assert.Equal(NextStepUrgency.DueSoon, step.Urgency);
        Assert.Equal("/pathways/my", step.Href);
        Assert.Equal(_today.AddDays(30), DailyRuns.DayOf(step.Due!.Value));
        Assert.DoesNotContain(await StepsAsync(_halyna, _now), s => s.Key == step.Key);
    }

    [Fact]
    public async Task An_expired_certificate_is_overdue_while_renewal_is_open_and_gone_once_it_closed_or_beyond_sixty_days()
    {
        await _scenario.ApproveAsync();
        bool Listed(IEnumerable<NextStep> steps) => steps.Any(s => s.Key.StartsWith("pathways:certificate:", StringComparison.Ordinal));

        await ExpireVasylsCertificateOnAsync(_today.AddDays(-10));
        Assert.Equal(NextStepUrgency.Overdue, Assert.Single(await StepsAsync(_scenario.Vasyl, _now), s => s.Key.StartsWith("pathways:certificate:", StringComparison.Ordinal)).Urgency);

        await ExpireVasylsCertificateOnAsync(_today.AddMonths(-7));
        Assert.False(Listed(await StepsAsync(_scenario.Vasyl, _now)));

        await ExpireVasylsCertificateOnAsync(_today.AddDays(61));
        Assert.False(Listed(await StepsAsync(_scenario.Vasyl, _now)));
    }

    [Fact]
    public async Task A_declined_request_to_move_on_is_open_with_its_reason_until_he_asks_again()
    {
        var request = await _scenario.AskAndListAsync();
        Assert.True((await Host.Get<Progressions>().DeclineAsync(request.Id, "Спершу завершіть курс", request.Version)).Succeeded);

        var step = Assert.Single(await StepsAsync(_scenario.Vasyl), s => s.Key.StartsWith("pathways:request:", StringComparison.Ordinal));

        Assert.Equal(NextStepUrgency.Open, step.Urgency);
        Assert.Equal("Спершу завершіть курс", step.Detail);
        Assert.Contains("Соціальний помічник", step.Title);
        Assert.Equal("/pathways/my", step.Href);
        Assert.DoesNotContain(await StepsAsync(_halyna), s => s.Key.StartsWith("pathways:request:", StringComparison.Ordinal));

        _scenario.AsVasyl();
        Assert.True((await Host.Get<Progressions>().RequestAsync(_scenario.Vasyl, null)).Succeeded);
        Assert.DoesNotContain(await StepsAsync(_scenario.Vasyl), s => s.Key.StartsWith("pathways:request:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Training_declined_for_correction_is_open_for_the_person_who_recorded_it_only()
    {
        await using (var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext())
        {
            db.Trainings.Add(new ExternalTraining
            {
                PersonId = _halyna, Title = "Робота з сім'ями в СЖО", Provider = "ГО «Крок»", CompletedOn = _today.AddDays(-20), Hours = 6,
                State = TrainingState.Declined, DeclineReason = "Додайте сертифікат", RecordedAt = _now,
            });
            db.Trainings.Add(new ExternalTraining
            {
                PersonId = _halyna, Title = "Затверджене", Provider = "ГО «Крок»", CompletedOn = _today.AddDays(-30), Hours = 4,
                State = TrainingState.Approved, RecordedAt = _now,
            });
            await db.SaveChangesAsync();
        }

        var step = Assert.Single(await StepsAsync(_halyna), s => s.Key.StartsWith("pathways:training:", StringComparison.Ordinal));

        Assert.Equal(NextStepUrgency.Open, step.Urgency);
        Assert.Contains("Робота з сім'ями в СЖО", step.Title);
        Assert.Equal("Додайте сертифікат", step.Detail);
        Assert.Equal("/pathways/development", step.Href);
        Assert.DoesNotContain(await StepsAsync(_scenario.Vasyl), s => s.Key.StartsWith("pathways:training:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Development_hours_not_yet_counted_are_due_soon_in_the_last_sixty_days_of_the_year_only()
    {
        // Halyna, a social assistant asked for twenty hours, has six and a half; Vasyl, a volunteer asked for ten, has ten.
        var inYear = new DateTimeOffset(_today.Year, 2, 3, 10, 0, 0, TimeSpan.Zero);
        _scenario.Others.Completions[_halyna] = [new(Guid.NewGuid(), null, "Сімейні форми виховання", 390, inYear)];
        _scenario.Others.Completions[_scenario.Vasyl] = [new(Guid.NewGuid(), null, "Перша психологічна допомога", 600, inYear)];
        var december = new DateTimeOffset(_today.Year, 12, 10, 9, 0, 0, TimeSpan.Zero);

        var step = Assert.Single(await StepsAsync(_halyna, december), s => s.Key.StartsWith("pathways:development:", StringComparison.Ordinal));

        Assert.Equal(NextStepUrgency.DueSoon, step.Urgency);
        Assert.Equal(new DateOnly(_today.Year, 12, 31), DailyRuns.DayOf(step.Due!.Value));
        Assert.Contains("6,5", step.Detail);
        Assert.Contains("20", step.Detail);
        Assert.DoesNotContain(await StepsAsync(_halyna), s => s.Key.StartsWith("pathways:development:", StringComparison.Ordinal));
        Assert.DoesNotContain(await StepsAsync(_scenario.Vasyl, december), s => s.Key.StartsWith("pathways:development:", StringComparison.Ordinal));
    }
}

public sealed class PathwaysNextStepsOnSqlite(SqliteServer server) : PathwaysNextStepsTests(server), IClassFixture<SqliteServer>;

public sealed class PathwaysNextStepsOnPostgreSql(PostgreSqlServer server) : PathwaysNextStepsTests(server), IClassFixture<PostgreSqlServer>;
