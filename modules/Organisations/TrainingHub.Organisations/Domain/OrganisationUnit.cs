using TrainingHub.SharedKernel.Auditing;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Organisations.Domain;

/// <summary>An oblast, a hromada or an organisation (a social service centre, an NGO, a shelter).</summary>
internal sealed class OrganisationUnit : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    Guid? IAuditedInUnit.AuditUnitId => Id;

    public required string Name { get; set; }

    /// <summary>Upper-cased, trimmed name: names are unique among siblings whatever their case.</summary>
    public string NormalizedName { get; set; } = "";

    public string? NameEn { get; set; }

    public UnitType Type { get; set; }

    /// <summary>Set for organisations only.</summary>
    public OrganisationKind? Kind { get; set; }

    public Guid? ParentId { get; set; }

    /// <summary>The national classifier code (КАТОТТГ) of an oblast or hromada, such as UA18040000000000000.</summary>
    public string? KatottgCode { get; set; }

    public int? Population { get; set; }

    public int? ChildPopulation { get; set; }

    public Guid Version { get; set; }

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();
}
