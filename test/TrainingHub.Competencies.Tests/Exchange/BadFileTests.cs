using System.Text;
using System.Text.Json.Nodes;
using TrainingHub.Competencies.DemoData;
using TrainingHub.Competencies.Exchange;
using static TrainingHub.Competencies.Tests.Exchange.ExchangeSamples;

namespace TrainingHub.Competencies.Tests.Exchange;

/// <summary>
/// Files that cannot be imported say why, with the line (CSV) or identifier (CASE) of each problem, and never throw.
/// </summary>
public sealed class BadFileTests
{
    private static ProblemPlace Line(int line) => ProblemPlace.AtLine(line);

    private static ProblemPlace Item(string identifier) => ProblemPlace.AtItem(identifier);

    private static ExchangeProblem HasError(FrameworkReadResult result, string key, ProblemPlace place)
    {
        Assert.False(result.CanImport);
        var problem = result.Errors.FirstOrDefault(e => e.Key == key && e.Place == place);
        Assert.True(problem is not null, $"Expected {key} at {place}; found: {string.Join("; ", result.Errors)}");
        return problem;
    }

    // ------------------------------------------------------------ any file

    [Fact]
    public void An_empty_file_is_empty() =>
        HasError(MoodleCompetencyCsv.Read([]), "Exchange:Error:EmptyFile", ProblemPlace.File);

    [Fact]
    public void A_file_of_blank_lines_is_empty() =>
        HasError(CasePackageJson.Read(Utf8("\r\n \n\t\n")), "Exchange:Error:EmptyFile", ProblemPlace.File);

    [Fact]
    public void A_header_alone_has_no_framework_row() =>
        HasError(MoodleCompetencyCsv.Read(MoodleCsv()), "Exchange:Error:NoFrameworkRow", ProblemPlace.File);

    [Fact]
    public void A_file_over_five_megabytes_is_refused_before_it_is_read()
    {
        var huge = MoodleCsv([FrameworkRow, .. Enumerable.Range(1, 60_000).Select(i => Row("", $"C{i}", "Компетентність з досить довгою назвою"))]);
        Assert.True(huge.Length > ExchangeFile.MaxBytes);

        var problem = HasError(MoodleCompetencyCsv.Read(huge), "Exchange:Error:FileTooLarge", ProblemPlace.File);

        Assert.Equal([5], problem.Arguments);
        HasError(CasePackageJson.Read(huge), "Exchange:Error:FileTooLarge", ProblemPlace.File);
    }

    [Fact]
    public void A_Windows_1251_file_is_not_UTF8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Encoding.UTF8.GetString(MoodleCsv(FrameworkRow, Row("", "A", "Сфера")));

