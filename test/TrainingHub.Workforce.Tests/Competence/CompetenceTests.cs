using System.Text;
using MiniExcelLibs;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Competence;

namespace TrainingHub.Workforce.Tests.Competence;

/// <summary>
/// The competence view of an area: the heatmap the competencies module counts, named and ordered as the area's units;
/// the funnel from volunteers to professionals; the courses that would close most gaps; its files; and its scope.
/// </summary>
public sealed class CompetenceTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private static readonly FrameworkVersionReference Framework = new(Guid.NewGuid(), "CP-INCL", "Інклюзивний захист дітей", "Inclusive child protection", 2);
    private static readonly CompetencyAreaReference Practice = new(Guid.NewGuid(), "CP.1", "Практика", "Practice");
    private static readonly CompetencyAreaReference Rights = new(Guid.NewGuid(), "CP.2", "Права", "Rights");
    private static readonly CompetencyShortfall Assessment = new(Guid.NewGuid(), "CP.1.1", "Оцінювання", "Assessment", Practice.Id, 40, 10);
    private static readonly CompetencyShortfall Inclusion = new(Guid.NewGuid(), "CP.2.1", "Інклюзія", "Inclusion", Rights.Id, 20, 3);
    private static readonly CompetencyShortfall Ethics = new(Guid.NewGuid(), "CP.2.2", "Етика", "Ethics", Rights.Id, 20, 0);

    private StaffingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await StaffingScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private CompetenceReports Reports => _scenario.Get<CompetenceReports>();

    /// <summary>The oblast's heatmap: Korosten weak, the city strong, the oblast's own office without profiles.</summary>
    private void MapTheOblast()
    {
        _scenario.Figures.Versions.Add(Framework);
        _scenario.Figures.Heatmaps[(Framework.Id, _scenario.Zhytomyr.Id)] = new CompetencyHeatmap(Framework, [Practice, Rights], 30, new RequirementShare(80, 67),
        [
            new HeatmapRow(_scenario.ZhytomyrCity.Id, 20, new RequirementShare(60, 54), [new RequirementShare(30, 27), new RequirementShare(30, 27)]),
            new HeatmapRow(_scenario.Korosten.Id, 10, new RequirementShare(20, 13), [new RequirementShare(10, 3), new RequirementShare(10, 10)]),
            new HeatmapRow(_scenario.Zhytomyr.Id, 0, default, [default, default]),
        ],
        [Assessment, Inclusion, Ethics]);
        _scenario.Figures.Courses.AddRange(
        [
            new CourseForCompetencies(new CourseReference(Guid.NewGuid(), "Assessing a family", null, 120, false), [Assessment.LineageId]),
            new CourseForCompetencies(new CourseReference(Guid.NewGuid(), "Inclusion and ethics", null, 90, false), [Inclusion.LineageId, Ethics.LineageId]),
            new CourseForCompetencies(new CourseReference(Guid.NewGuid(), "Foundations", null, 300, false), [Inclusion.LineageId, Assessment.LineageId]),
        ]);
    }

    [Fact]
    public async Task The_heatmap_names_the_oblasts_hromadas_and_the_courses_closing_most_gaps_come_first()
    {
        MapTheOblast();
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        var view = (await Reports.GetAsync(_scenario.Zhytomyr.Id, null)).Value;

        Assert.Equal(Framework, view.Heatmap!.Version);
        // The oblast's own office has nobody with a profile, so it has no row.
        Assert.Equal(["Korosten City Hromada", "Zhytomyr City Hromada"], view.Lines.Select(l => l.Name));
        Assert.Equal(30.0, view.Lines[0].Areas[0].Percent);
        Assert.Equal(["Foundations", "Assessing a family", "Inclusion and ethics"], view.Demand.Select(d => d.Course.Title));
        Assert.Equal([13, 10, 3], view.Demand.Select(d => d.Gaps));
        Assert.Equal(["CP.2.1"], view.Demand[2].Closes.Select(c => c.Code));
    }

    [Fact]
    public async Task The_funnel_counts_volunteers_certified_volunteers_paraprofessionals_and_professionals()
    {
        var volunteers = await _scenario.HireAsync(5, _scenario.CityNgo.Id, _scenario.People.Volunteer);
        await _scenario.HireAsync(3, _scenario.CityCentre.Id, _scenario.People.SocialAssistant);
        await _scenario.HireAsync(4, _scenario.CityCentre.Id, _scenario.People.SocialWorker);
        await _scenario.HireAsync(1, _scenario.Korosten.Id, _scenario.People.CaseManager);
        _scenario.Figures.Standing[volunteers[0].Id] = new PathwayStanding(0, 0, Certified: true);
        _scenario.Figures.Standing[volunteers[1].Id] = new PathwayStanding(0, 0, Certified: true);
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        var view = (await Reports.GetAsync(_scenario.Zhytomyr.Id, null)).Value;

        Assert.Equal([(FunnelStage.Volunteers, 5), (FunnelStage.TrainedVolunteers, 2), (FunnelStage.Paraprofessionals, 3), (FunnelStage.Professionals, 5)],
            view.Funnel.Select(s => (s.Stage, s.People)));
        // Without a published framework there is no heatmap and nothing to recommend.
        Assert.Null(view.Heatmap);
        Assert.Empty(view.Demand);
    }

    [Fact]
    public async Task An_oblast_coordinator_sees_neither_the_country_nor_another_oblast()
    {
        MapTheOblast();
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);

        Assert.Equal(ErrorKind.Forbidden, (await Reports.GetAsync(null, null)).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Reports.GetAsync(_scenario.Lviv.Id, null)).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden,
            (await _scenario.Get<CompetenceExport>().ExportAsync(_scenario.Lviv.Id, null, CompetencePart.Heatmap, "csv")).Error!.Kind);
    }

    [Fact]
    public async Task The_heatmap_downloads_as_a_table_a_workbook_of_all_three_parts_and_a_picture()
    {
        MapTheOblast();
        _scenario.AsViewerAt(_scenario.Zhytomyr.Id);
        var export = _scenario.Get<CompetenceExport>();

        var csv = (await export.ExportAsync(_scenario.Zhytomyr.Id, null, CompetencePart.Heatmap, "csv")).Value;
        var xlsx = (await export.ExportAsync(_scenario.Zhytomyr.Id, null, CompetencePart.Heatmap, "xlsx")).Value;
        var png = (await export.ExportAsync(_scenario.Zhytomyr.Id, null, CompetencePart.Heatmap, "png")).Value;
        var funnel = (await export.ExportAsync(_scenario.Zhytomyr.Id, null, CompetencePart.Funnel, "svg")).Value;
        var demandPicture = await export.ExportAsync(_scenario.Zhytomyr.Id, null, CompetencePart.Demand, "png");

        var lines = Encoding.UTF8.GetString(csv.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Unit;People;All areas;CP.1 Practice;CP.2 Rights", lines[0].Trim().TrimStart('\uFEFF'));
        Assert.StartsWith("Korosten City Hromada;10;65;30;100", lines[1]);
        using (var stream = new MemoryStream(xlsx.Content))
        {
            Assert.Equal(3, stream.GetSheetNames().Count);
        }
        using var image = SkiaSharp.SKBitmap.Decode(png.Content);
        // Korosten's practice cell (30 %) is in the reddest band.
        Assert.Equal(SkiaSharp.SKColor.Parse("#c62828"), image.GetPixel(260 + 90 + 45, 64 + 4));
        Assert.Contains("Trained volunteers (certified)", Encoding.UTF8.GetString(funnel.Content));
        Assert.Equal(ErrorKind.NotFound, demandPicture.Error!.Kind);
    }
}
