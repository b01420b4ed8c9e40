using Microsoft.Extensions.Localization;
using TrainingHub.Pathways.Requirements;

namespace TrainingHub.Pathways.Templates;

/// <summary>
/// A requirement as the editor changes it, before it is saved: its kind (the names the stored JSON uses), the parts of a
/// group, and each kind's values. <see cref="ToRequirement"/> gives what is checked and saved.
/// </summary>
internal sealed class RequirementDraft
{
    public const string AllOfKind = "allOf";
    public const string AnyOfKind = "anyOf";

    /// <summary>The kinds an editor adds to a group, groups last.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["course", "competency", "hours", "supervision", "mentoring", "time", "signOff", AllOfKind, AnyOfKind];

    public required string Kind { get; set; }

    public List<RequirementDraft> Items { get; } = [];

    public bool IsGroup => Kind is AllOfKind or AnyOfKind;

    public Guid? CourseId { get; set; }

    /// <summary>The course's title where the editor knows it (as shown or as picked).</summary>
    public string? CourseTitle { get; set; }

    public string? Competency { get; set; }

    public int Level { get; set; } = 1;

    public decimal Hours { get; set; } = 10;

    public Guid? ActivityTypeId { get; set; }

    public int Count { get; set; } = 1;

    public int Months { get; set; } = 1;

    public string? Role { get; set; }

    public static RequirementDraft New(string kind) => new() { Kind = kind };

    public static RequirementDraft From(Requirement requirement, IReadOnlyDictionary<Guid, CourseFact> courses)
    {
        RequirementDraft Group(string kind, IEnumerable<Requirement> items)
        {
            var group = New(kind);
            group.Items.AddRange(items.Select(i => From(i, courses)));
            return group;
        }
        return requirement switch
        {
            AllOf all => Group(AllOfKind, all.Items),
            AnyOf any => Group(AnyOfKind, any.Items),
            CourseCompleted course => new() { Kind = "course", CourseId = course.CourseId, CourseTitle = courses.GetValueOrDefault(course.CourseId)?.Title },
            CompetencyAtLevel competency => new() { Kind = "competency", Competency = competency.Competency, Level = competency.Level },
            PracticeHours hours => new() { Kind = "hours", Hours = hours.Hours, ActivityTypeId = hours.ActivityTypeId },
            SupervisionSessions sessions => new() { Kind = "supervision", Count = sessions.Count },
            MentoringCompleted => New("mentoring"),
            TimeInStage time => new() { Kind = "time", Months = time.Months },
            SignOff signOff => new() { Kind = "signOff", Role = signOff.Role },
            _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement, "An unknown kind of requirement."),
        };
    }

    /// <summary>What is saved; a course not yet chosen names no course, which the rules refuse.</summary>
    public Requirement ToRequirement() => Kind switch
    {
        AllOfKind => new AllOf(Items.Select(i => i.ToRequirement()).ToList()),
        AnyOfKind => new AnyOf(Items.Select(i => i.ToRequirement()).ToList()),
        "course" => new CourseCompleted(CourseId ?? Guid.Empty),
        "competency" => new CompetencyAtLevel(Competency ?? "", Level),
        "hours" => new PracticeHours(Hours, ActivityTypeId),
        "supervision" => new SupervisionSessions(Count),
        "mentoring" => new MentoringCompleted(),
        "time" => new TimeInStage(Months),
        "signOff" => new SignOff(Role ?? ""),
        _ => throw new InvalidOperationException($"An unknown kind of requirement: {Kind}."),
    };
}

/// <summary>A requirement in words, as the template pages show it.</summary>
internal static class RequirementWords
{
    public static string Describe(IStringLocalizer L, Requirement requirement, IReadOnlyDictionary<Guid, CourseFact> courses) => requirement switch
    {
        AllOf => L["Describe:AllOf"],
        AnyOf => L["Describe:AnyOf"],
        CourseCompleted course => courses.GetValueOrDefault(course.CourseId) switch
        {
            null => L["Describe:CourseMissing"],
            { Archived: true } known => L["Describe:CourseArchived", known.Title],
            var known => L["Describe:Course", known.Title],
        },
        CompetencyAtLevel c => L["Describe:Competency", c.Competency, c.Level],
        PracticeHours h => L["Describe:Hours", h.Hours],
        SupervisionSessions s => L["Describe:Supervision", s.Count],
        MentoringCompleted => L["Describe:Mentoring"],
        TimeInStage t => L["Describe:Time", t.Months],
        SignOff s => L["Describe:SignOff", L[$"Role:{s.Role}"]],
        _ => requirement.ToString()!,
    };

    /// <summary>Whether the requirement names a course that is gone or no longer offered.</summary>
    public static bool Flagged(Requirement requirement, IReadOnlyDictionary<Guid, CourseFact> courses) =>
        requirement is CourseCompleted course && courses.GetValueOrDefault(course.CourseId) is null or { Archived: true };
}
