using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Gaps;

/// <summary>
/// The figures planning views read: a heatmap of the country, an oblast, a hromada and an organisation, and whether each
/// person meets their role profile, counted as the gap view counts but asked by another module without any permission,
/// on real SQLite and real PostgreSQL. The country's and the oblasts' heatmaps and the standings are read from the
/// tallies counted ahead: each test starts right after a count, and counts again after a change where it reads them.
/// </summary>
public abstract class CompetencyFiguresTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private GapScenario _s = null!;

    public async ValueTask InitializeAsync()
    {
        _s = await GapScenario.StartAsync(server);
        // Another module asks, on behalf of nobody in particular.
        _s.ActAs(Guid.NewGuid());
        await RefreshAsync();
    }

    private async Task RefreshAsync() => await _s.Get<FigureTallies>().RefreshIfBehindAsync(CancellationToken.None);

    private CompetencyFigures Live => (CompetencyFigures)Figures;

    public ValueTask DisposeAsync() => _s.DisposeAsync();

    private ICompetencyFigures Figures => _s.Get<ICompetencyFigures>();

    private static (int Required, int Met) Of(RequirementShare share) => (share.Required, share.Met);

    private async Task<CompetencyHeatmap> HeatmapAsync(Guid? unitId, Guid? versionId = null)
    {
        var heatmap = await Figures.HeatmapAsync(versionId ?? _s.VersionId, unitId);
        Assert.NotNull(heatmap);
        return heatmap;
    }

    [Fact]
    public async Task The_country_has_a_row_per_oblast_with_nobody_counted_where_nobody_works()
    {
        var oblasts = (await _s.Get<IOrganisationDirectory>().GetUnitsInAsync(UnitScope.Everywhere)).Where(u => u.ParentId is null).ToList();
        var lviv = _s.LvivHromada.ParentId!.Value;

        var country = await HeatmapAsync(null);

        Assert.Equal(("GAPS", 1), (country.Version.FrameworkCode, country.Version.Number));
        Assert.Equal([_s.Law, _s.Practice], country.Areas.Select(a => a.Id));
        Assert.Equal("Law", country.Areas[0].Name(english: true));
        // Iryna, Petro and Olha in Zhytomyr Oblast, one social worker in Lviv Oblast; nobody inactive or without a position.
        Assert.Equal((4, (13, 9)), (country.People, Of(country.Total)));
        Assert.Equal(oblasts.Select(o => o.Id).Order(), country.Rows.Select(r => r.UnitId).Order());
        var zhytomyr = country.Rows.Single(r => r.UnitId == _s.Zhytomyr.Id);
        Assert.Equal((3, (9, 5)), (zhytomyr.People, Of(zhytomyr.Total)));
        // Law covers the nested area's competency.
        Assert.Equal([(7, 4), (2, 1)], zhytomyr.Areas.Select(Of));
        var inLviv = country.Rows.Single(r => r.UnitId == lviv);
        Assert.Equal((1, (4, 4), (double?)100.0), (inLviv.People, Of(inLviv.Total), inLviv.Total.Percent));
        Assert.All(country.Rows.Where(r => r.UnitId != _s.Zhytomyr.Id && r.UnitId != lviv),
            r => Assert.Equal((0, (0, 0), (double?)null), (r.People, Of(r.Total), r.Total.Percent)));
    }

    [Fact]
    public async Task Shortfalls_put_the_competency_missing_most_first_and_leave_out_what_nobody_in_the_area_must_have()
    {
        var country = await HeatmapAsync(null);
        var korosten = await HeatmapAsync(_s.Korosten.Id);

        // Reporting is missing for Iryna and Petro; courts and home visits for Petro; child rights for nobody.
        Assert.Equal([("L2", 3, 2), ("L3.1", 3, 1), ("P1", 3, 1), ("L1", 4, 0)], country.Shortfalls.Select(s => (s.Code, s.Required, s.Missing)));
        Assert.Equal([_s.Law, _s.Law, _s.Practice, _s.Law], country.Shortfalls.Select(s => s.AreaId));
        Assert.Equal("Reporting abuse", country.Shortfalls[0].Name(english: true));
        Assert.Equal("Повідомлення про насильство", country.Shortfalls[0].Name(english: false));
        // Olha is a volunteer: only child rights is required of Korosten's people, and she meets it.
        Assert.Equal([("L1", 1, 0)], korosten.Shortfalls.Select(s => (s.Code, s.Required, s.Missing)));
    }

    [Fact]
    public async Task An_oblast_has_a_row_per_hromada_and_a_hromada_one_for_its_own_people_and_each_organisation()
    {
        var hromadas = (await _s.Get<IOrganisationDirectory>().GetUnitsInAsync(UnitScope.Under([_s.Zhytomyr.Id])))
            .Where(u => u.ParentId == _s.Zhytomyr.Id).Select(u => u.Id).Order().ToList();

        var oblast = await HeatmapAsync(_s.Zhytomyr.Id);
        var hromada = await HeatmapAsync(_s.ZhytomyrCity.Id);

        Assert.Equal((3, (9, 5)), (oblast.People, Of(oblast.Total)));
        Assert.Equal(hromadas, oblast.Rows.Select(r => r.UnitId).Order());
        var city = oblast.Rows.Single(r => r.UnitId == _s.ZhytomyrCity.Id);
        Assert.Equal((2, (8, 4)), (city.People, Of(city.Total)));
        Assert.Equal([(6, 3), (2, 1)], city.Areas.Select(Of));
        Assert.Equal(50.0, city.Total.Percent);
        Assert.Equal((1, (1, 1)), (oblast.Rows.Single(r => r.UnitId == _s.Korosten.Id).People, Of(oblast.Rows.Single(r => r.UnitId == _s.Korosten.Id).Total)));

        // Petro's home unit is the hromada itself: his row carries the hromada's id and comes first.
        Assert.Equal((2, (8, 4)), (hromada.People, Of(hromada.Total)));
        var itself = hromada.Rows[0];
        Assert.Equal((_s.ZhytomyrCity.Id, 1, (4, 1)), (itself.UnitId, itself.People, Of(itself.Total)));
        Assert.Equal([(3, 1), (1, 0)], itself.Areas.Select(Of));
        var centre = hromada.Rows.Single(r => r.UnitId == _s.CityCentre.Id);
        Assert.Equal((1, (4, 3)), (centre.People, Of(centre.Total)));
        Assert.All(hromada.Rows.Skip(1), r => Assert.NotEqual(_s.ZhytomyrCity.Id, r.UnitId));
    }

    [Fact]
    public async Task An_organisation_is_one_row_of_itself()
    {
        var organisation = await HeatmapAsync(_s.CityCentre.Id);

        var row = Assert.Single(organisation.Rows);
        Assert.Equal((_s.CityCentre.Id, 1, (4, 3)), (row.UnitId, row.People, Of(row.Total)));
        Assert.Equal([(3, 2), (1, 1)], row.Areas.Select(Of));
        Assert.Equal([("L2", 1, 1), ("L1", 1, 0), ("L3.1", 1, 0), ("P1", 1, 0)], organisation.Shortfalls.Select(s => (s.Code, s.Required, s.Missing)));
    }

    [Fact]
    public async Task Only_a_published_version_has_a_heatmap_and_a_new_one_names_competencies_by_the_same_lineage()
    {
        var before = await HeatmapAsync(_s.Zhytomyr.Id);
        _s.ActAsEditor();
        var catalogue = _s.Get<FrameworkCatalogue>();
        var number = (await catalogue.StartDraftAsync(_s.FrameworkId)).Value;
        var draft = (await catalogue.GetAsync(_s.FrameworkId, number)).Value;

        var ofDraft = await Figures.HeatmapAsync(draft.VersionId, _s.Zhytomyr.Id);
        var ofNothing = await Figures.HeatmapAsync(Guid.NewGuid(), null);
        Assert.True((await catalogue.PublishAsync(draft.VersionId, draft.Version)).Succeeded);
        var ofArchived = await Figures.HeatmapAsync(_s.VersionId, _s.Zhytomyr.Id);
        var after = await HeatmapAsync(_s.Zhytomyr.Id, draft.VersionId);
        var newest = await Figures.NewestPublishedAsync();

        Assert.Null(ofDraft);
        Assert.Null(ofNothing);
        Assert.Null(ofArchived);
        Assert.Equal((2, (9, 5)), (after.Version.Number, Of(after.Total)));
        Assert.Equal(before.Shortfalls.Select(s => (s.LineageId, s.Code, s.Missing)), after.Shortfalls.Select(s => (s.LineageId, s.Code, s.Missing)));
        var gaps = Assert.Single(newest, v => v.FrameworkCode == "GAPS");
        Assert.Equal((draft.VersionId, 2, "Child protection"), (gaps.Id, gaps.Number, gaps.Name(english: true)));
        Assert.Equal(newest.Count, newest.Select(v => v.FrameworkCode).Distinct().Count());
    }

    [Fact]
    public async Task Each_active_person_with_a_profile_is_told_whether_they_meet_all_of_it()
    {
        var noProfile = _s.People.Add("Марія Без Профілю", _s.Korosten.Id, Guid.NewGuid());
        await _s.ReportAsync(noProfile);
        foreach (var person in new[] { _s.Olha, _s.InLviv })
        {
            await MeetDemoProfileAsync(person);
        }
        await RefreshAsync();

        var standings = await Figures.ProfileStandingsAsync();

        Assert.False(standings[_s.Iryna.Id]);
        Assert.False(standings[_s.Petro.Id]);
        Assert.True(standings[_s.Olha.Id]);
        Assert.True(standings[_s.InLviv.Id]);
        // Inactive people, people without a position and people whose position requires nothing are left out.
        Assert.Equal(4, standings.Count);
        Assert.DoesNotContain(_s.Inactive.Id, standings.Keys);
        Assert.DoesNotContain(noProfile.Id, standings.Keys);
    }

    [Fact]
    public async Task A_person_meets_their_profile_only_when_they_meet_it_in_every_published_framework()
    {
        // Olha meets child rights, all this framework asks of volunteers, but not yet the demo framework's profile.
        var withDemoUnmet = await Figures.ProfileStandingsAsync();
        await MeetDemoProfileAsync(_s.Olha);
        _s.ActAsEditor();
        var catalogue = _s.Get<FrameworkCatalogue>();
        var frameworkId = await catalogue.CreateAsync("SAFE", "Безпека", "Safety");
        var versionId = (await catalogue.GetAsync(frameworkId)).Value.VersionId;
        var area = await _s.Get<FrameworkTree>().AddAsync(versionId, null, NodeKind.Area, "S", "Безпека", "Safety");
        var firstAid = await _s.Get<FrameworkTree>().AddAsync(versionId, area, NodeKind.Competency, "S1", "Перша допомога", "First aid");
        Assert.True((await _s.Get<RoleProfiles>().SetAsync(_s.People.Volunteer.Id, firstAid, 1)).Succeeded);
        var draft = (await catalogue.GetAsync(frameworkId)).Value;
        await RefreshAsync();

        // Published after the count: counted live until the next.
        var whileDraft = await Figures.ProfileStandingsAsync();
        Assert.True((await catalogue.PublishAsync(draft.VersionId, draft.Version)).Succeeded);
        var published = await Figures.ProfileStandingsAsync();
        await _s.RateAsync(_s.Olha, firstAid, 1);
        var rated = await Figures.ProfileStandingsAsync();

        Assert.False(withDemoUnmet[_s.Olha.Id]);
        Assert.True(whileDraft[_s.Olha.Id]);
        Assert.False(published[_s.Olha.Id]);
        Assert.True(rated[_s.Olha.Id]);
        Assert.Equal(["GAPS", "SAFE"], (await Figures.NewestPublishedAsync()).Select(v => v.FrameworkCode).Where(c => c is "GAPS" or "SAFE"));
    }

    [Fact]
    public async Task The_tallied_country_oblasts_and_standings_are_what_counting_live_gives()
    {
        var oblasts = (await _s.Get<IOrganisationDirectory>().GetUnitsInAsync(UnitScope.Everywhere)).Where(u => u.ParentId is null).ToList();
        // Everyone rated in something, some at every level, so that every cell has pairs met and missed.
        await MeetDemoProfileAsync(_s.InLviv);
        await _s.RateAsync(_s.Petro, _s.Reporting, 4);
        await RefreshAsync();

        foreach (var version in await Figures.NewestPublishedAsync())
        {
            foreach (var area in oblasts.Select(o => (Guid?)o.Id).Prepend(null))
            {
                var tallied = await Figures.HeatmapAsync(version.Id, area);
                var live = await Live.HeatmapAsync(version.Id, area, live: true);
                Assert.NotNull(tallied?.CountedAt);
                Assert.Null(live?.CountedAt);
                Assert.Equal(Describe(live!), Describe(tallied));
            }
        }
        var country = await Figures.HeatmapAsync(_s.VersionId, null);
        Assert.Equal((4, (13, 10)), (country!.People, Of(country.Total)));
        Assert.Equal(
            (await Live.ProfileStandingsAsync(live: true)).OrderBy(p => p.Key),
            (await Figures.ProfileStandingsAsync()).OrderBy(p => p.Key));
    }

    [Fact]
    public async Task A_rating_shows_in_the_tallied_figures_once_they_are_counted_again()
    {
        var before = await HeatmapAsync(_s.Zhytomyr.Id);

        // Petro lacks reporting; Iryna lacks it too.
        await _s.RateAsync(_s.Petro, _s.Reporting, 4);
        var behind = await HeatmapAsync(_s.Zhytomyr.Id);
        await RefreshAsync();
        var after = await HeatmapAsync(_s.Zhytomyr.Id);
        var country = await HeatmapAsync(null);

        Assert.Equal((9, 5), Of(before.Total));
        Assert.Equal((before.CountedAt, (9, 5)), (behind.CountedAt, Of(behind.Total)));
        Assert.NotNull(after.CountedAt);
        Assert.Equal((9, 6), Of(after.Total));
        Assert.Equal((9, 6), Of(country.Rows.Single(r => r.UnitId == _s.Zhytomyr.Id).Total));
        Assert.Equal(("L2", 3, 1), country.Shortfalls.Where(s => s.Code == "L2").Select(s => (s.Code, s.Required, s.Missing)).Single());
        Assert.Equal(Describe((await Live.HeatmapAsync(_s.VersionId, _s.Zhytomyr.Id, live: true))!), Describe(after));
    }

    [Fact]
    public async Task A_hromada_added_between_two_counts_has_its_row_at_once_and_the_oblast_figures_stay_as_counted()
    {
        var before = await HeatmapAsync(_s.Zhytomyr.Id);

        _s.ActAs(Guid.NewGuid(), new PermissionGrant(OrganisationPermissions.UnitsEdit, null));
        var created = await _s.Get<OrganisationTree>().CreateAsync(new UnitInput
        {
            Type = UnitType.Hromada, Name = "Нова громада", ParentId = _s.Zhytomyr.Id,
        });
        Assert.True(created.Succeeded, created.Error?.ToString());
        var after = await HeatmapAsync(_s.Zhytomyr.Id);

        // Nobody works there yet: a row of nobody, and the oblast's counted figures as they were.
        Assert.Equal(0, after.Rows.Single(r => r.UnitId == created.Value).People);
        Assert.Equal(before.Rows.Select(r => r.UnitId), after.Rows.Where(r => r.UnitId != created.Value).Select(r => r.UnitId));
        Assert.Equal((before.CountedAt, Of(before.Total)), (after.CountedAt, Of(after.Total)));
    }

    /// <summary>Every figure of a heatmap, in order, as text to compare.</summary>
    private static IReadOnlyList<string> Describe(CompetencyHeatmap? heatmap)
    {
        Assert.NotNull(heatmap);
        return
        [
            $"{heatmap.Version} {string.Join(",", heatmap.Areas)} {heatmap.People} {heatmap.Total}",
            .. heatmap.Rows.Select(r => $"{r.UnitId} {r.People} {r.Total} {string.Join(",", r.Areas)}"),
            .. heatmap.Shortfalls.Select(s => s.ToString()),
        ];
    }

    /// <summary>
    /// The demo framework (published at start) has profiles for the same positions: an assessor rates the person at every
    /// level it requires of them.
    /// </summary>
    private async Task MeetDemoProfileAsync(PersonContact person)
    {
        await using var db = _s.Get<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var required = await (
                from requirement in db.RoleRequirements
                join version in db.FrameworkVersions on requirement.FrameworkVersionId equals version.Id
                where requirement.PositionTypeId == person.PositionTypeId && version.Status == FrameworkStatus.Published && version.Id != _s.VersionId
                select new { requirement.NodeId, requirement.LevelRank })
            .ToListAsync();
        Assert.NotEmpty(required);
        foreach (var requirement in required)
        {
            await _s.RateAsync(person, requirement.NodeId, requirement.LevelRank);
        }
    }
}

public sealed class CompetencyFiguresOnSqlite(SqliteServer server) : CompetencyFiguresTests(server), IClassFixture<SqliteServer>;

public sealed class CompetencyFiguresOnPostgreSql(PostgreSqlServer server) : CompetencyFiguresTests(server), IClassFixture<PostgreSqlServer>;
