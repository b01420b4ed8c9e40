namespace TrainingHub.Competencies.Domain;

/// <summary>
/// A person as the gap view counts them: this module's copy of what Accounts knows (name, position, whether active)
/// with the home unit's place in the tree, so that people under a unit are found and grouped without asking another
/// module. Accounts reports every change (see <see cref="Services.MemberSync"/>), and a nightly run reconciles.
/// </summary>
internal sealed class Member
{
    /// <summary>The person's id in Accounts.</summary>
    public Guid Id { get; set; }

    public string FullName { get; set; } = "";

    /// <summary>The name upper-cased, so search ignores case in Cyrillic on every database.</summary>
    public string SearchName { get; set; } = "";

    public Guid? HomeUnitId { get; set; }

    public Guid? OblastId { get; set; }

    public Guid? HromadaId { get; set; }

    public Guid? OrganisationId { get; set; }

    public Guid? PositionTypeId { get; set; }

    public bool IsActive { get; set; }
}

/// <summary>
/// The level that counts for a person in a competency's lineage: the latest assessor rating's, kept in the same save as
/// that rating, so gaps are counted with a join rather than by searching each person's history.
/// </summary>
internal sealed class CountedLevel
{
    public Guid PersonId { get; set; }

    public Guid LineageId { get; set; }

    public int LevelRank { get; set; }

    public DateTimeOffset RatedAt { get; set; }
}
