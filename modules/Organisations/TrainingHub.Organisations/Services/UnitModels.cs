using TrainingHub.SharedKernel.Localization;
using TrainingHub.Organisations.Contracts;

namespace TrainingHub.Organisations.Services;

/// <summary>A unit as the tree shows it.</summary>
internal sealed record UnitNode(Guid Id, string Name, string? NameEn, UnitType Type, Guid? ParentId, string? KatottgCode)
{
    /// <summary>The name in the reader's language: English when they read English and one exists.</summary>
    public string DisplayName => Cultures.ReadsEnglish && !string.IsNullOrWhiteSpace(NameEn)
        ? NameEn
        : Name;
}

/// <summary>Everything the details page shows about a unit.</summary>
internal sealed record UnitDetails(
    UnitNode Unit,
    OrganisationKind? Kind,
    int? Population,
    int? ChildPopulation,
    Guid Version,
    IReadOnlyList<UnitNode> Ancestors,
    int ChildCount,
    bool CanEdit);

/// <summary>What a person fills in to create or change a unit. Type and parent are fixed once the unit exists.</summary>
internal sealed class UnitInput
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public UnitType Type { get; set; } = UnitType.Organisation;
    public OrganisationKind? Kind { get; set; }
    public Guid? ParentId { get; set; }
    public string? KatottgCode { get; set; }
    public int? Population { get; set; }
    public int? ChildPopulation { get; set; }

    public static UnitInput From(UnitDetails details) => new()
    {
        Name = details.Unit.Name,
        NameEn = details.Unit.NameEn,
        Type = details.Unit.Type,
        Kind = details.Kind,
        ParentId = details.Unit.ParentId,
        KatottgCode = details.Unit.KatottgCode,
        Population = details.Population,
        ChildPopulation = details.ChildPopulation,
    };
}
