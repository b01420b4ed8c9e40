using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingHub.Competencies.Exchange;

/// <summary>Where an exported package says it lives and who made it.</summary>
/// <param name="BaseUri">The CASE service root, e.g. https://host/ims/case/v1p0; item URIs are built under it.</param>
internal sealed record CaseExportOptions(string BaseUri, string Creator, DateTimeOffset LastChange);

/// <summary>
/// CASE 1.0 CFPackage JSON. The tree travels as isChildOf associations (child → parent or the document, siblings by
/// sequenceNumber), cross-references as isRelatedTo. Items have CFItemType "Area" or "Competency", humanCodingScheme
/// is the code, abbreviatedStatement the short name and fullStatement the description (the short name again when
/// there is no description, as fullStatement is required). Ukrainian is the package language; the English texts,
/// the framework code and the scale's threshold and default ride in an "extensions" object under the key
/// "traininghub", which other CASE readers ignore. The scale is a CFRubric with one criterion whose levels are
/// ordered by position. Reading is lenient (identifiers need not be UUIDs, codes may be missing); writing is strict.
/// </summary>
internal static class CasePackageJson
{
    private const string Extension = "traininghub";
    private const string AreaType = "Area", CompetencyType = "Competency";

    /// <summary>Name-based (version 5) UUIDs from this namespace keep identifiers stable across exports.</summary>
    private static readonly Guid Namespace = new("5b0e3c2a-8d1f-4e57-9a63-2f4c7d8e1b90");

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static FrameworkReadResult Read(byte[] content)
    {
        var (text, problem) = ExchangeFile.Decode(content);
        if (problem is not null)
        {
            return new FrameworkReadResult(null, [problem], []);
        }
        var start = text!.TrimStart();
        if (start is not ['{', ..])
        {
            var firstLine = start.Split('\n')[0];
            return FrameworkReadResult.Failed(firstLine.Contains(',') || firstLine.Contains(';') ? "Exchange:Error:CsvGivenAsJson" : "Exchange:Error:NotJson",
                ProblemPlace.File);
        }
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return FrameworkReadResult.Failed("Exchange:Error:BrokenJson", ProblemPlace.AtLine((int)(e.LineNumber ?? 0) + 1));
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("CFDocument", out var document) || document.ValueKind != JsonValueKind.Object
                || Has(root, "CFItems") && root.GetProperty("CFItems").ValueKind != JsonValueKind.Array
                || Has(root, "CFAssociations") && root.GetProperty("CFAssociations").ValueKind != JsonValueKind.Array)
            {
                return FrameworkReadResult.Failed("Exchange:Error:NotCasePackage", ProblemPlace.File);
            }
            return OverLimits(root) is { } overLimit ? new FrameworkReadResult(null, [overLimit], []) : ReadPackage(root, document);
        }
    }

    /// <summary>
    /// The first limit the package breaks (<see cref="ExchangeFile"/>), found before the tree is built: too many items
    /// or associations, or a text (any string, named by the identifier of the object that holds it) that is too long.
    /// </summary>
    private static ExchangeProblem? OverLimits(JsonElement root)
    {
        if (Count(root, "CFItems") > ExchangeFile.MaxItems)
        {
            return new ExchangeProblem("Exchange:Error:TooManyItems", ProblemPlace.File, ExchangeFile.MaxItems);
        }
        if (Count(root, "CFAssociations") > ExchangeFile.MaxAssociations)
        {
            return new ExchangeProblem("Exchange:Error:TooManyAssociations", ProblemPlace.File, ExchangeFile.MaxAssociations);
        }
        var pending = new Stack<(JsonElement Element, string Holder)>([(root, "CFDocument")]);
        while (pending.TryPop(out var next))
        {
            var (element, holder) = next;
            switch (element.ValueKind)
            {
                case JsonValueKind.String when element.GetString()!.Length > ExchangeFile.MaxTextLength:
                    return new ExchangeProblem("Exchange:Error:TextTooLong", ProblemPlace.AtItem(holder), ExchangeFile.MaxTextLength);
                case JsonValueKind.Object:
                    var identifier = Text(element, "identifier") is { Length: > 0 and <= 100 } id ? id : holder;
                    // Pushed last to first, so that of several long texts the first in the file is named.
                    foreach (var property in element.EnumerateObject().Reverse())
                    {
                        pending.Push((property.Value, identifier));
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var value in element.EnumerateArray().Reverse())
                    {
                        pending.Push((value, holder));
                    }
                    break;
            }
        }
        return null;
    }

    private static int Count(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 0;

    private static FrameworkReadResult ReadPackage(JsonElement root, JsonElement document)
    {
        var errors = new List<ExchangeProblem>();
        var warnings = new List<ExchangeProblem>();
        var documentId = Text(document, "identifier");
        var documentPlace = ProblemPlace.AtItem(documentId.Length > 0 ? documentId : "CFDocument");
        var documentExtension = ExtensionOf(document);
        var (scale, scalePlace) = ReadScale(root, documentPlace, warnings);
        var framework = new FrameworkDocument
        {
            Code = Text(documentExtension, "code") is { Length: > 0 } frameworkCode ? frameworkCode : documentId,
            NameUk = BilingualText.Normalise(Text(document, "title")),
            NameEn = BilingualText.Normalise(Text(documentExtension, "title")),
            DescriptionUk = BilingualText.Normalise(Text(document, "description")),
            DescriptionEn = BilingualText.Normalise(Text(documentExtension, "description")),
            Version = Text(document, "version") is { Length: > 0 } version ? version : null,
            Scale = scale,
        };

        // Items by identifier; associations may point at them by identifier or only by URI.
        var items = new Dictionary<string, (FrameworkItem Item, ProblemPlace Place, int Index)>(StringComparer.Ordinal);
        var identifierByUri = new Dictionary<string, string>(StringComparer.Ordinal);
        var codesFromIdentifiers = 0;
        var index = 0;
        foreach (var element in Array(root, "CFItems"))
        {
            var identifier = Text(element, "identifier");
            var place = ProblemPlace.AtItem(identifier.Length > 0 ? identifier : $"CFItems[{index}]");
            if (identifier.Length == 0)
            {
                errors.Add(new ExchangeProblem("Exchange:Error:MissingIdentifier", place));
                index++;
                continue;
            }
            if (items.ContainsKey(identifier))
            {
                errors.Add(new ExchangeProblem("Exchange:Error:DuplicateIdentifier", place, identifier));
                index++;
                continue;
            }
            var extension = ExtensionOf(element);
            var code = Text(element, "humanCodingScheme").Trim();
            if (code.Length == 0)
            {
                code = identifier;
                codesFromIdentifiers++;
            }
            var (shortUk, descriptionUk) = Statements(Text(element, "abbreviatedStatement"), Text(element, "fullStatement"));
            var (shortEn, descriptionEn) = Statements(Text(extension, "abbreviatedStatement"), Text(extension, "fullStatement"));
            var type = Text(element, "CFItemType") is { Length: > 0 } itemType ? itemType : Text(element.TryGetProperty("CFItemTypeURI", out var typeUri) ? typeUri : default, "title");
            items[identifier] = (new FrameworkItem
            {
                Code = code,
                IsArea = type.Equals(AreaType, StringComparison.OrdinalIgnoreCase) || type.Equals("Domain", StringComparison.OrdinalIgnoreCase),
                ShortNameUk = shortUk,
                ShortNameEn = shortEn,
                DescriptionUk = descriptionUk,
                DescriptionEn = descriptionEn,
            }, place, index);
            if (Text(element, "uri") is { Length: > 0 } uri)
            {
                identifierByUri.TryAdd(uri, identifier);
            }
            index++;
        }
        if (codesFromIdentifiers > 0)
        {
            warnings.Add(new ExchangeProblem("Exchange:Warning:CodesFromIdentifiers", documentPlace, codesFromIdentifiers));
        }

        var parents = new Dictionary<string, (string? Parent, int Sequence)>();
        var related = new Dictionary<string, List<string>>();
        index = 0;
        foreach (var association in Array(root, "CFAssociations"))
        {
            var identifier = Text(association, "identifier");
            var place = ProblemPlace.AtItem(identifier.Length > 0 ? identifier : $"CFAssociations[{index++}]");
            var type = Text(association, "associationType");
            if (type != "isChildOf" && type != "isRelatedTo")
            {
                continue;
            }
            var origin = NodeIdentifier(association, "originNodeURI", identifierByUri, items.ContainsKey);
            var destination = NodeIdentifier(association, "destinationNodeURI", identifierByUri, items.ContainsKey);
            if (!items.TryGetValue(origin, out var child))
            {
                errors.Add(new ExchangeProblem("Exchange:Error:UnknownAssociationItem", place, origin));
                continue;
            }
            // A destination outside the package keeps its identifier, so the tree check can name it.
            var destinationCode = items.TryGetValue(destination, out var target) ? target.Item.Code : destination;
            if (type == "isRelatedTo")
            {
                related.TryAdd(origin, []);
                related[origin].Add(destinationCode);
            }
            else if (parents.ContainsKey(origin))
            {
                warnings.Add(new ExchangeProblem("Exchange:Warning:SecondParentIgnored", child.Place, child.Item.Code, destinationCode));
            }
            else
            {
                var toDocument = destination == documentId || destination.Length == 0;
                var sequence = association.TryGetProperty("sequenceNumber", out var number) && number.TryGetInt32(out var n) ? n : int.MaxValue;
                parents[origin] = (toDocument ? null : destinationCode, sequence);
            }
        }

        var drafts = items.Select(pair =>
        {
            var (item, place, position) = pair.Value;
            var (parent, sequence) = parents.GetValueOrDefault(pair.Key, (null, int.MaxValue));
            return new DraftItem(item with { ParentCode = parent, RelatedCodes = related.GetValueOrDefault(pair.Key, []) }, place,
                ((long)Math.Max(sequence, 0) << 24) + position);
        }).ToList();
        var areaRule = items.Values.Any(i => i.Item.IsArea) ? null : FrameworkAssembly.GroupsAtTopAreAreas;
        return FrameworkAssembly.Assemble(framework, documentPlace, scalePlace, drafts, areaRule, errors, warnings);
    }

    public static byte[] Write(FrameworkDocument framework, CaseExportOptions options)
    {
        var baseUri = options.BaseUri.TrimEnd('/');
        var changed = options.LastChange.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var scope = $"{framework.Code}\n{framework.Version}";
        var documentId = Uuid(scope, "document");
        var documentLink = Link(framework.NameUk, documentId, $"{baseUri}/CFDocuments/{documentId}");
        var typeIds = new Dictionary<string, string> { [AreaType] = Uuid("type", AreaType), [CompetencyType] = Uuid("type", CompetencyType) };
        var itemIds = framework.Items.ToDictionary(i => i.Code, i => Uuid(scope, "item", i.Code));

        var cfDocument = new JsonObject
        {
            ["identifier"] = documentId,
            ["uri"] = $"{baseUri}/CFDocuments/{documentId}",
            ["creator"] = options.Creator,
            ["title"] = framework.NameUk,
            ["lastChangeDateTime"] = changed,
            ["language"] = "uk",
            ["CFPackageURI"] = Link(framework.NameUk, documentId, $"{baseUri}/CFPackages/{documentId}"),
        };
        AddIfAny(cfDocument, "description", framework.DescriptionUk);
        AddIfAny(cfDocument, "version", framework.Version ?? "");
        cfDocument["extensions"] = Extensions(new JsonObject
        {
            ["code"] = framework.Code,
            ["language"] = "en",
            ["title"] = framework.NameEn,
            ["description"] = framework.DescriptionEn,
        });

        var cfItems = new JsonArray();
        foreach (var item in framework.Items)
        {
            var type = item.IsArea ? AreaType : CompetencyType;
            var cfItem = new JsonObject
            {
                ["identifier"] = itemIds[item.Code],
                ["uri"] = $"{baseUri}/CFItems/{itemIds[item.Code]}",
                ["CFDocumentURI"] = documentLink.DeepClone(),
                ["fullStatement"] = item.DescriptionUk.Length > 0 ? item.DescriptionUk : item.ShortNameUk,
                ["abbreviatedStatement"] = item.ShortNameUk,
                ["humanCodingScheme"] = item.Code,
                ["CFItemType"] = type,
                ["CFItemTypeURI"] = Link(type, typeIds[type], $"{baseUri}/CFItemTypes/{typeIds[type]}"),
                ["language"] = "uk",
                ["lastChangeDateTime"] = changed,
            };
            cfItem["extensions"] = Extensions(new JsonObject
            {
                ["language"] = "en",
                ["abbreviatedStatement"] = item.ShortNameEn,
                ["fullStatement"] = item.DescriptionEn.Length > 0 ? item.DescriptionEn : item.ShortNameEn,
            });
            cfItems.Add(cfItem);
        }

        var cfAssociations = new JsonArray();
        var shortNames = framework.Items.ToDictionary(i => i.Code, i => i.ShortNameUk);
        JsonObject NodeLink(string code) => Link(shortNames[code], itemIds[code], $"{baseUri}/CFItems/{itemIds[code]}");
        void Associate(string type, string originCode, JsonObject destination, int? sequence)
        {
            var origin = NodeLink(originCode);
            var id = Uuid(scope, "association", type, originCode, destination["identifier"]!.GetValue<string>());
            var association = new JsonObject
            {
                ["identifier"] = id,
                ["uri"] = $"{baseUri}/CFAssociations/{id}",
                ["CFDocumentURI"] = documentLink.DeepClone(),
                ["associationType"] = type,
                ["originNodeURI"] = origin,
                ["destinationNodeURI"] = destination,
                ["lastChangeDateTime"] = changed,
            };
            if (sequence is { } number)
            {
                association["sequenceNumber"] = number;
            }
            cfAssociations.Add(association);
        }
        foreach (var item in framework.Items)
        {
            Associate("isChildOf", item.Code, item.ParentCode is { } parent ? NodeLink(parent) : (JsonObject)documentLink.DeepClone(), item.Order);
        }
        foreach (var item in framework.Items)
        {
            foreach (var relatedCode in item.RelatedCodes)
            {
                Associate("isRelatedTo", item.Code, NodeLink(relatedCode), null);
            }
        }

        var package = new JsonObject
        {
            ["CFDocument"] = cfDocument,
            ["CFItems"] = cfItems,
            ["CFAssociations"] = cfAssociations,
            ["CFDefinitions"] = new JsonObject
            {
                ["CFItemTypes"] = new JsonArray([.. typeIds.Select(t => (JsonNode)new JsonObject
                {
                    ["identifier"] = t.Value,
                    ["uri"] = $"{baseUri}/CFItemTypes/{t.Value}",
                    ["title"] = t.Key,
                    ["description"] = t.Key == AreaType ? "A group of related competencies" : "Something a practitioner is able to do",
                    ["hierarchyCode"] = t.Key == AreaType ? "1" : "2",
                    ["lastChangeDateTime"] = changed,
                })]),
            },
            ["CFRubrics"] = new JsonArray(Rubric(framework, scope, baseUri, changed)),
        };
        return Encoding.UTF8.GetBytes(package.ToJsonString(WriteOptions));
    }

    private static JsonObject Rubric(FrameworkDocument framework, string scope, string baseUri, string changed)
    {
        var rubricId = Uuid(scope, "rubric");
        var criterionId = Uuid(scope, "criterion");
        var levels = new JsonArray();
        for (var i = 0; i < framework.Scale.Count; i++)
        {
            var level = framework.Scale[i];
            var levelId = Uuid(scope, "level", i.ToString(CultureInfo.InvariantCulture));
            var cfLevel = new JsonObject
            {
                ["identifier"] = levelId,
                ["uri"] = $"{baseUri}/CFRubricCriterionLevels/{levelId}",
                ["description"] = level.NameUk,
                ["quality"] = level.NameUk,
                ["score"] = i + 1,
                ["position"] = i + 1,
                ["rubricCriterionId"] = criterionId,
                ["lastChangeDateTime"] = changed,
            };
            cfLevel["extensions"] = Extensions(new JsonObject
            {
                ["language"] = "en",
                ["quality"] = level.NameEn,
                ["isProficiencyThreshold"] = level.IsProficiencyThreshold,
                ["isDefault"] = level.IsDefault,
            });
            levels.Add(cfLevel);
        }
        return new JsonObject
        {
            ["identifier"] = rubricId,
            ["uri"] = $"{baseUri}/CFRubrics/{rubricId}",
            ["title"] = framework.NameUk,
            ["description"] = "Proficiency scale",
            ["lastChangeDateTime"] = changed,
            ["CFRubricCriteria"] = new JsonArray(new JsonObject
            {
                ["identifier"] = criterionId,
                ["uri"] = $"{baseUri}/CFRubricCriteria/{criterionId}",
                ["category"] = "Proficiency",
                ["description"] = "Proficiency scale",
                ["position"] = 1,
                ["rubricId"] = rubricId,
                ["lastChangeDateTime"] = changed,
                ["CFRubricCriterionLevels"] = levels,
            }),
        };
    }

    /// <summary>
    /// The levels of the first rubric's first criterion; a package without a rubric gets the default scale, since
    /// CASE itself has no proficiency scales.
    /// </summary>
    private static (IReadOnlyList<ScaleLevel> Scale, ProblemPlace Place) ReadScale(JsonElement root, ProblemPlace documentPlace, List<ExchangeProblem> warnings)
    {
        var rubric = Array(root, "CFRubrics").FirstOrDefault();
        var criterion = rubric.ValueKind == JsonValueKind.Object ? Array(rubric, "CFRubricCriteria").FirstOrDefault() : default;
        var levels = criterion.ValueKind == JsonValueKind.Object ? Array(criterion, "CFRubricCriterionLevels").ToList() : [];
        if (levels.Count == 0)
        {
            warnings.Add(new ExchangeProblem("Exchange:Warning:DefaultScaleUsed", documentPlace));
            return (FrameworkDocument.DefaultScale, documentPlace);
        }
        var place = ProblemPlace.AtItem(Text(rubric, "identifier") is { Length: > 0 } id ? id : "CFRubrics[0]");
        var scale = levels
            .Select((level, i) => (level, i, position: level.TryGetProperty("position", out var p) && p.TryGetInt32(out var n) ? n : int.MaxValue))
            .OrderBy(l => l.position).ThenBy(l => l.i)
            .Select(l =>
            {
                var extension = ExtensionOf(l.level);
                return new ScaleLevel(
                    BilingualText.Normalise(Text(l.level, "quality") is { Length: > 0 } quality ? quality : Text(l.level, "description")),
                    BilingualText.Normalise(Text(extension, "quality")),
                    Flag(extension, "isProficiencyThreshold"),
                    Flag(extension, "isDefault"));
            }).ToList();
        return (scale, place);
    }

    /// <summary>A short name and a description from CASE statements: a missing short name is the statement's start.</summary>
    private static (string ShortName, string Description) Statements(string abbreviated, string full)
    {
        abbreviated = BilingualText.Normalise(abbreviated);
        full = BilingualText.Normalise(full);
        if (abbreviated.Length == 0)
        {
            abbreviated = full.Length <= 100 ? full : full[..97].TrimEnd() + "...";
        }
        return (abbreviated, full == abbreviated ? "" : full);
    }

    /// <summary>The identifier a node link names, or the item its URI names when the identifier is not one of ours.</summary>
    private static string NodeIdentifier(JsonElement association, string property, Dictionary<string, string> identifierByUri, Func<string, bool> isItem)
    {
        if (!association.TryGetProperty(property, out var node) || node.ValueKind != JsonValueKind.Object)
        {
            return "";
        }
        var identifier = Text(node, "identifier");
        return !isItem(identifier) && identifierByUri.TryGetValue(Text(node, "uri"), out var byUri) ? byUri : identifier;
    }

    private static bool Has(JsonElement element, string property) => element.TryGetProperty(property, out _);

    private static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>A string property, numbers as written; anything else (missing, null, objects) is empty.</summary>
    private static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Number => value.GetRawText(),
                _ => "",
            }
            : "";

    private static bool Flag(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    private static JsonElement ExtensionOf(JsonElement element) =>
        element.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty(Extension, out var ours) ? ours : default;

    private static JsonObject Extensions(JsonObject ours) => new() { [Extension] = ours };

    private static JsonObject Link(string title, string identifier, string uri) =>
        new() { ["title"] = title, ["identifier"] = identifier, ["uri"] = uri };

    private static void AddIfAny(JsonObject target, string property, string value)
    {
        if (value.Length > 0)
        {
            target[property] = value;
        }
    }

    /// <summary>An RFC 4122 version 5 UUID: the same framework, version and code give the same identifier.</summary>
    private static string Uuid(params string[] name)
    {
        var namespaceBytes = Namespace.ToByteArray(bigEndian: true);
        var input = namespaceBytes.Concat(Encoding.UTF8.GetBytes(string.Join('\u001f', name))).ToArray();
        var hash = SHA1.HashData(input).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true).ToString();
    }
}
