using MiniExcelLibs;
using TrainingHub.SharedKernel.Export;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.SharedKernel.Tests;

/// <summary>What exports and logs may write of a record, by the data classes its module declares.</summary>
public sealed class DataClassTests
{
    /// <summary>A line of a supervision export: who and when are ordinary, what was said is sensitive.</summary>
    private sealed record SessionLine([property: OrdinaryData] string Person, [property: OrdinaryData] DateOnly Date, [property: SensitiveData] string Notes);

    [AnonymousData]
    private sealed record CheckInLine(Guid RoundId, int Score);

    [Fact]
    public void An_export_leaves_out_sensitive_fields_and_keeps_the_others()
    {
        var lines = new[] { new SessionLine("Ірина Коваль", new DateOnly(2026, 5, 12), "Каже, що не спить ночами") };

        var file = Spreadsheets.Xlsx("supervision", new Dictionary<string, object> { ["Sessions"] = Spreadsheets.Sheet(lines, name => $"[{name}]") });
        using var stream = new MemoryStream(file.Content);
        var read = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Single();

        Assert.Equal(["[Person]", "[Date]"], read.Keys);
        Assert.Equal("Ірина Коваль", read["[Person]"]);
        Assert.DoesNotContain(read.Values, v => v?.ToString()?.Contains("спить") == true);
    }

    [Fact]
    public void Fields_of_sensitive_and_anonymous_records_may_not_be_written_and_undeclared_ones_may()
    {
        Assert.Equal(
            [true, true, false],
            typeof(SessionLine).GetProperties().OrderBy(p => p.MetadataToken).Select(DataClasses.MayWrite));
        Assert.All(typeof(CheckInLine).GetProperties(), p => Assert.Equal(DataClass.Anonymous, DataClasses.Of(p)));
        Assert.Equal(DataClasses.Withheld, DataClasses.Writable(typeof(SessionLine).GetProperty(nameof(SessionLine.Notes))!, "Каже…"));
        Assert.True(DataClasses.MayWrite(typeof(Parcel).GetProperty(nameof(Parcel.Label))!));
    }
}
