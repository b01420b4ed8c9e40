using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Tests.Staffing;

/// <summary>Coordinators enter an organisation's funded posts and a hromada's case load; wrong figures and stale forms lose nothing.</summary>
public abstract class StaffingEditTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private FundedPostsEditing Posts => _scenario.Get<FundedPostsEditing>();

    private CommunityProfiles Communities => _scenario.Get<CommunityProfiles>();

    private async Task<IReadOnlyList<PostsInput>> LinesAsync() => (await Posts.OfAsync(_scenario.CityCentre.Id)).Value;

    [Fact]
    public async Task A_coordinator_sets_the_posts_of_an_organisation_beside_the_people_holding_each_position_and_changes_them_later()
    {
        await _scenario.HireAsync(3, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        _scenario.AsCoordinatorAt(_scenario.ZhytomyrCity.Id);
        var first = await LinesAsync();
        first.Single(l => l.PositionTypeId == _scenario.People.SocialWorker.Id).Posts = 5;
        first.Single(l => l.PositionTypeId == _scenario.People.Psychologist.Id).Posts = 1;
        var created = await Posts.SaveAsync(_scenario.CityCentre.Id, first);
        var second = await LinesAsync();
        var read = second.Select(l => $"{l.Name} {l.Posts}/{l.Filled}").ToList();
        second.Single(l => l.PositionTypeId == _scenario.People.SocialWorker.Id).Posts = 3;
        var changed = await Posts.SaveAsync(_scenario.CityCentre.Id, second);

        Assert.True(created.Succeeded, created.Error?.ToString());
        Assert.True(changed.Succeeded, changed.Error?.ToString());
        Assert.Equal(["Volunteer 0/0", "Social assistant 0/0", "Social worker 5/3", "Case manager 0/0", "Psychologist 1/0"], read);
        var report = await _scenario.ReportAsync(_scenario.CityCentre.Id);
        Assert.Equal((4, 1), (report.Total.FundedPosts, report.Total.VacantPosts));
    }

    [Fact]
    public async Task A_number_of_posts_out_of_range_is_named_on_its_position_and_nothing_is_saved()
    {
        _scenario.AsCoordinatorAt(_scenario.ZhytomyrCity.Id);
        var lines = await LinesAsync();
        lines[0].Posts = 2;
        lines[1].Posts = -1;
        lines[2].Posts = FundedPosts.MaxPosts + 1;

        var saved = await Posts.SaveAsync(_scenario.CityCentre.Id, lines);

        Assert.Equal(ErrorKind.Validation, saved.Error!.Kind);
        Assert.Equal([lines[1].PositionTypeId.ToString(), lines[2].PositionTypeId.ToString()], saved.Error.Fields.Select(f => f.Field));
        Assert.All(saved.Error.Fields, f => Assert.Equal("Staffing:Error:PostsOutOfRange", f.Key));
        Assert.All(await LinesAsync(), l => Assert.Equal(0, l.Posts));
    }

    [Fact]
    public async Task A_form_read_before_someone_else_saved_is_refused_as_a_conflict()
    {
        _scenario.AsCoordinatorAt(_scenario.ZhytomyrCity.Id);
        var mine = await LinesAsync();
        var theirs = await LinesAsync();
        theirs[1].Posts = 4;
        Assert.True((await Posts.SaveAsync(_scenario.CityCentre.Id, theirs)).Succeeded);
        mine[1].Posts = 7;

        var saved = await Posts.SaveAsync(_scenario.CityCentre.Id, mine);

        Assert.Equal(ErrorKind.Conflict, saved.Error!.Kind);
        Assert.Equal(4, (await LinesAsync())[1].Posts);
    }

    [Fact]
    public async Task Only_coordinators_over_an_organisation_edit_its_posts_and_only_organisations_have_posts()
    {
        _scenario.AsCoordinatorAt(_scenario.Korosten.Id);
        var elsewhere = await Posts.OfAsync(_scenario.CityCentre.Id);
        _scenario.AsViewerAt(_scenario.ZhytomyrCity.Id);
        var viewer = await Posts.OfAsync(_scenario.CityCentre.Id);
        _scenario.AsCoordinatorAt(_scenario.ZhytomyrCity.Id);
        var hromada = await Posts.OfAsync(_scenario.ZhytomyrCity.Id);

        Assert.Equal(ErrorKind.Forbidden, elsewhere.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, viewer.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, hromada.Error!.Kind);
    }

    [Fact]
    public async Task A_hromada_reports_its_case_load_once_and_changes_it_from_what_it_last_read()
    {
        _scenario.AsCoordinatorAt(_scenario.ZhytomyrCity.Id);
        var invalid = await Communities.SaveAsync(_scenario.ZhytomyrCity.Id, new CommunityInput { FamiliesInDifficulty = -3, ChildrenWithDisabilities = 40 });
        var first = await Communities.SaveAsync(_scenario.ZhytomyrCity.Id, new CommunityInput { Settlement = Settlement.Urban, FamiliesInDifficulty = 80, ChildrenWithDisabilities = 40 });
        var stale = await Communities.SaveAsync(_scenario.ZhytomyrCity.Id, new CommunityInput { FamiliesInDifficulty = 10 });
        var read = (await Communities.OfAsync(_scenario.ZhytomyrCity.Id)).Value;
        read.FamiliesInDifficulty = 95;
        var changed = await Communities.SaveAsync(_scenario.ZhytomyrCity.Id, read);
        var organisation = await Communities.OfAsync(_scenario.CityCentre.Id);
        _scenario.AsCoordinatorAt(_scenario.Korosten.Id);
        var elsewhere = await Communities.SaveAsync(_scenario.ZhytomyrCity.Id, new CommunityInput());

        Assert.Equal(["FamiliesInDifficulty Communities:Error:CountOutOfRange"], invalid.Error!.Fields.Select(f => $"{f.Field} {f.Key}"));
        Assert.True(first.Succeeded);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.True(changed.Succeeded);
        Assert.Equal(ErrorKind.NotFound, organisation.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, elsewhere.Error!.Kind);
        _scenario.AsViewerAt(_scenario.ZhytomyrCity.Id);
        var report = await _scenario.ReportAsync(_scenario.ZhytomyrCity.Id);
        Assert.Equal((Settlement.Urban, 95, 40), (report.Settlement!.Value, report.Total.FamiliesInDifficulty!.Value, report.Total.ChildrenWithDisabilities!.Value));
    }
}

public sealed class StaffingEditOnSqlite(SqliteServer server) : StaffingEditTests(server), IClassFixture<SqliteServer>;

public sealed class StaffingEditOnPostgreSql(PostgreSqlServer server) : StaffingEditTests(server), IClassFixture<PostgreSqlServer>;
