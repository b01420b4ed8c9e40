namespace TrainingHub.Competencies.Exchange;

/// <summary>
/// A competency framework as exchange files carry it, independent of the database: the framework's own texts, its
/// proficiency scale and the tree of areas and competencies. Every text exists in Ukrainian (required) and English
/// (empty when the file had none). Descriptions are plain text; a line break is "\n".
/// </summary>
internal sealed record FrameworkDocument
{
    public required string Code { get; init; }

    public required string NameUk { get; init; }

    public string NameEn { get; init; } = "";

    public string DescriptionUk { get; init; } = "";

    public string DescriptionEn { get; init; } = "";

    /// <summary>The publisher's version label; Moodle files have none.</summary>
    public string? Version { get; init; }

    /// <summary>Levels from lowest to highest.</summary>
    public IReadOnlyList<ScaleLevel> Scale { get; init; } = [];

    /// <summary>Depth first: each item comes after its parent and before its next sibling, siblings by <see cref="FrameworkItem.Order"/>.</summary>
    public IReadOnlyList<FrameworkItem> Items { get; init; } = [];

    public int AreaCount => Items.Count(i => i.IsArea);

    public int CompetencyCount => Items.Count(i => !i.IsArea);

    /// <summary>The scale a new framework starts with; competence counts from "independent".</summary>
    public static IReadOnlyList<ScaleLevel> DefaultScale { get; } =
    [
        new("Ще не опановано", "Not yet", false, false),
        new("Обізнаність", "Aware", false, false),
        new("Під супервізією", "With supervision", false, true),
        new("Самостійно", "Independent", true, false),
        new("Може навчати інших", "Can guide others", false, false),
    ];
}

/// <summary>
/// One level of a proficiency scale. Exactly one level is the threshold: it and every level above it count as
/// proficient. The default level is what a completed course or rule awards when nothing else is said (Moodle's
/// "scaledefault").
/// </summary>
internal sealed record ScaleLevel(string NameUk, string NameEn, bool IsProficiencyThreshold, bool IsDefault);

/// <summary>
/// An area (a heading that groups competencies) or a competency. <see cref="ParentCode"/> is null at the top of the
/// tree; <see cref="Order"/> counts from 1 among siblings. <see cref="RelatedCodes"/> are cross-references to other
/// items of the same framework.
/// </summary>
internal sealed record FrameworkItem
{
    public required string Code { get; init; }

    public string? ParentCode { get; init; }

    public bool IsArea { get; init; }

    public required string ShortNameUk { get; init; }

    public string ShortNameEn { get; init; } = "";

    public string DescriptionUk { get; init; } = "";

    public string DescriptionEn { get; init; } = "";

    public int Order { get; init; }

    public IReadOnlyList<string> RelatedCodes { get; init; } = [];
}
