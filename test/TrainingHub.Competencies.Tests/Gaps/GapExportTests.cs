using System.Globalization;
using MiniExcelLibs;
using TrainingHub.SharedKernel.Export;
using TrainingHub.Competencies.Services;
using TrainingHub.SharedKernel.Import;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Gaps;

/// <summary>The gap view as a CSV or Excel file, in Ukrainian, with the same figures the page shows.</summary>
public sealed class GapExportTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private GapScenario _s = null!;

    public async ValueTask InitializeAsync() => _s = await GapScenario.StartAsync(_server);

    private void ActInUkrainianAt(Guid unitId)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        _s.ActAsGapViewerAt(unitId);
    }

    public async ValueTask DisposeAsync()
    {
        await _s.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_csv_has_a_byte_order_mark_semicolons_and_a_line_per_unit_and_competency()
    {
        ActInUkrainianAt(_s.Zhytomyr.Id);

        var file = (await _s.Get<GapExport>().ExportAsync(_s.VersionId, _s.Zhytomyr.Id, SpreadsheetFormat.Csv)).Value;
        var table = CsvText.Read(CsvText.DecodeUtf8(file.Content)!);

        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content[..3]);
        Assert.EndsWith(".csv", file.FileName);
        Assert.Equal(["Підрозділ", "Код", "Компетентність", "Сфера", "Потрібно людям", "Досягли", "Частка, %"], table.Header);
        var oblast = table.Rows.Where(r => r.Cells[0] == "Житомирська область").Select(r => (r.Cells[1], r.Cells[4], r.Cells[5], r.Cells[6])).ToList();
        Assert.Equal([("L1", "3", "3", "100"), ("L2", "2", "0", "0"), ("L3.1", "2", "1", "50"), ("P1", "2", "1", "50")], oblast);
        Assert.Contains(table.Rows, r => r.Cells[0] == "Коростенська міська громада" && r.Cells[1] == "L1" && r.Cells[4] == "1" && r.Cells[5] == "1");
        Assert.Equal("Законодавство", table.Rows.First(r => r.Cells[1] == "L3.1").Cells[3]);
    }

    [Fact]
    public async Task The_workbook_reads_back_with_competencies_heatmap_and_details()
    {
        ActInUkrainianAt(_s.ZhytomyrCity.Id);

        var file = (await _s.Get<GapExport>().ExportAsync(_s.VersionId, _s.ZhytomyrCity.Id, SpreadsheetFormat.Xlsx)).Value;
        using var stream = new MemoryStream(file.Content);
        var sheets = stream.GetSheetNames();
        var competencies = stream.Query(useHeaderRow: true, sheetName: sheets[0]).Cast<IDictionary<string, object>>().ToList();
        var heatmap = stream.Query(useHeaderRow: true, sheetName: sheets[1]).Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(["За компетентностями", "За підрозділами й сферами", "Докладно"], sheets);
        Assert.Equal(["L1", "L2", "L3.1", "P1"], competencies.Select(c => c["Код"]?.ToString()));
        Assert.Equal(["2", "0"], competencies.Take(2).Select(c => c["Досягли"]?.ToString()));
        var itself = heatmap.First();
        Assert.Equal(("Житомирська міська громада", "1", "25"), (itself["Підрозділ"]?.ToString(), itself["Людей"]?.ToString(), itself["Усі компетентності"]?.ToString()));
    }

    [Fact]
    public async Task Exporting_a_unit_out_of_scope_is_refused()
    {
        ActInUkrainianAt(_s.Korosten.Id);

        var result = await _s.Get<GapExport>().ExportAsync(_s.VersionId, _s.ZhytomyrCity.Id, SpreadsheetFormat.Csv);

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
    }
}
