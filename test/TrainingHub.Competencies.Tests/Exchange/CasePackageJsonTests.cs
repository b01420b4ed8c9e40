using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingHub.Competencies.DemoData;
using TrainingHub.Competencies.Exchange;
using static TrainingHub.Competencies.Tests.Exchange.ExchangeSamples;

namespace TrainingHub.Competencies.Tests.Exchange;

/// <summary>CASE packages we write pass a strict reader, and what we read back is the framework we wrote.</summary>
public sealed partial class CasePackageJsonTests
{
    [Fact]
    public void Written_and_read_again_the_framework_is_the_same()
    {
        var original = ReadCleanly(DemoFramework.Read()) with { Version = "2026.1" };

        var result = CasePackageJson.Read(CasePackageJson.Write(original, CaseOptions));

        Assert.Equal(Dump(original), Dump(ReadCleanly(result)));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Moodle_to_CASE_to_Moodle_keeps_the_tree_codes_scale_and_both_languages()
    {
        var fromMoodle = ReadCleanly(MoodleCompetencyCsv.Read(File("moodle-export.csv")));

        var throughCase = ReadCleanly(CasePackageJson.Read(CasePackageJson.Write(fromMoodle, CaseOptions)));
        var backInMoodle = ReadCleanly(MoodleCompetencyCsv.Read(MoodleCompetencyCsv.Write(throughCase)));

        Assert.Equal(Dump(fromMoodle), Dump(throughCase));
        Assert.Equal(Dump(fromMoodle), Dump(backInMoodle));
    }

    [Fact]
    public void The_export_uses_strict_UUIDs_service_URIs_and_times_with_an_offset()
    {
        var document = ReadCleanly(DemoFramework.Read());

        var package = JsonNode.Parse(CasePackageJson.Write(document, CaseOptions))!;

        var objects = Descendants(package).OfType<JsonObject>().Where(o => o.ContainsKey("identifier")).ToList();
        Assert.All(objects, o => Assert.Matches(StrictUuid(), (string)o["identifier"]!));
        Assert.All(objects, o => Assert.StartsWith("https://traininghub.example/ims/case/v1p0/CF", (string)o["uri"]!));
        Assert.All(objects.Where(o => o.ContainsKey("lastChangeDateTime")), o => Assert.Equal("2026-03-14T09:30:00+02:00", (string)o["lastChangeDateTime"]!));
        var documentId = (string)package["CFDocument"]!["identifier"]!;
        var childLinks = package["CFAssociations"]!.AsArray().Where(a => (string)a!["associationType"]! == "isChildOf").ToList();
        Assert.Equal(document.Items.Count, childLinks.Count);
        Assert.Equal(8, childLinks.Count(a => (string)a!["destinationNodeURI"]!["identifier"]! == documentId));
        Assert.All(childLinks, a => Assert.NotNull(a!["sequenceNumber"]));
        Assert.Equal(document.AreaCount, package["CFItems"]!.AsArray().Count(i => (string)i!["CFItemType"]! == "Area"));
        Assert.Equal(5, package["CFRubrics"]![0]!["CFRubricCriteria"]![0]!["CFRubricCriterionLevels"]!.AsArray().Count);
    }

    [Fact]
    public void The_same_framework_exported_twice_keeps_its_identifiers()
    {
        var document = ReadCleanly(DemoFramework.Read());

        var first = CasePackageJson.Write(document, CaseOptions);
        var second = CasePackageJson.Write(document, CaseOptions with { LastChange = CaseOptions.LastChange.AddDays(1) });

        Assert.Equal(Identifiers(first), Identifiers(second));
    }

    [Fact]
    public void A_foreign_package_with_loose_identifiers_and_no_scale_is_read_leniently()
    {
        const string package = """
            {
              "CFDocument": { "identifier": "00000000-0000-0000-0000-000000000001", "uri": "https://case.example/doc/1", "title": "Рамка", "creator": "x", "lastChangeDateTime": "2020-01-01T00:00:00Z" },
              "CFItems": [
                { "identifier": "item-b", "fullStatement": "Друга компетентність з довгим описом", "humanCodingScheme": "A.2" },
                { "identifier": "item-a", "uri": "https://case.example/items/a", "fullStatement": "Перша", "abbreviatedStatement": "Перша", "humanCodingScheme": "A.1" },
                { "identifier": "00000000-0000-0000-0000-000000000002", "fullStatement": "Сфера A" }
              ],
              "CFAssociations": [
                { "identifier": "as-1", "associationType": "isChildOf", "sequenceNumber": 2, "originNodeURI": { "identifier": "item-b" }, "destinationNodeURI": { "identifier": "00000000-0000-0000-0000-000000000002" } },
                { "identifier": "as-2", "associationType": "isChildOf", "sequenceNumber": 1, "originNodeURI": { "identifier": "elsewhere", "uri": "https://case.example/items/a" }, "destinationNodeURI": { "identifier": "00000000-0000-0000-0000-000000000002" } },
                { "identifier": "as-3", "associationType": "isChildOf", "originNodeURI": { "identifier": "00000000-0000-0000-0000-000000000002" }, "destinationNodeURI": { "identifier": "00000000-0000-0000-0000-000000000001" } },
                { "identifier": "as-4", "associationType": "exemplar", "originNodeURI": { "identifier": "item-a" }, "destinationNodeURI": { "identifier": "https://elsewhere" } }
              ]
            }
            """;

        var result = CasePackageJson.Read(Utf8(package));

        var document = ReadCleanly(result);
        Assert.Equal("00000000-0000-0000-0000-000000000001", document.Code);
        Assert.Equal(["00000000-0000-0000-0000-000000000002", "A.1", "A.2"], document.Items.Select(i => i.Code));
        Assert.Equal([true, false, false], document.Items.Select(i => i.IsArea));
        Assert.Equal(("Друга компетентність з довгим описом", ""), (document.Items[2].ShortNameUk, document.Items[2].DescriptionUk));
        Assert.Equal(FrameworkDocument.DefaultScale, document.Scale);
        Assert.Equal(["Exchange:Warning:DefaultScaleUsed", "Exchange:Warning:CodesFromIdentifiers"], result.Warnings.Select(w => w.Key));
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(o),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(a),
        _ => [node],
    };

    private static List<string> Identifiers(byte[] package) =>
        [.. Descendants(JsonNode.Parse(package)!).OfType<JsonObject>().Where(o => o.ContainsKey("identifier")).Select(o => (string)o["identifier"]!)];

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex StrictUuid();
}
