using TrainingHub.Pathways.Contracts;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Volunteers;

namespace TrainingHub.Workforce.Tests.Volunteers;

/// <summary>Volunteers per area: how many are active, the hours they gave, who reached a next stage and who took up a position.</summary>
public abstract class VolunteerTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    [Fact]
    public async Task An_oblast_counts_each_hromadas_volunteers_their_hours_and_steps_and_those_who_took_up_a_position()
    {
        var city = await _scenario.HireAsync(3, _scenario.CityNgo.Id, _scenario.People.Volunteer);
        var korosten = await _scenario.HireAsync(1, _scenario.Korosten.Id, _scenario.People.Volunteer);
        var left = (await _scenario.HireAsync(1, _scenario.CityNgo.Id, _scenario.People.Volunteer, active: false))[0];
        _scenario.Figures.Hours[city[0].Id] = 10m;
        _scenario.Figures.Hours[city[1].Id] = 4m;
        _scenario.Figures.Standing[city[0].Id] = new PathwayStanding(2.5m, 1, false);
        _scenario.Figures.Hours[korosten[0].Id] = 7m;
        await _scenario.ChangeAsync(city[2] with { PositionTypeId = _scenario.People.SocialWorker.Id });
        await _scenario.ChangeAsync(left with { PositionTypeId = _scenario.People.SocialWorker.Id });
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        var oblast = await _scenario.ReportAsync(_scenario.Zhytomyr.Id);

        var cityLine = oblast.Lines.Single(l => l.UnitId == _scenario.ZhytomyrCity.Id);
        Assert.Equal(new VolunteerFigures(2, 16.5m, 1, 1), cityLine.Volunteers);
        Assert.Equal(8.25m, cityLine.Volunteers.HoursPerVolunteer);
        Assert.Equal(new VolunteerFigures(1, 7m, 0, 0), oblast.Lines.Single(l => l.UnitId == _scenario.Korosten.Id).Volunteers);
        Assert.Equal(new VolunteerFigures(3, 23.5m, 1, 1), oblast.Volunteers);
        Assert.Equal(1, oblast.Lines.Single(l => l.UnitId == _scenario.ZhytomyrCity.Id).Figures.SocialWorkers);
    }

    [Fact]
    public async Task A_hromada_counts_the_move_where_the_person_works_now_and_a_move_between_other_positions_is_not_one()
    {
        var volunteer = (await _scenario.HireAsync(1, _scenario.CityNgo.Id, _scenario.People.Volunteer))[0];
        var worker = (await _scenario.HireAsync(1, _scenario.CityCentre.Id, _scenario.People.CaseManager))[0];
        await _scenario.ChangeAsync(volunteer with { HomeUnitId = _scenario.Korosten.Id, PositionTypeId = _scenario.People.CaseManager.Id });
        await _scenario.ChangeAsync(worker with { PositionTypeId = _scenario.People.SocialWorker.Id });
        _scenario.AsViewerAt(null);

        var city = await _scenario.ReportAsync(_scenario.ZhytomyrCity.Id);
        var korosten = await _scenario.ReportAsync(_scenario.Korosten.Id);

        Assert.Equal(VolunteerFigures.Empty, city.Volunteers);
        Assert.Equal(new VolunteerFigures(0, 0, 0, 1), korosten.Volunteers);
    }
}

public sealed class VolunteersOnSqlite(SqliteServer server) : VolunteerTests(server), IClassFixture<SqliteServer>;

public sealed class VolunteersOnPostgreSql(PostgreSqlServer server) : VolunteerTests(server), IClassFixture<PostgreSqlServer>;
