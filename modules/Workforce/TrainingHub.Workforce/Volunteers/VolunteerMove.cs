namespace TrainingHub.Workforce.Volunteers;

/// <summary>
/// A volunteer who took up another position (a social assistant, a case manager): the day the change reached this
/// module and where they work now, so that an area can count the volunteers it saw move on.
/// </summary>
internal sealed class VolunteerMove
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid PersonId { get; init; }

    public DateOnly MovedOn { get; init; }

    public Guid ToPositionTypeId { get; init; }

    public Guid? UnitId { get; init; }

    public Guid? OblastId { get; init; }

    public Guid? HromadaId { get; init; }

    public Guid? OrganisationId { get; init; }
}
