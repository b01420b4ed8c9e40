namespace TrainingHub.Organisations.Contracts.Pickers;

/// <summary>A unit as a picker offers it: its name in the reader's language and where it sits, so two units of one name are told apart.</summary>
/// <param name="Path">The names of the units above it, from the oblast down, such as "Житомирська область › Житомирська міська громада"; empty for an oblast.</param>
public sealed record UnitOption(Guid Id, string Name, string Path);

/// <summary>What <see cref="UnitPicker"/> asks the Organisations module, which alone reads the tree.</summary>
public interface IUnitSearch
{
    /// <summary>
    /// Units where the current user holds <paramref name="permission"/> (there or above) whose name, English name, KATOTTG code or
    /// path contains the text, at most <paramref name="limit"/>, by path and name. Nothing for a user without the permission.
    /// </summary>
    Task<IReadOnlyList<UnitOption>> SearchAsync(string permission, string? text, int limit, CancellationToken cancellationToken = default);

    /// <summary>The given units (those that exist) with their paths, in the order given.</summary>
    Task<IReadOnlyList<UnitOption>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);
}
