using TrainingHub.Organisations.Contracts;

namespace TrainingHub.Organisations.Tests;

/// <summary>Where a report of a unit counts each unit under it: on the line of the unit right under the reported one.</summary>
public sealed class UnitLinesTests
{
    private static readonly OrganisationUnitSummary Oblast = new(Guid.NewGuid(), "Житомирська область", null, UnitType.Oblast, null, null);
    private static readonly OrganisationUnitSummary City = new(Guid.NewGuid(), "Житомирська міська громада", null, UnitType.Hromada, Oblast.Id, null);
    private static readonly OrganisationUnitSummary Korosten = new(Guid.NewGuid(), "Коростенська міська громада", null, UnitType.Hromada, Oblast.Id, null);
    private static readonly OrganisationUnitSummary Centre = new(Guid.NewGuid(), "Центр соціальних служб", null, UnitType.Organisation, City.Id, null);
    private static readonly OrganisationUnitSummary Branch = new(Guid.NewGuid(), "Відділення денного догляду", null, UnitType.Organisation, Centre.Id, null);

    [Fact]
    public void Each_unit_is_counted_on_the_line_of_the_unit_right_under_the_reported_one_and_the_root_on_its_own()
    {
        var lines = new[] { Oblast, City, Korosten, Centre, Branch }.LinesUnder(Oblast.Id);

        Assert.Equal(Oblast.Id, lines[Oblast.Id]);
        Assert.Equal((City.Id, City.Id, City.Id), (lines[City.Id], lines[Centre.Id], lines[Branch.Id]));
        Assert.Equal(Korosten.Id, lines[Korosten.Id]);
        Assert.Equal(5, lines.Count);
    }

    [Fact]
    public void A_report_lower_down_counts_from_its_own_unit_and_a_unit_whose_parent_is_missing_stands_alone()
    {
        var lines = new[] { City, Centre, Branch }.LinesUnder(City.Id);
        var orphaned = new[] { City, Branch }.LinesUnder(City.Id);

        Assert.Equal((City.Id, Centre.Id, Centre.Id), (lines[City.Id], lines[Centre.Id], lines[Branch.Id]));
        Assert.Equal(Branch.Id, orphaned[Branch.Id]);
    }
}
