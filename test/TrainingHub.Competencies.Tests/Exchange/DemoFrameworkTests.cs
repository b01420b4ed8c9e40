using TrainingHub.Competencies.DemoData;
using TrainingHub.Competencies.Exchange;
using static TrainingHub.Competencies.Tests.Exchange.ExchangeSamples;

namespace TrainingHub.Competencies.Tests.Exchange;

/// <summary>The demo framework is a complete, bilingual Moodle file, and every position type has a sensible profile.</summary>
public sealed class DemoFrameworkTests
{
    /// <summary>The codes of the built-in position types (Accounts' PositionTypesSetup).</summary>
    private static readonly string[] PositionTypes = ["volunteer", "social-assistant", "case-manager", "social-worker", "supervisor", "coordinator"];

    [Fact]
    public void The_demo_framework_reads_without_problems_with_eight_areas_and_about_forty_competencies()
    {
        var result = DemoFramework.Read();

        var document = ReadCleanly(result);
        Assert.Empty(result.Warnings);
        Assert.Equal(("Інклюзивний захист дітей і підтримка сімей", "Inclusive child protection and family support"), (document.NameUk, document.NameEn));
        Assert.Equal(8, result.AreaCount);
        Assert.InRange(result.CompetencyCount, 35, 45);
        Assert.All(document.Items.Where(i => !i.IsArea), c => Assert.True(c.ParentCode is { } parent && document.Items.Single(a => a.Code == parent).IsArea));
        Assert.Equal(FrameworkDocument.DefaultScale, document.Scale);
    }

    [Fact]
    public void Every_area_and_competency_has_its_name_and_description_in_both_languages()
    {
        var document = ReadCleanly(DemoFramework.Read());

        Assert.All(document.Items, item =>
        {
            Assert.All(new[] { item.ShortNameUk, item.ShortNameEn, item.DescriptionUk, item.DescriptionEn }, text => Assert.False(string.IsNullOrWhiteSpace(text), item.Code));
            Assert.NotEqual(item.ShortNameUk, item.ShortNameEn);
            Assert.Matches("\\p{IsCyrillic}", item.DescriptionUk);
            Assert.DoesNotMatch("\\p{IsCyrillic}", item.DescriptionEn);
        });
    }

    [Fact]
    public void The_demo_file_is_exactly_what_the_exporter_writes()
    {
        var document = ReadCleanly(DemoFramework.Read());
        using var stream = typeof(DemoFramework).Assembly.GetManifestResourceStream("TrainingHub.Competencies.DemoData.inclusive-child-protection.csv")!;
        using var file = new MemoryStream();
        stream.CopyTo(file);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(file.ToArray()), System.Text.Encoding.UTF8.GetString(MoodleCompetencyCsv.Write(document)));
    }

    [Fact]
    public void Each_position_type_needs_a_level_for_every_competency_and_more_senior_roles_need_no_less()
    {
        var competencies = ReadCleanly(DemoFramework.Read()).Items.Where(i => !i.IsArea).Select(i => i.Code).Order().ToList();

        var profiles = DemoFramework.RoleProfiles();

        Assert.Equal(PositionTypes.Order(), profiles.Keys.Order());
        Assert.All(profiles.Values, profile =>
        {
            Assert.Equal(competencies, profile.Keys.Order());
            Assert.All(profile.Values, level => Assert.InRange(level, 1, 5));
        });
        foreach (var code in competencies)
        {
            Assert.True(profiles["volunteer"][code] <= profiles["social-assistant"][code], code);
            Assert.True(profiles["social-assistant"][code] <= profiles["social-worker"][code], code);
            Assert.True(profiles["social-worker"][code] <= profiles["supervisor"][code], code);
        }
        Assert.True(profiles["volunteer"].Values.Average() < profiles["social-worker"].Values.Average());
    }
}
