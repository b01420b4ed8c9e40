using TrainingHub.Competencies.Domain;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Competencies.Services;

/// <summary>Picks the reader's language: English when they read English and an English text exists.</summary>
internal static class Bilingual
{
    public static string Pick(string ukrainian, string? english) =>
        Cultures.ReadsEnglish && !string.IsNullOrWhiteSpace(english) ? english : ukrainian;

    public static string? PickOptional(string? ukrainian, string? english) =>
        Cultures.ReadsEnglish && !string.IsNullOrWhiteSpace(english) ? english : ukrainian;
}

/// <summary>A framework as the list shows it: its code and the version a reader would open.</summary>
internal sealed record FrameworkSummary(
    Guid Id, string Code, string Name, string? NameEn, int VersionNumber, FrameworkStatus Status, int CompetencyCount, bool HasDraft)
{
    public string DisplayName => Bilingual.Pick(Name, NameEn);
}

internal sealed record VersionSummary(Guid Id, int Number, FrameworkStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? ArchivedAt);

/// <summary>One version of a framework with its texts, tree and scale, and what the reader may do with it.</summary>
internal sealed record FrameworkDetails(
    Guid FrameworkId,
    string Code,
    Guid VersionId,
    int Number,
    FrameworkStatus Status,
    FrameworkTexts Texts,
    Guid Version,
    IReadOnlyList<VersionSummary> Versions,
    IReadOnlyList<NodeView> Nodes,
    IReadOnlyList<LevelInput> Scale,
    bool CanEdit)
{
    public string DisplayName => Bilingual.Pick(Texts.Name, Texts.NameEn);

    /// <summary>Only a draft is edited, and only by those who may edit frameworks.</summary>
    public bool IsEditable => CanEdit && Status == FrameworkStatus.Draft;
}

/// <summary>A node of the tree with its place and its cross-references.</summary>
internal sealed record NodeView(
    Guid Id, Guid? ParentId, NodeKind Kind, string Code, string Name, string? NameEn, string? Description, string? DescriptionEn,
    int Order, IReadOnlyList<Guid> RelatedIds, Guid Version)
{
    public string DisplayName => Bilingual.Pick(Name, NameEn);
}

/// <summary>The name and description of a framework version in both languages.</summary>
internal sealed class FrameworkTexts
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }
}

/// <summary>What a person fills in to create a framework.</summary>
internal sealed class NewFrameworkInput
{
    public string Code { get; set; } = "";
    public FrameworkTexts Texts { get; set; } = new();
}

/// <summary>What a person fills in for an area or a competency.</summary>
internal sealed class NodeInput
{
    public NodeKind Kind { get; set; } = NodeKind.Competency;
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }
    public List<Guid> RelatedIds { get; set; } = [];

    public static NodeInput From(NodeView node) => new()
    {
        Kind = node.Kind,
        Code = node.Code,
        Name = node.Name,
        NameEn = node.NameEn,
        Description = node.Description,
        DescriptionEn = node.DescriptionEn,
        RelatedIds = [.. node.RelatedIds],
    };
}

/// <summary>One level of a scale as it is edited; levels are listed lowest first.</summary>
internal sealed class LevelInput
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }
    public bool IsThreshold { get; set; }

    public string DisplayName => Bilingual.Pick(Name, NameEn);
}
