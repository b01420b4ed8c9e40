using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.Supervision.Frequency;

/// <summary>
/// A frequency policy set for people of one position type, for everyone in a unit and under it, or for one position
/// type in a unit. Without a unit it applies everywhere, and is set by administrators; coordinators set their units'.
/// Where several apply to a person, the one of the nearest unit wins, and at the same place the one for their position.
/// </summary>
[OrdinaryData]
internal sealed class FrequencySetting : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The position type it applies to; every position when null.</summary>
    public Guid? PositionTypeId { get; set; }

    /// <summary>The unit it applies in, with everything under it; everywhere when null.</summary>
    public Guid? UnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    /// <summary>Unit and position together, unique: one policy per place, "everywhere" and "every position" included.</summary>
    public string Place { get; set; } = "";

    public static string PlaceOf(Guid? unitId, Guid? positionTypeId) => $"{unitId?.ToString() ?? "*"}/{positionTypeId?.ToString() ?? "*"}";

    /// <summary>The steps, as <see cref="FrequencyPolicy.Format"/> writes them.</summary>
    public string Steps { get; set; } = "";

    public DateTimeOffset ChangedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public FrequencyPolicy Policy => FrequencyPolicy.Parse(Steps);

    /// <summary>Sets the steps when they make a policy; otherwise nothing changes and the errors say why.</summary>
    public Result Change(IReadOnlyList<FrequencyStep> steps, DateTimeOffset now)
    {
        if (FrequencyRules.Check(steps) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }
        Steps = new FrequencyPolicy(steps).Format();
        ChangedAt = now;
        return Result.Success();
    }
}
