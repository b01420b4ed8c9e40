namespace TrainingHub.Competencies.Domain;

/// <summary>
/// Requirement pairs of one framework version counted ahead for a heatmap that is too large to count on each request:
/// the country (<see cref="AreaId"/> empty, a row per top-level unit) or an oblast (a row per hromada, and the oblast's
/// own people under its own id), per competency. Replaced whole by each count (<see cref="Services.FigureTallies"/>).
/// </summary>
internal sealed class RequirementTally
{
    public Guid FrameworkVersionId { get; set; }

    public Guid AreaId { get; set; }

    public Guid RowId { get; set; }

    public Guid NodeId { get; set; }

    public int Required { get; set; }

    public int Met { get; set; }
}

/// <summary>The people of a tallied heatmap row whose position's profile requires something in the version.</summary>
internal sealed class TalliedPeople
{
    public Guid FrameworkVersionId { get; set; }

    public Guid AreaId { get; set; }

    public Guid RowId { get; set; }

    public int People { get; set; }
}

/// <summary>Whether an active person met everything the newest published versions require of their position, when counted.</summary>
internal sealed class ProfileStanding
{
    public Guid PersonId { get; set; }

    public bool MeetsProfile { get; set; }
}

/// <summary>A published version the tallies were counted for, and when; <see cref="Newest"/> when the standings counted it.</summary>
internal sealed class FigureCount
{
    public Guid FrameworkVersionId { get; set; }

    public bool Newest { get; set; }

    public DateTimeOffset CountedAt { get; set; }
}

/// <summary>
/// The one row that says whether the tallies are behind: every save that changes what they count adds to
/// <see cref="Changes"/>, and a count records the number it started from in <see cref="CountedChanges"/>.
/// </summary>
internal sealed class FigureState
{
    public const int Key = 1;

    public int Id { get; set; }

    public int Changes { get; set; }

    public int CountedChanges { get; set; }
}
