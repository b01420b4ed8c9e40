using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Services;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Gaps;

/// <summary>The gap view counts who meets their role profile under a unit, on real SQLite and real PostgreSQL.</summary>
public abstract class CompetencyGapsTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private GapScenario _s = null!;

    public async ValueTask InitializeAsync() => _s = await GapScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _s.DisposeAsync();

    private static (int Required, int Met) Of(GapShare share) => (share.Required, share.Met);

    [Fact]
    public async Task An_oblast_coordinator_sees_each_competency_share_and_each_hromada_by_area()
    {
        _s.ActAsGapViewerAt(_s.Zhytomyr.Id);

        var view = await _s.ViewAsync(_s.Zhytomyr.Id);

        Assert.Equal(3, view.People);
        Assert.Equal((9, 5), Of(view.Total));
        Assert.Equal(["L1", "L2", "L3.1", "P1"], view.Competencies.Select(c => c.Code));
        Assert.Equal([(3, 3), (2, 0), (2, 1), (2, 1)], view.Competencies.Select(c => Of(c.Share)));
        Assert.Equal([_s.Law, _s.Practice], view.Areas.Select(a => a.Id));
        var city = view.Rows.Single(r => r.Id == _s.ZhytomyrCity.Id);
        Assert.Equal((GapRowKind.Unit, 2, (8, 4)), (city.Kind, city.People, Of(city.Total)));
        // Law covers the nested area's competency: Iryna meets rights and courts, Petro rights.
        Assert.Equal([(6, 3), (2, 1)], city.Areas.Select(Of));
        Assert.Equal((1, (1, 1)), (view.Rows.Single(r => r.Id == _s.Korosten.Id).People, Of(view.Rows.Single(r => r.Id == _s.Korosten.Id).Total)));
        Assert.Contains(view.Rows, r => r.People == 0 && r.Total.Percent is null);
        Assert.Equal([_s.Zhytomyr.Id], view.Trail.Select(u => u.Id));
    }

    [Fact]
    public async Task Drilling_down_goes_from_the_hromada_to_its_organisations_and_then_to_people()
    {
        _s.ActAsGapViewerAt(_s.Zhytomyr.Id);

        var hromada = await _s.ViewAsync(_s.ZhytomyrCity.Id);
        var organisation = await _s.ViewAsync(_s.CityCentre.Id);

        var itself = hromada.Rows[0];
        Assert.Equal((GapRowKind.UnitItself, _s.ZhytomyrCity.Id, 1, (4, 1)), (itself.Kind, itself.Id, itself.People, Of(itself.Total)));
        Assert.Equal((1, (4, 3)), (hromada.Rows.Single(r => r.Id == _s.CityCentre.Id).People, Of(hromada.Rows.Single(r => r.Id == _s.CityCentre.Id).Total)));
        var person = Assert.Single(organisation.Rows);
        Assert.Equal((GapRowKind.Person, _s.Iryna.Id, "Ірина Коваль", (4, 3)), (person.Kind, person.Id, person.Name, Of(person.Total)));
        Assert.Equal([_s.Zhytomyr.Id, _s.ZhytomyrCity.Id, _s.CityCentre.Id], organisation.Trail.Select(u => u.Id));
    }

    [Fact]
    public async Task The_people_list_puts_most_gaps_first_searches_and_pages()
    {
        _s.ActAsGapViewerAt(_s.Zhytomyr.Id);
        var gaps = _s.Get<CompetencyGaps>();

        var withGaps = (await gaps.PeopleAsync(_s.VersionId, _s.Zhytomyr.Id, null, onlyWithGaps: true, new PageRequest())).Value;
        var everyone = (await gaps.PeopleAsync(_s.VersionId, _s.Zhytomyr.Id, null, onlyWithGaps: false, new PageRequest(1, 2))).Value;
        var found = (await gaps.PeopleAsync(_s.VersionId, _s.Zhytomyr.Id, "коваль", onlyWithGaps: false, new PageRequest())).Value;

        Assert.Equal([(_s.Petro.Id, 4, 3), (_s.Iryna.Id, 4, 1)], withGaps.Items.Select(p => (p.Id, p.Required, p.Gaps)));
        Assert.Equal(2, withGaps.TotalCount);
        Assert.Equal((3, _s.Olha.Id, 0), (everyone.TotalCount, everyone.Items.Single().Id, everyone.Items.Single().Gaps));
        Assert.Equal([_s.Iryna.Id], found.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task A_hromada_supervisor_is_refused_another_hromada_and_the_oblast()
    {
        _s.ActAsGapViewerAt(_s.Korosten.Id);
        var gaps = _s.Get<CompetencyGaps>();

        var own = await gaps.ViewAsync(_s.VersionId, _s.Korosten.Id);
        var other = await gaps.ViewAsync(_s.VersionId, _s.ZhytomyrCity.Id);
        var oblast = await gaps.PeopleAsync(_s.VersionId, _s.Zhytomyr.Id, null, false, new PageRequest());
        var choices = (await gaps.ChoicesAsync()).Value;
        _s.ActAs(Guid.NewGuid(), new PermissionGrant(CompetencyPermissions.RatingsRate, null));
        var withoutPermission = await _s.Get<CompetencyGaps>().ViewAsync(_s.VersionId, _s.Korosten.Id);

        Assert.True(own.Succeeded);
        Assert.Equal([_s.Korosten.Id], own.Value.Trail.Select(u => u.Id));
        Assert.Equal(ErrorKind.Forbidden, other.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, oblast.Error!.Kind);
        Assert.Equal([_s.Korosten.Id], choices.Units.Select(u => u.Id));
        Assert.Equal(_s.VersionId, choices.Versions.Single(v => v.Code == "GAPS").Id);
        Assert.Equal(ErrorKind.Forbidden, withoutPermission.Error!.Kind);
    }

    [Fact]
    public async Task Inactive_people_and_people_outside_the_unit_are_not_counted()
    {
        _s.ActAsGapViewerAt(_s.Korosten.Id);

        var korosten = await _s.ViewAsync(_s.Korosten.Id);
        _s.ActAsGapViewerAt(_s.LvivHromada.Id);
        var lviv = await _s.ViewAsync(_s.LvivHromada.Id);

        Assert.Equal((1, (1, 1)), (korosten.People, Of(korosten.Total)));
        Assert.Equal((1, (4, 4)), (lviv.People, Of(lviv.Total)));
    }

    [Fact]
    public async Task A_rating_against_the_previous_version_still_counts_in_the_new_one()
    {
        _s.ActAsEditor();
        var catalogue = _s.Get<FrameworkCatalogue>();
        var number = (await catalogue.StartDraftAsync(_s.FrameworkId)).Value;
        var draft = (await catalogue.GetAsync(_s.FrameworkId, number)).Value;
        Assert.True((await catalogue.PublishAsync(draft.VersionId, draft.Version)).Succeeded);
        _s.ActAsGapViewerAt(_s.Zhytomyr.Id);

        var view = await _s.ViewAsync(_s.Zhytomyr.Id, draft.VersionId);
        var archived = await _s.Get<CompetencyGaps>().ViewAsync(_s.VersionId, _s.Zhytomyr.Id);

        Assert.Equal((9, 5), Of(view.Total));
        Assert.Equal([(3, 3), (2, 0), (2, 1), (2, 1)], view.Competencies.Select(c => Of(c.Share)));
        Assert.Equal(ErrorKind.NotFound, archived.Error!.Kind);
    }

    [Fact]
    public async Task A_newer_assessor_rating_below_the_required_level_reopens_the_gap()
    {
        await _s.RateAsync(_s.Petro, _s.Rights, 1);
        _s.ActAsGapViewerAt(_s.Zhytomyr.Id);

        var view = await _s.ViewAsync(_s.Zhytomyr.Id);

        Assert.Equal((3, 2), Of(view.Competencies.Single(c => c.Id == _s.Rights).Share));
        Assert.Equal((9, 4), Of(view.Total));
    }

    [Fact]
    public async Task A_person_moved_to_another_hromada_is_counted_there_once_Accounts_reports_it()
    {
        await _s.ReportAsync(_s.Petro with { HomeUnitId = _s.Korosten.Id });
        _s.ActAsGapViewerAt(_s.Zhytomyr.Id);

        var view = await _s.ViewAsync(_s.Zhytomyr.Id);

        Assert.Equal((1, (4, 3)), (view.Rows.Single(r => r.Id == _s.ZhytomyrCity.Id).People, Of(view.Rows.Single(r => r.Id == _s.ZhytomyrCity.Id).Total)));
        Assert.Equal((2, (5, 2)), (view.Rows.Single(r => r.Id == _s.Korosten.Id).People, Of(view.Rows.Single(r => r.Id == _s.Korosten.Id).Total)));
        Assert.Equal((9, 5), Of(view.Total));
    }
}

public sealed class CompetencyGapsOnSqlite(SqliteServer server) : CompetencyGapsTests(server), IClassFixture<SqliteServer>;

public sealed class CompetencyGapsOnPostgreSql(PostgreSqlServer server) : CompetencyGapsTests(server), IClassFixture<PostgreSqlServer>;
