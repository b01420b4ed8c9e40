namespace TrainingHub.Pathways.Requirements;

/// <summary>A course a requirement names, as the learning module has it.</summary>
/// <param name="Archived">No longer offered, so nobody new can complete it.</param>
internal sealed record CourseFact(string Title, bool Archived);

/// <summary>
/// What is known of a person, gathered from the other modules through their contracts: the courses they completed (by
/// the id of either language version) and the courses requirements name that exist, their competency levels, approved
/// practice hours by activity type, signed supervision sessions, whether a mentoring ended with its review, since when
/// they are in their stage, and who signed the stage off (by role).
/// </summary>
internal sealed record PersonFacts(
    DateOnly Today,
    DateOnly InStageSince,
    IReadOnlyDictionary<Guid, DateOnly> CompletedCourses,
    IReadOnlyDictionary<Guid, CourseFact> Courses,
    IReadOnlyDictionary<string, int> CompetencyLevels,
    IReadOnlyDictionary<Guid, decimal> ApprovedHoursByType,
    int SignedSupervisions,
    DateOnly? MentoringCompletedOn,
    IReadOnlyDictionary<string, DateOnly> SignOffsByRole);

internal enum Outcome
{
    Met,
    NotYet,

    /// <summary>The requirement points to something that no longer exists (a deleted course): flagged, never met.</summary>
    Broken,
}

/// <summary>
/// A requirement judged: met (with the evidence), not yet (with what is missing), or broken; its text key and arguments
/// say which in words, and groups carry their parts' results.
/// </summary>
internal sealed record RequirementResult(Requirement Requirement, Outcome Outcome, string Key, object[] Arguments, IReadOnlyList<RequirementResult> Parts)
{
    public bool Met => Outcome == Outcome.Met;
}

/// <summary>Judges a requirement tree against a person's facts, explaining every part.</summary>
internal static class RequirementEvaluation
{
    public static RequirementResult Evaluate(Requirement requirement, PersonFacts facts) => requirement switch
    {
        AllOf all => Group(all, all.Items, facts, parts => parts.All(p => p.Met), "Requirement:AllOf"),
        AnyOf any => Group(any, any.Items, facts, parts => parts.Any(p => p.Met), "Requirement:AnyOf"),
        CourseCompleted course => Course(course, facts),
        CompetencyAtLevel competency => facts.CompetencyLevels.GetValueOrDefault(competency.Competency) is var level && level >= competency.Level
            ? Leaf(competency, Outcome.Met, "Requirement:Competency:Met", competency.Competency, level, competency.Level)
            : Leaf(competency, Outcome.NotYet, "Requirement:Competency:NotYet", competency.Competency, level, competency.Level),
        PracticeHours hours => Hours(hours, facts),
        SupervisionSessions sessions => facts.SignedSupervisions >= sessions.Count
            ? Leaf(sessions, Outcome.Met, "Requirement:Supervision:Met", facts.SignedSupervisions, sessions.Count)
            : Leaf(sessions, Outcome.NotYet, "Requirement:Supervision:NotYet", facts.SignedSupervisions, sessions.Count),
        MentoringCompleted mentoring => facts.MentoringCompletedOn is { } ended
            ? Leaf(mentoring, Outcome.Met, "Requirement:Mentoring:Met", ended)
            : Leaf(mentoring, Outcome.NotYet, "Requirement:Mentoring:NotYet"),
        TimeInStage time => facts.InStageSince.AddMonths(time.Months) is var from && from <= facts.Today
            ? Leaf(time, Outcome.Met, "Requirement:Time:Met", facts.InStageSince, time.Months)
            : Leaf(time, Outcome.NotYet, "Requirement:Time:NotYet", facts.InStageSince, time.Months, from),
        SignOff signOff => facts.SignOffsByRole.TryGetValue(signOff.Role, out var signed)
            ? Leaf(signOff, Outcome.Met, "Requirement:SignOff:Met", signOff.Role, signed)
            : Leaf(signOff, Outcome.NotYet, "Requirement:SignOff:NotYet", signOff.Role),
        _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement, "An unknown kind of requirement."),
    };

    /// <summary>A completion counts even after the course is archived; a course that is gone or archived and not completed is flagged.</summary>
    private static RequirementResult Course(CourseCompleted course, PersonFacts facts)
    {
        var known = facts.Courses.GetValueOrDefault(course.CourseId);
        if (facts.CompletedCourses.TryGetValue(course.CourseId, out var on))
        {
            return Leaf(course, Outcome.Met, "Requirement:Course:Met", known?.Title ?? "", on);
        }
        return known switch
        {
            null => Leaf(course, Outcome.Broken, "Requirement:Course:Missing"),
            { Archived: true } => Leaf(course, Outcome.Broken, "Requirement:Course:Archived", known.Title),
            _ => Leaf(course, Outcome.NotYet, "Requirement:Course:NotYet", known.Title),
        };
    }

    private static RequirementResult Hours(PracticeHours hours, PersonFacts facts)
    {
        var approved = hours.ActivityTypeId is { } type ? facts.ApprovedHoursByType.GetValueOrDefault(type) : facts.ApprovedHoursByType.Values.Sum();
        return approved >= hours.Hours
            ? Leaf(hours, Outcome.Met, "Requirement:Hours:Met", approved, hours.Hours)
            : Leaf(hours, Outcome.NotYet, "Requirement:Hours:NotYet", approved, hours.Hours, hours.Hours - approved);
    }

    /// <summary>A group: a broken part is reported as such, and an all-of group with one is not met.</summary>
    private static RequirementResult Group(Requirement group, IReadOnlyList<Requirement> items, PersonFacts facts, Func<IReadOnlyList<RequirementResult>, bool> met, string key)
    {
        var parts = items.Select(i => Evaluate(i, facts)).ToList();
        return new RequirementResult(group, met(parts) ? Outcome.Met : Outcome.NotYet, key, [parts.Count(p => p.Met), parts.Count], parts);
    }

    private static RequirementResult Leaf(Requirement requirement, Outcome outcome, string key, params object[] arguments) =>
        new(requirement, outcome, key, arguments, []);
}
