namespace TrainingHub.Competencies.Domain;

internal enum EvidenceKind
{
    /// <summary>A course the learning module saw the person complete.</summary>
    CourseCompletion,

    /// <summary>What a supervisor, mentor or coordinator saw the person do.</summary>
    Observation,

    /// <summary>Hours of supervised practice an assessor approved.</summary>
    PracticeHours,

    /// <summary>A document or link the person brings from earlier learning or work.</summary>
    PriorLearning,
}

/// <summary>
/// Something that shows a person's level in one competency. It belongs to the competency's lineage, so it still counts
/// after a new version of the framework is published; <see cref="NodeId"/> keeps the competency it was recorded against.
/// </summary>
internal sealed class Evidence
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public Guid LineageId { get; set; }

    public Guid NodeId { get; set; }

    public EvidenceKind Kind { get; set; }

    public required string Title { get; set; }

    public string? Note { get; set; }

    /// <summary>An absolute http or https address.</summary>
    public string? Link { get; set; }

    /// <summary>The name the file had on the person's computer; null when there is no file.</summary>
    public string? FileName { get; set; }

    /// <summary>The type read from the file's content, never from its name.</summary>
    public string? ContentType { get; set; }

    public long? FileSize { get; set; }

    /// <summary>For practice hours: how many were approved.</summary>
    public decimal? Hours { get; set; }

    /// <summary>The level the evidence suggests, as a rank of the scale; an assessor still decides.</summary>
    public int? SuggestedLevelRank { get; set; }

    /// <summary>Where the evidence came from, such as <c>course:{id}</c>: recording the same source twice changes nothing.</summary>
    public string? SourceReference { get; set; }

    public Guid RecordedById { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// The bytes of an evidence file, kept in the database so that every web node serving the app can read them, and in a
/// table of their own so that lists of evidence never load them.
/// </summary>
internal sealed class EvidenceFile
{
    public Guid EvidenceId { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>Evidence an assessor cited for a rating; cited evidence can no longer be deleted.</summary>
internal sealed class RatingEvidence
{
    public Guid RatingId { get; set; }

    public Guid EvidenceId { get; set; }
}
