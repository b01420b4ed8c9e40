namespace TrainingHub.Competencies.Domain;

/// <summary>
/// The level people in one position type must reach in one competency of a framework version. Together, the
/// requirements of a version and a position type make that position's role profile.
/// </summary>
internal sealed class RoleRequirement
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FrameworkVersionId { get; set; }

    /// <summary>A position type of the Accounts module.</summary>
    public Guid PositionTypeId { get; set; }

    /// <summary>A competency (never an area) of the same version.</summary>
    public Guid NodeId { get; set; }

    /// <summary>The rank of the required level in the version's scale.</summary>
    public int LevelRank { get; set; }
}

internal enum RatingKind
{
    /// <summary>The person's own view of their level; shown beside the assessor's, never counted.</summary>
    Self,

    /// <summary>A supervisor's, mentor's or coordinator's judgement with a reason; the latest one counts.</summary>
    Assessor,
}

/// <summary>
/// One rating of one person in one competency. Ratings are never changed or removed: a new judgement is a new row, so
/// the history of who said what, when and why stays whole.
/// </summary>
internal sealed class CompetencyRating
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    /// <summary>The published version the rating was made against.</summary>
    public Guid FrameworkVersionId { get; set; }

    public Guid NodeId { get; set; }

    /// <summary>The competency across versions, so that a rating still counts after a new version is published.</summary>
    public Guid LineageId { get; set; }

    public RatingKind Kind { get; set; }

    public int LevelRank { get; set; }

    public string? Reason { get; set; }

    public Guid RatedById { get; set; }

    public DateTimeOffset RatedAt { get; set; }
}
