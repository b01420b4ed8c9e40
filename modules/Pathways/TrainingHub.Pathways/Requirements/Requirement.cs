using System.Text.Json.Serialization;

namespace TrainingHub.Pathways.Requirements;

/// <summary>
/// What a pathway stage asks for, as a tree: groups that need all or any of their parts, and single requirements drawn
/// from the other modules (a course, a competency level, practice hours, supervision, mentoring, time, a sign-off).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AllOf), "allOf")]
[JsonDerivedType(typeof(AnyOf), "anyOf")]
[JsonDerivedType(typeof(CourseCompleted), "course")]
[JsonDerivedType(typeof(CompetencyAtLevel), "competency")]
[JsonDerivedType(typeof(PracticeHours), "hours")]
[JsonDerivedType(typeof(SupervisionSessions), "supervision")]
[JsonDerivedType(typeof(MentoringCompleted), "mentoring")]
[JsonDerivedType(typeof(TimeInStage), "time")]
[JsonDerivedType(typeof(SignOff), "signOff")]
internal abstract record Requirement;

/// <summary>Met when every part is met (a group with no parts asks for nothing).</summary>
internal sealed record AllOf(IReadOnlyList<Requirement> Items) : Requirement;

/// <summary>Met when at least one part is met (a group with no parts cannot be met).</summary>
internal sealed record AnyOf(IReadOnlyList<Requirement> Items) : Requirement;

/// <summary>A course of the learning module completed.</summary>
internal sealed record CourseCompleted(Guid CourseId) : Requirement;

/// <summary>A competency (by its code in the framework) rated at this level or above.</summary>
internal sealed record CompetencyAtLevel(string Competency, int Level) : Requirement;

/// <summary>Approved practice hours, of one activity type or (without one) of any, at least so many.</summary>
internal sealed record PracticeHours(decimal Hours, Guid? ActivityTypeId = null) : Requirement;

/// <summary>Supervision sessions held within the frequency policy, at least so many.</summary>
internal sealed record SupervisionSessions(int Count) : Requirement;

/// <summary>A mentoring relationship brought to its end review.</summary>
internal sealed record MentoringCompleted : Requirement;

/// <summary>At least so many months in the stage before.</summary>
internal sealed record TimeInStage(int Months) : Requirement;

/// <summary>A person holding this role has signed the stage off.</summary>
internal sealed record SignOff(string Role) : Requirement;
