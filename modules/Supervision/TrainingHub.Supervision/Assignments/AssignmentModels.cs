using TrainingHub.Supervision.Frequency;

namespace TrainingHub.Supervision.Assignments;

/// <summary>The assignment form: the person, who is assigned to them as what, and for which period.</summary>
internal sealed class AssignInput
{
    public Guid? PersonId { get; set; }

    public Guid? AssigneeId { get; set; }

    public AssignmentRole Role { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }
}

/// <param name="OverdueOnly">Only current supervisor assignments whose supervisee is overdue for supervision.</param>
internal sealed record AssignmentQuery(string? Search = null, bool IncludeEnded = false, bool OverdueOnly = false);

/// <summary>An assignment as the coordinators' list shows it.</summary>
internal sealed record AssignmentRow(
    Guid Id, Guid PersonId, string PersonName, string UnitName, Guid AssigneeId, string AssigneeName, AssignmentRole Role,
    DateOnly StartsOn, DateOnly? EndsOn, bool IsCurrent, Guid Version, SupervisionDueDate? Due = null);

/// <summary>A person assigned to the signed-in supervisor, mentor or coach; <see cref="Due"/> for their supervisees.</summary>
internal sealed record SuperviseeRow(
    Guid AssignmentId, Guid PersonId, string PersonName, string UnitName, AssignmentRole Role, DateOnly StartsOn, DateOnly? EndsOn, SupervisionDueDate? Due);

/// <summary>How many people one supervisor, mentor or coach of the coordinator's area works with now, and how many of their supervisees are overdue.</summary>
internal sealed record CaseLoadRow(Guid AssigneeId, string AssigneeName, int Supervisees, int Mentees, int Coachees, int Overdue)
{
    public int Total => Supervisees + Mentees + Coachees;
}
