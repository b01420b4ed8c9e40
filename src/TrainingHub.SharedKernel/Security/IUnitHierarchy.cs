namespace TrainingHub.SharedKernel.Security;

/// <summary>
/// The organisation tree as far as authorisation needs it. Implemented by the Organisations module,
/// so that the kernel can decide scope without knowing how units are stored.
/// </summary>
public interface IUnitHierarchy
{
    /// <summary>The unit itself followed by its parents up to the root; empty when the unit does not exist.</summary>
    Task<IReadOnlyList<Guid>> GetAncestryAsync(Guid unitId, CancellationToken cancellationToken = default);
}
