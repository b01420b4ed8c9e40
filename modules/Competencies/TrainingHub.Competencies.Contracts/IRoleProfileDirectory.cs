namespace TrainingHub.Competencies.Contracts;

/// <summary>A competency a position requires, at a level of its scale, from a published framework version.</summary>
public sealed record RequiredCompetency(string FrameworkCode, string Code, string Name, string? NameEn, CompetencyLevelName Level);

/// <summary>
/// The competency profile each position type asks for, for documents that describe a position (qualification
/// characteristics). It checks no permission: role profiles are shared by every unit.
/// </summary>
public interface IRoleProfileDirectory
{
    /// <summary>What the position requires in the published framework versions, by framework code and then competency code.</summary>
    Task<IReadOnlyList<RequiredCompetency>> ForPositionAsync(Guid positionTypeId, CancellationToken cancellationToken = default);
}
