using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Organisations.Contracts;

/// <summary>A unit as other modules see it; oblasts and hromadas may say how many people, and how many children, live there.</summary>
public sealed record OrganisationUnitSummary(
    Guid Id, string Name, string? NameEn, UnitType Type, Guid? ParentId, string? KatottgCode, int? Population = null, int? ChildPopulation = null)
{
    /// <summary>The English name when the person reads English and one exists, the Ukrainian name otherwise.</summary>
    public string DisplayName => Cultures.ReadsEnglish && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

/// <summary>How other modules look up organisation units; they never read the module's tables.</summary>
public interface IOrganisationDirectory
{
    Task<OrganisationUnitSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<OrganisationUnitSummary?> FindByKatottgAsync(string katottgCode, CancellationToken cancellationToken = default);

    /// <summary>Every unit within a scope: all units, or the scope's units and everything under them.</summary>
    Task<IReadOnlyList<OrganisationUnitSummary>> GetUnitsInAsync(UnitScope scope, CancellationToken cancellationToken = default);

    /// <summary>Summaries of the given units (those that exist).</summary>
    Task<IReadOnlyList<OrganisationUnitSummary>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Finds an organisation (or other unit) by its exact Ukrainian name under a parent.</summary>
    Task<OrganisationUnitSummary?> FindChildAsync(Guid parentId, string name, CancellationToken cancellationToken = default);
}
