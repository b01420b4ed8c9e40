namespace TrainingHub.Organisations.Contracts;

/// <summary>A unit as other modules see it.</summary>
public sealed record OrganisationUnitSummary(Guid Id, string Name, string? NameEn, UnitType Type, Guid? ParentId, string? KatottgCode)
{
    /// <summary>The English name when the person reads English and one exists, the Ukrainian name otherwise.</summary>
    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

/// <summary>How other modules look up organisation units; they never read the module's tables.</summary>
public interface IOrganisationDirectory
{
    Task<OrganisationUnitSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<OrganisationUnitSummary?> FindByKatottgAsync(string katottgCode, CancellationToken cancellationToken = default);

    /// <summary>Finds an organisation (or other unit) by its exact Ukrainian name under a parent.</summary>
    Task<OrganisationUnitSummary?> FindChildAsync(Guid parentId, string name, CancellationToken cancellationToken = default);
}
