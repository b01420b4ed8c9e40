using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Competencies.Domain;

/// <summary>
/// A competency framework, such as "Inclusive child protection and family support". Only its code is fixed; its texts,
/// tree and scale belong to each <see cref="FrameworkVersion"/>, so a published version never changes under the
/// ratings made against it.
/// </summary>
internal sealed class CompetencyFramework
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>A short identifier such as "ICP-2026", unique among frameworks whatever its case.</summary>
    public required string Code { get; set; }

    public string NormalizedCode { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}

internal enum FrameworkStatus
{
    Draft,
    Published,
    Archived,
}

/// <summary>
/// One version of a framework with its texts, tree and scale. A framework has at most one draft (the only editable
/// version) and at most one published version; publishing a draft archives the version published before it.
/// </summary>
internal sealed class FrameworkVersion : IHasVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FrameworkId { get; set; }

    /// <summary>1, 2, 3… within the framework.</summary>
    public int Number { get; set; }

    public FrameworkStatus Status { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public string? Description { get; set; }

    public string? DescriptionEn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When anything in the version (texts, tree, scale) last changed; every change stamps a new <see cref="Version"/>.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public Guid Version { get; set; }
}

internal enum NodeKind
{
    /// <summary>Groups competencies (and other areas); nobody is rated against an area.</summary>
    Area,
    Competency,
}

/// <summary>An area or a competency in one framework version's tree.</summary>
internal sealed class CompetencyNode : IHasVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FrameworkVersionId { get; set; }

    /// <summary>
    /// The same for a node and its copies in later versions, so that ratings and profiles made against one version can
    /// be matched with the next.
    /// </summary>
    public Guid LineageId { get; set; } = Guid.NewGuid();

    public Guid? ParentId { get; set; }

    public NodeKind Kind { get; set; }

    /// <summary>Unique within the version whatever its case, such as "CP-3.2".</summary>
    public required string Code { get; set; }

    public string NormalizedCode { get; set; } = "";

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public string? Description { get; set; }

    public string? DescriptionEn { get; set; }

    /// <summary>Position among siblings, from 0.</summary>
    public int Order { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A cross-reference from a node to a related competency in the same version.</summary>
internal sealed class NodeReference
{
    public Guid NodeId { get; set; }

    public Guid RelatedNodeId { get; set; }
}

/// <summary>One level of a version's proficiency scale.</summary>
internal sealed class ProficiencyLevel
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FrameworkVersionId { get; set; }

    /// <summary>0 for the lowest level, rising by one.</summary>
    public int Rank { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public string? Description { get; set; }

    public string? DescriptionEn { get; set; }

    /// <summary>The lowest level at which a person counts as proficient; exactly one level of a scale has it.</summary>
    public bool IsThreshold { get; set; }
}
