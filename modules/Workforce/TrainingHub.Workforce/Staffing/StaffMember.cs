namespace TrainingHub.Workforce.Staffing;

/// <summary>
/// A person as the workforce figures count them: the unit they work in (with its oblast, hromada and organisation, so a
/// figure for any level is one grouped count) and their position. A copy kept in step with Accounts by <see cref="StaffSync"/>;
/// no name, since nothing here shows a person.
/// </summary>
internal sealed class StaffMember
{
    public Guid Id { get; set; }

    public Guid? UnitId { get; set; }

    public Guid? OblastId { get; set; }

    public Guid? HromadaId { get; set; }

    public Guid? OrganisationId { get; set; }

    public Guid? PositionTypeId { get; set; }

    public bool IsActive { get; set; }
}
