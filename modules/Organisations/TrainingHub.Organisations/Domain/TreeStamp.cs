namespace TrainingHub.Organisations.Domain;

/// <summary>
/// The single row that changes whenever any unit is added, changed or removed, in the same save: every app node can ask
/// it in one cheap query whether the unit tree it holds in memory is still the current one.
/// </summary>
internal sealed class TreeStamp
{
    public const int SingleId = 1;

    /// <summary>The stamp the first migration writes; trees are cached only against stamps a save has set.</summary>
    public static readonly Guid Initial = new("3b0b9c3e-52a4-4f51-9d1e-6f4c2c1d7a10");

    public int Id { get; init; } = SingleId;

    public Guid Stamp { get; set; }
}
