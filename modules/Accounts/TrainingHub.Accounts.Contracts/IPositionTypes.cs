namespace TrainingHub.Accounts.Contracts;

/// <summary>A kind of job a person holds, such as a social worker or a volunteer.</summary>
/// <param name="Code">A stable name for code and exports, such as <c>social-worker</c>.</param>
/// <param name="WorksWithClients">
/// Whether people in this position work with clients (children and families), so that questions about that work are put to them.
/// </param>
public sealed record PositionTypeInfo(Guid Id, string Code, string NameUk, string NameEn, bool WorksWithClients)
{
    public string Name(bool english) => english ? NameEn : NameUk;
}

/// <summary>
/// The position types people can hold, in their usual order, for modules that set something per position (such as the
/// competencies a position requires). It checks no permission: the list is not personal data.
/// </summary>
public interface IPositionTypes
{
    Task<IReadOnlyList<PositionTypeInfo>> ListAsync(CancellationToken cancellationToken = default);
}