        HasError(MoodleCompetencyCsv.Read(Encoding.GetEncoding(1251).GetBytes(text)), "Exchange:Error:NotUtf8", ProblemPlace.File);
    }

    [Fact]
    public void A_UTF16_file_is_not_UTF8() =>
        HasError(MoodleCompetencyCsv.Read(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("ID number,Short name\n")).ToArray()),
            "Exchange:Error:NotUtf8", ProblemPlace.File);

    [Fact]
    public void A_spreadsheet_instead_of_its_CSV_is_named_as_such() =>
        HasError(MoodleCompetencyCsv.Read([(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0, 8, 0]), "Exchange:Error:Spreadsheet", ProblemPlace.File);

    // ------------------------------------------------------------ Moodle CSV: structure

    [Fact]
    public void A_JSON_file_given_as_Moodle_CSV_gets_one_clear_error()
    {
        var result = MoodleCompetencyCsv.Read(CasePackageJson.Write(ReadCleanly(DemoFramework.Read()), CaseOptions));

        Assert.Equal(["Exchange:Error:JsonGivenAsCsv"], result.Errors.Select(e => e.Key));
    }

    [Fact]
    public void Another_CSV_is_not_a_Moodle_framework() =>
        HasError(MoodleCompetencyCsv.Read(Utf8("email,first name,last name\nolena@example.org,Олена,Коваль\n")), "Exchange:Error:NotMoodleFramework", Line(1));

    [Fact]
    public void Every_line_with_the_wrong_number_of_columns_is_reported()
    {
        var result = MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера") + ",extra", Row("", "B", "Сфера"), "C,D,E"));

        Assert.Equal(new object[] { 14, 15 }, HasError(result, "Exchange:Error:ColumnCount", Line(3)).Arguments);
        Assert.Equal(new object[] { 14, 3 }, HasError(result, "Exchange:Error:ColumnCount", Line(5)).Arguments);
    }

    [Fact]
    public void A_stray_quote_inside_a_cell_is_broken_quoting() =>
        HasError(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера"), Row("A", "A.1", "Так звана \"опіка\""))), "Exchange:Error:BrokenQuoting", Line(4));

    [Fact]
    public void Text_after_a_closing_quote_is_broken_quoting() =>
        HasError(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "\"Сфера\" номер один"))), "Exchange:Error:BrokenQuoting", Line(3));

    [Fact]
    public void A_quote_that_never_closes_is_reported_where_it_opens()
    {
        var result = MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "\"Сфера"), Row("", "B", "Друга")));

        Assert.Single(result.Errors);
        HasError(result, "Exchange:Error:UnclosedQuote", Line(3));
    }

    [Fact]
    public void Two_framework_rows_are_refused() =>
        Assert.Equal(new object[] { 2 }, HasError(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера"), FrameworkRow)), "Exchange:Error:SeveralFrameworkRows", Line(4)).Arguments);

    // ------------------------------------------------------------ Moodle CSV: the tree

    [Fact]
    public void A_code_used_twice_is_reported_at_the_second_use_naming_the_first()
    {
        var result = MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера"), Row("A", "A.1", "Перша"), Row("A", "A.1", "Друга")));

        Assert.Equal(new object[] { "A.1", 4 }, HasError(result, "Exchange:Error:DuplicateCode", Line(5)).Arguments);
    }

    [Fact]
    public void A_parent_that_is_not_in_the_file_is_reported() =>
        Assert.Equal(new object[] { "B.1", "B" }, HasError(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера"), Row("B", "B.1", "Сирота"))),
            "Exchange:Error:UnknownParent", Line(4)).Arguments);

    [Fact]
    public void Every_cycle_in_the_tree_is_reported_once()
    {
        var result = MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера"), Row("C", "B", "Перша"), Row("B", "C", "Друга"), Row("D", "D", "Сама собі")));

        Assert.Equal(new object[] { "B", "B → C → B" }, HasError(result, "Exchange:Error:Cycle", Line(4)).Arguments);
        HasError(result, "Exchange:Error:Cycle", Line(6));
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void A_line_without_a_code_is_reported() =>
        HasError(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера"), Row("A", " ", "Без коду"))), "Exchange:Error:EmptyCode", Line(4));

    [Fact]
    public void A_competency_without_a_name_is_reported() =>
        HasError(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера"), Row("A", "A.1", "\"<span lang=\"\"en\"\" class=\"\"multilang\"\"></span>\""))),
            "Exchange:Error:EmptyName", Line(4));

    [Fact]
    public void An_area_under_a_competency_is_reported()
    {
        var frameworkRow = FrameworkRow.Replace("\"domain,competency\"", "\"competency,domain\"");

        HasError(MoodleCompetencyCsv.Read(MoodleCsv(frameworkRow, Row("", "A", "Компетентність"), Row("A", "A.1", "Сфера"))), "Exchange:Error:AreaInsideCompetency", Line(4));
    }

    [Fact]
    public void All_problems_of_a_file_are_reported_not_only_the_first()
    {
        var result = MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера"), Row("A", "A", "Знову A"), Row("X", "A.2", "Сирота"), Row("A", "A.3", ""), "too,few"));

        Assert.Equal(
            ["Exchange:Error:ColumnCount", "Exchange:Error:DuplicateCode", "Exchange:Error:EmptyName", "Exchange:Error:UnknownParent"],
            result.Errors.Select(e => e.Key).Order());
    }

    [Fact]
    public void A_cross_reference_to_a_missing_competency_is_only_a_warning()
    {
        var result = MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow, Row("", "A", "Сфера"), Row("A", "A.1", "Перша", "A.9")));

        Assert.True(result.CanImport);
        Assert.Equal(new ExchangeProblem("Exchange:Warning:UnknownRelated", Line(4), "A.1", "A.9").ToString(), Assert.Single(result.Warnings).ToString());
        Assert.Empty(result.Document!.Items[1].RelatedCodes);
    }

    // ------------------------------------------------------------ Moodle CSV: the scale

    [Fact]
    public void A_scale_without_a_proficient_value_has_no_threshold() =>
        HasError(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow.Replace("\"\"proficient\"\":1", "\"\"proficient\"\":0"), Row("", "A", "Сфера"))),
            "Exchange:Error:ScaleNoThreshold", Line(2));

    [Fact]
    public void A_scale_configuration_that_is_not_JSON_is_reported() =>
        HasError(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow.Replace("[{", "[{{"), Row("", "A", "Сфера"))), "Exchange:Error:ScaleConfiguration", Line(2));

    [Fact]
    public void A_scale_configuration_for_a_value_that_does_not_exist_is_reported() =>
        HasError(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow.Replace("\"\"id\"\":2", "\"\"id\"\":7"), Row("", "A", "Сфера"))), "Exchange:Error:ScaleConfiguration", Line(2));

    [Fact]
    public void A_framework_without_scale_values_has_no_scale() =>
        HasError(MoodleCompetencyCsv.Read(MoodleCsv(FrameworkRow.Replace("\"Ні,Так\"", ""), Row("", "A", "Сфера"))), "Exchange:Error:ScaleMissing", Line(2));

    // ------------------------------------------------------------ CASE JSON

    [Fact]
    public void A_Moodle_CSV_given_as_CASE_gets_one_clear_error()
    {
        var result = CasePackageJson.Read(MoodleCompetencyCsv.Write(ReadCleanly(DemoFramework.Read())));

        Assert.Equal(["Exchange:Error:CsvGivenAsJson"], result.Errors.Select(e => e.Key));
    }

    [Fact]
    public void Plain_text_is_not_JSON() =>
        HasError(CasePackageJson.Read(Utf8("Рамка компетентностей")), "Exchange:Error:NotJson", ProblemPlace.File);

    [Fact]
    public void Cut_off_JSON_is_reported_with_its_line()
    {
        var package = CasePackageJson.Write(ReadCleanly(DemoFramework.Read()), CaseOptions);
        var cut = package[..(package.Length / 2)];
        var lines = Encoding.UTF8.GetString(cut).Count(c => c == '\n') + 1;

        Assert.Equal(Line(lines), Assert.Single(CasePackageJson.Read(cut).Errors).Place);
    }

    [Fact]
    public void JSON_that_is_not_a_CASE_package_is_named_as_such()
    {
        HasError(CasePackageJson.Read(Utf8("""{ "@context": "https://w3id.org/openbadges/v2", "type": "Assertion" }""")), "Exchange:Error:NotCasePackage", ProblemPlace.File);
        HasError(CasePackageJson.Read(Utf8("""{ "CFDocument": { "identifier": "d" }, "CFItems": {} }""")), "Exchange:Error:NotCasePackage", ProblemPlace.File);
    }

    [Fact]
    public void Two_items_with_one_identifier_are_reported()
    {
        var package = DemoPackage();
        var items = package["CFItems"]!.AsArray();
        var identifier = (string)items[0]!["identifier"]!;
        items[3]!["identifier"] = identifier;

        HasError(Read(package), "Exchange:Error:DuplicateIdentifier", Item(identifier));
    }

    [Fact]
    public void An_item_without_an_identifier_is_reported_by_its_position()
    {
        var package = DemoPackage();
        package["CFItems"]![1]!.AsObject().Remove("identifier");

        HasError(Read(package), "Exchange:Error:MissingIdentifier", Item("CFItems[1]"));
    }

    [Fact]
    public void An_association_from_an_item_not_in_the_package_is_reported()
    {
        var package = DemoPackage();
        var association = package["CFAssociations"]![0]!;
        association["originNodeURI"]!["identifier"] = "missing-item";
        association["originNodeURI"]!["uri"] = "https://elsewhere.example/missing-item";

        HasError(Read(package), "Exchange:Error:UnknownAssociationItem", Item((string)association["identifier"]!));
    }

    [Fact]
    public void A_parent_outside_the_package_is_reported_at_the_child()
    {
        var package = DemoPackage();
        var association = package["CFAssociations"]![1]!;
        association["destinationNodeURI"]!["identifier"] = "not-here";
        association["destinationNodeURI"]!["uri"] = "https://elsewhere.example/not-here";

        HasError(Read(package), "Exchange:Error:UnknownParent", Item((string)association["originNodeURI"]!["identifier"]!));
    }

    [Fact]
    public void A_cycle_of_isChildOf_associations_is_reported()
    {
        var package = DemoPackage();
        var associations = package["CFAssociations"]!.AsArray();
        // The first area becomes the child of its own first competency.
        var area = associations[0]!;
        area["destinationNodeURI"] = associations[1]!["originNodeURI"]!.DeepClone();

        HasError(Read(package), "Exchange:Error:Cycle", Item((string)area["originNodeURI"]!["identifier"]!));
    }

    [Fact]
    public void A_rubric_without_a_threshold_is_reported_at_the_rubric()
    {
        var package = DemoPackage();
        var rubric = package["CFRubrics"]![0]!;
        foreach (var level in rubric["CFRubricCriteria"]![0]!["CFRubricCriterionLevels"]!.AsArray())
        {
            level!["extensions"]!["traininghub"]!["isProficiencyThreshold"] = false;
        }

        HasError(Read(package), "Exchange:Error:ScaleNoThreshold", Item((string)rubric["identifier"]!));
    }

    [Fact]
    public void A_document_without_a_title_is_reported_at_the_document()
    {
        var package = DemoPackage();
        package["CFDocument"]!["title"] = " ";

        HasError(Read(package), "Exchange:Error:EmptyFrameworkName", Item((string)package["CFDocument"]!["identifier"]!));
    }

    // ------------------------------------------------------------ robustness

    [Fact]
    public void Cut_or_damaged_files_give_errors_never_exceptions()
    {
        var csv = MoodleCompetencyCsv.Write(ReadCleanly(DemoFramework.Read()));
        var json = CasePackageJson.Write(ReadCleanly(DemoFramework.Read()), CaseOptions);
        var random = new Random(2026);

        foreach (var file in new[] { csv, json })
        {
            for (var length = 0; length < file.Length; length += 997)
            {
                MoodleCompetencyCsv.Read(file[..length]);
                CasePackageJson.Read(file[..length]);
            }
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var damaged = (byte[])file.Clone();
                damaged[random.Next(damaged.Length)] = (byte)Damage[random.Next(Damage.Length)];
                MoodleCompetencyCsv.Read(damaged);
                CasePackageJson.Read(damaged);
            }
        }
    }

    /// <summary>The characters that break CSV and JSON structure.</summary>
    private const string Damage = "\",;{}[]\n\r:";

    private static JsonNode DemoPackage() => JsonNode.Parse(CasePackageJson.Write(ReadCleanly(DemoFramework.Read()), CaseOptions))!;

    private static FrameworkReadResult Read(JsonNode package) => CasePackageJson.Read(Utf8(package.ToJsonString()));
}
