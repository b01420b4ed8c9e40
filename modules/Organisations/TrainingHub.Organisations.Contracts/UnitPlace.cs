using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Organisations.Contracts;

/// <summary>Where a unit sits: the oblast, hromada and organisation on its way to the root (those it has).</summary>
public sealed record UnitPlace(Guid? OblastId, Guid? HromadaId, Guid? OrganisationId)
{
    public static UnitPlace None { get; } = new(null, null, null);

    /// <summary>
    /// The place of a unit, for modules that keep copies of people by level so that a figure of any oblast, hromada or
    /// organisation is one grouped count.
    /// </summary>
    public static async Task<UnitPlace> OfAsync(Guid unitId, IUnitHierarchy hierarchy, IOrganisationDirectory units, CancellationToken cancellationToken = default)
    {
        var ancestry = await units.FindManyAsync(await hierarchy.GetAncestryAsync(unitId, cancellationToken), cancellationToken);
        Guid? Of(UnitType type) => ancestry.FirstOrDefault(u => u.Type == type)?.Id;
        return new UnitPlace(Of(UnitType.Oblast), Of(UnitType.Hromada), Of(UnitType.Organisation));
    }
}
