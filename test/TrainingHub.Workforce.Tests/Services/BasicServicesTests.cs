using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Services;

namespace TrainingHub.Workforce.Tests.Services;

/// <summary>The basic social services: a list administrators keep, which hromadas tick and planners count.</summary>
public abstract class BasicServicesTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private BasicServices Services => _scenario.Get<BasicServices>();

    private CommunityProfiles Communities => _scenario.Get<CommunityProfiles>();

    [Fact]
    public async Task The_list_starts_with_the_eighteen_services_of_the_law_in_its_order()
    {
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        var list = (await Services.ListAsync()).Value;

        Assert.Equal(18, list.Count);
        Assert.Equal(("Home care", "Догляд вдома"), (list[0].Name, list[0].NameUk));
        Assert.Equal("Information", list[^1].Name);
    }

    [Fact]
    public async Task Administrators_add_rename_and_remove_services_and_a_removed_service_leaves_the_hromadas_reports()
    {
        _scenario.AsAdministrator();
        var invalid = await Services.AddAsync(new BasicServiceInput { NameUk = " ", NameEn = new string('x', BasicService.MaxNameLength + 1) });
        var added = await Services.AddAsync(new BasicServiceInput { NameUk = "Денний догляд за дітьми з інвалідністю", NameEn = "Day care for children with disabilities" });
        var row = (await Services.ListAsync()).Value.Single(s => s.Id == added.Value);
        Assert.True((await Communities.SaveAsync(_scenario.ZhytomyrCity.Id, new CommunityInput { Services = [added.Value] })).Succeeded);
        var renamed = await Services.RenameAsync(row.Id, row.Version, new BasicServiceInput { NameUk = "Денний догляд (діти)", NameEn = "Day care (children)" });
        var stale = await Services.RenameAsync(row.Id, row.Version, new BasicServiceInput { NameUk = "Інше", NameEn = "Other" });
        var counted = (await Services.ListAsync()).Value.Single(s => s.Id == added.Value);
        var removed = await Services.RemoveAsync(counted.Id, counted.Version);

        Assert.Equal(["NameUk Services:Error:NameRequired", "NameEn Services:Error:NameTooLong"], invalid.Error!.Fields.Select(f => $"{f.Field} {f.Key}"));
        Assert.True(renamed.Succeeded);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal(("Day care (children)", 1), (counted.Name, counted.Hromadas));
        Assert.True(removed.Succeeded);
        Assert.Equal(18, (await Services.ListAsync()).Value.Count);
        Assert.Empty((await Communities.OfAsync(_scenario.ZhytomyrCity.Id)).Value.Services);
    }

    [Fact]
    public async Task Coordinators_read_the_list_but_may_not_change_it_and_people_without_staffing_may_not_read_it()
    {
        _scenario.AsCoordinatorAt(_scenario.Zhytomyr.Id);
        var first = (await Services.ListAsync()).Value[0];
        var adds = await Services.AddAsync(new BasicServiceInput { NameUk = "А", NameEn = "A" });
        var removes = await Services.RemoveAsync(first.Id, first.Version);
        _scenario.Host.User.Holding();
        var reads = await Services.ListAsync();

        Assert.Equal(ErrorKind.Forbidden, adds.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, removes.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, reads.Error!.Kind);
    }

    [Fact]
    public async Task A_hromada_ticks_the_services_it_provides_and_the_oblast_counts_the_hromadas_providing_each()
    {
        _scenario.AsCoordinatorAt(_scenario.Zhytomyr.Id);
        var list = (await Services.ListAsync()).Value;
        Assert.True((await Communities.SaveAsync(_scenario.ZhytomyrCity.Id, new CommunityInput { Services = [list[0].Id, list[1].Id, list[8].Id] })).Succeeded);
        Assert.True((await Communities.SaveAsync(_scenario.Korosten.Id, new CommunityInput { Services = [list[8].Id] })).Succeeded);
        var read = (await Communities.OfAsync(_scenario.Korosten.Id)).Value;
        read.Services.Add(list[0].Id);
        var unknown = await Communities.SaveAsync(_scenario.Korosten.Id, new CommunityInput { Services = [Guid.NewGuid()], Version = read.Version });
        var ticked = await Communities.SaveAsync(_scenario.Korosten.Id, read);
        var staleTicks = await Communities.SaveAsync(_scenario.Korosten.Id, read);

        var oblast = await _scenario.ReportAsync(_scenario.Zhytomyr.Id);
        var city = await _scenario.ReportAsync(_scenario.ZhytomyrCity.Id);

        Assert.Equal(ErrorKind.NotFound, unknown.Error!.Kind);
        Assert.True(ticked.Succeeded);
        Assert.Equal(ErrorKind.Conflict, staleTicks.Error!.Kind);
        Assert.Equal([("Home care", 2, 4), ("Day care", 1, 4), ("Social support (case management)", 2, 4)],
            oblast.Services.Where(s => s.Providing > 0).Select(s => (s.Name, s.Providing, s.Hromadas)));
        Assert.Equal(3, oblast.Lines.Single(l => l.UnitId == _scenario.ZhytomyrCity.Id).ServicesProvided);
        Assert.Equal(2, oblast.Lines.Single(l => l.UnitId == _scenario.Korosten.Id).ServicesProvided);
        Assert.Equal(3, city.Services.Count(s => s.Providing == 1));
        Assert.Empty((await _scenario.ReportAsync(_scenario.CityCentre.Id)).Services);
    }
}

public sealed class BasicServicesOnSqlite(SqliteServer server) : BasicServicesTests(server), IClassFixture<SqliteServer>;

public sealed class BasicServicesOnPostgreSql(PostgreSqlServer server) : BasicServicesTests(server), IClassFixture<PostgreSqlServer>;
