using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Supervision.Assignments;

/// <summary>What an assignment must satisfy beside the others of the same person.</summary>
internal static class AssignmentRules
{
    /// <summary>Roles a person has one of at a time; mentors may be several.</summary>
    public static bool IsSingle(AssignmentRole role) => role is AssignmentRole.Supervisor or AssignmentRole.Coach;

    public static List<FieldError> Check(AssignInput input, IEnumerable<Assignment> personsAssignments)
    {
        var errors = new List<FieldError>();
        if (input.PersonId is null)
        {
            errors.Add(new(nameof(AssignInput.PersonId), "Assignments:Error:ChoosePerson"));
        }
        if (input.AssigneeId is null)
        {
            errors.Add(new(nameof(AssignInput.AssigneeId), "Assignments:Error:ChooseAssignee"));
        }
        else if (input.AssigneeId == input.PersonId)
        {
            errors.Add(new(nameof(AssignInput.AssigneeId), "Assignments:Error:Self"));
        }
        if (input.StartsOn is not { } start)
        {
            errors.Add(new(nameof(AssignInput.StartsOn), "Assignments:Error:ChooseStart"));
            return errors;
        }
        if (input.EndsOn is { } end && end < start)
        {
            errors.Add(new(nameof(AssignInput.EndsOn), "Assignments:Error:EndBeforeStart"));
            return errors;
        }
        var overlapping = personsAssignments.Where(a => a.Overlaps(start, input.EndsOn)).ToList();
        if (IsSingle(input.Role) && overlapping.Any(a => a.Role == input.Role))
        {
            errors.Add(new(nameof(AssignInput.StartsOn), $"Assignments:Error:{input.Role}Overlaps"));
        }
        else if (overlapping.Any(a => a.Role == input.Role && a.AssigneeId == input.AssigneeId))
        {
            errors.Add(new(nameof(AssignInput.AssigneeId), "Assignments:Error:AlreadyAssigned"));
        }
        return errors;
    }
}
