using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.Pathways.Progress;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Figures;

/// <summary>
/// What the workforce figures read of many people at once, on the demo pathway: Halyna holds her social assistant's
/// certificate, Vasyl moves on once his supervisor signs him off, he asks and a coordinator approves.
/// </summary>
public abstract class PathwayFiguresTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private PathwayScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await PathwayScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private DateOnly Today => _scenario.Host.Get<PlacementRegister>().Today;

    private Task<IReadOnlyDictionary<Guid, PathwayStanding>> FiguresAsync(params Guid[] people) =>
        _scenario.Host.Get<IPathwayFigures>().ForPeopleAsync(people, Today.AddMonths(-12).AddDays(1), Today);

    private async Task TrainingAsync(Guid person, decimal hours, DateOnly completedOn, TrainingState state)
    {
        await using var db = _scenario.Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        db.Trainings.Add(new ExternalTraining
        {
            PersonId = person, Title = "Перша психологічна допомога", Provider = "Червоний Хрест", CompletedOn = completedOn, Hours = hours,
            State = state, RecordedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_coordinators_approval_counts_as_moving_on_and_brings_a_valid_certificate()
    {
        var halyna = await _scenario.PersonAsync("h.bondarenko@traininghub.example");
        var before = await FiguresAsync(halyna, _scenario.Vasyl);
        await _scenario.ApproveAsync();

        var after = await FiguresAsync(halyna, _scenario.Vasyl);

        Assert.True(before[halyna].Certified);
        Assert.DoesNotContain(_scenario.Vasyl, before.Keys);
        Assert.Equal(new PathwayStanding(0, 1, true), after[_scenario.Vasyl]);
    }

    [Fact]
    public async Task Approved_training_elsewhere_in_the_period_counts_and_a_revoked_certificate_does_not()
    {
        var halyna = await _scenario.PersonAsync("h.bondarenko@traininghub.example");
        await TrainingAsync(halyna, 6.5m, Today.AddMonths(-2), TrainingState.Approved);
        await TrainingAsync(halyna, 3m, Today.AddMonths(-13), TrainingState.Approved);
        await TrainingAsync(halyna, 4m, Today.AddDays(-3), TrainingState.Pending);
        await using (var db = _scenario.Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext())
        {
            await db.Certificates.Where(c => c.PersonId == halyna).ExecuteUpdateAsync(c => c.SetProperty(x => x.RevokedAt, DateTimeOffset.UtcNow));
        }

        var figures = await FiguresAsync(halyna);

        Assert.Equal(new PathwayStanding(6.5m, 0, false), figures[halyna]);
    }
}

public sealed class PathwayFiguresOnSqlite(SqliteServer server) : PathwayFiguresTests(server), IClassFixture<SqliteServer>;

public sealed class PathwayFiguresOnPostgreSql(PostgreSqlServer server) : PathwayFiguresTests(server), IClassFixture<PostgreSqlServer>;
