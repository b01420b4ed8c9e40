using TrainingHub.Competencies.Exchange;
using static TrainingHub.Competencies.Tests.Exchange.ExchangeSamples;

namespace TrainingHub.Competencies.Tests.Exchange;

/// <summary>A framework exported from Moodle reads as Moodle shows it, and what we write Moodle's importer can read back.</summary>
public sealed class MoodleCompetencyCsvTests
{
    [Fact]
    public void A_real_Moodle_export_with_line_breaks_inside_quoted_HTML_reads_in_both_languages()
    {
        var document = ReadCleanly(MoodleCompetencyCsv.Read(File("moodle-export.csv")));

        Assert.Equal("SW-2024", document.Code);
        Assert.Equal(("Соціальна робота з родинами", "Social work with families"), (document.NameUk, document.NameEn));
        Assert.Equal(("Рамка для працівників громад.", "A framework for community workers."), (document.DescriptionUk, document.DescriptionEn));
        Assert.Equal(["SW.1", "SW.1.1", "SW.1.2", "SW.2", "SW.2,1"], document.Items.Select(i => i.Code));
        Assert.Equal(2, document.AreaCount);
        Assert.Equal(3, document.CompetencyCount);

        var talking = document.Items.Single(i => i.Code == "SW.1.1");
        Assert.Equal(("SW.1", 1, "Бесіда з родиною", "Talking with a family"), (talking.ParentCode, talking.Order, talking.ShortNameUk, talking.ShortNameEn));
        // The CR LF typed into Moodle's editor is only HTML whitespace; the text outside the spans is not a language.
        Assert.Equal("Проводить першу бесіду з родиною & з'ясовує її потреби.", talking.DescriptionUk);
        Assert.Equal("Holds a first conversation with a family & finds out its needs.", talking.DescriptionEn);
        Assert.Equal(["SW.1.2", "SW.2,1"], talking.RelatedCodes);

        var plan = document.Items.Single(i => i.Code == "SW.1.2");
        Assert.Equal(("Складання плану", "", "Складає план\nразом із родиною.", 2), (plan.ShortNameUk, plan.ShortNameEn, plan.DescriptionUk, plan.Order));
        Assert.Equal("- фізичні\n- емоційні", document.Items.Single(i => i.Code == "SW.2,1").DescriptionUk);
    }

    [Fact]
    public void The_scale_threshold_is_the_lowest_proficient_value_and_the_default_is_kept()
    {
        var document = ReadCleanly(MoodleCompetencyCsv.Read(File("moodle-export.csv")));

        Assert.Equal(
            [new ScaleLevel("Не досягнуто", "", false, false), new ScaleLevel("Досягнуто", "", true, true), new ScaleLevel("Перевершено", "", false, false)],
            document.Scale);
    }

    [Fact]
    public void Written_and_read_again_the_framework_is_the_same()
    {
        var original = ReadCleanly(MoodleCompetencyCsv.Read(File("moodle-export.csv")));

        var again = ReadCleanly(MoodleCompetencyCsv.Read(MoodleCompetencyCsv.Write(original)));

        Assert.Equal(Dump(original), Dump(again));
    }

    [Fact]
    public void The_export_has_Moodle_columns_multilang_spans_proficient_flags_and_the_taxonomy()
    {
        var document = ReadCleanly(MoodleCompetencyCsv.Read(File("moodle-export.csv")));

        var lines = System.Text.Encoding.UTF8.GetString(MoodleCompetencyCsv.Write(document)).Split('\n');

        Assert.StartsWith("\"Parent ID number\",\"ID number\",\"Short name\",Description,", lines[0]);
        Assert.Contains("<span lang=\"\"uk\"\" class=\"\"multilang\"\">Соціальна робота з родинами</span><span lang=\"\"en\"\" class=\"\"multilang\"\">Social work with families</span>", lines[1]);
        Assert.Contains("{\"\"id\"\":2,\"\"scaledefault\"\":1,\"\"proficient\"\":1},{\"\"id\"\":3,\"\"scaledefault\"\":0,\"\"proficient\"\":1}", lines[1]);
        Assert.EndsWith(",1,\"domain,competency\"", lines[1]);
        Assert.Contains(",\"SW.1.2,SW.2%2C1\",", lines[3]);
    }

    [Fact]
    public void Semicolons_and_a_byte_order_mark_as_Ukrainian_Excel_writes_them_are_read()
    {
        var semicolons = string.Join("\r\n",
            string.Join(";", MoodleCompetencyCsv.Header),
            ";FW;Рамка;;1;\"Ні,Так\";\"[{\"\"id\"\":2,\"\"scaledefault\"\":1,\"\"proficient\"\":1}]\";;;;;;1;domain",
            ";A;Сфера;;1;;;;0;null;;;;",
            "A;A.1;Компетентність;\"Опис; у два\r\nрядки\";2;;;;0;null;;;;");

        var document = ReadCleanly(MoodleCompetencyCsv.Read([0xEF, 0xBB, 0xBF, .. Utf8(semicolons)]));

        Assert.Equal(["A", "A.1"], document.Items.Select(i => i.Code));
        Assert.Equal((1, 1), (document.AreaCount, document.CompetencyCount));
        Assert.Equal("Опис; у два\nрядки", document.Items[1].DescriptionUk);
    }

    [Fact]
    public void Without_a_domain_level_in_the_taxonomy_groups_at_the_top_are_areas()
    {
        var frameworkRow = FrameworkRow.Replace("\"domain,competency\"", "competency");

        var document = ReadCleanly(MoodleCompetencyCsv.Read(MoodleCsv(frameworkRow, Row("", "A", "Сфера"), Row("A", "A.1", "Компетентність"), Row("", "B", "Окрема"))));

        Assert.Equal([true, false, false], document.Items.Select(i => i.IsArea));
    }
}
