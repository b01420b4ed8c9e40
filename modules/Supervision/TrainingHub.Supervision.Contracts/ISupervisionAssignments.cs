namespace TrainingHub.Supervision.Contracts;

/// <summary>Who works with a person on a day: their one supervisor, their mentors and their coach.</summary>
public sealed record PersonAssignees(Guid? SupervisorId, IReadOnlyList<Guid> MentorIds, Guid? CoachId)
{
    public static PersonAssignees None { get; } = new(null, [], null);

    /// <summary>Whether anyone is assigned to the person.</summary>
    public bool Any => SupervisorId is not null || MentorIds.Count > 0 || CoachId is not null;

    /// <summary>Whether <paramref name="personId"/> is one of those assigned.</summary>
    public bool Includes(Guid personId) => SupervisorId == personId || CoachId == personId || MentorIds.Contains(personId);
}

/// <summary>
/// The supervision assignments for other modules, such as competencies deciding who may rate a person. It checks no
/// permission: it answers facts about assignments, and the calling module decides what they allow.
/// </summary>
public interface ISupervisionAssignments
{
    /// <summary>Those assigned to the person today.</summary>
    Task<PersonAssignees> CurrentAsync(Guid personId, CancellationToken cancellationToken = default);
}
