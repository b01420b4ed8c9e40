using TrainingHub.Learning.Domain;

namespace TrainingHub.Learning.Services;

/// <summary>Whom to enrol and by when: the fields that matter depend on <see cref="Method"/>.</summary>
internal sealed class EnrolInput
{
    public EnrolmentMethod Method { get; set; } = EnrolmentMethod.Individual;

    public List<Guid> PersonIds { get; set; } = [];

    public Guid? UnitId { get; set; }

    public Guid? PositionTypeId { get; set; }

    public Guid? CohortId { get; set; }

    public DueDateInput Due { get; set; } = new();
}

/// <summary>What a bulk enrolment did: who was enrolled, who already was, and who could not be (deactivated or outside one's area).</summary>
internal sealed record EnrolOutcome(int Enrolled, int AlreadyEnrolled, int NotEligible);

/// <summary>One enrolment as the course's enrolment list shows it.</summary>
internal sealed record EnrolmentRow(
    Guid Id, Guid PersonId, string PersonName, string UnitName, EnrolmentMethod Method, EnrolmentStatus Status, Standing Standing,
    int ProgressPercent, DateTimeOffset EnrolledAt, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt, Guid Version);

/// <summary>A course as the enrolment page heads it.</summary>
internal sealed record EnrolmentCourse(Guid Id, string Title, CourseStatus Status, bool OpenForSelfEnrolment, int LessonCount);

/// <summary>A person the enrol dialog offers.</summary>
internal sealed record PersonChoice(Guid Id, string Name, string UnitName);

internal sealed record CohortChoice(Guid Id, string Name, string UnitName, int MemberCount);

internal sealed record PositionChoice(Guid Id, string Name);

/// <summary>What the enrol dialog offers to choose from, all within the user's area.</summary>
internal sealed record EnrolChoices(
    IReadOnlyList<TrainingHub.Organisations.Contracts.OrganisationUnitSummary> Units, IReadOnlyList<PositionChoice> Positions, IReadOnlyList<CohortChoice> Cohorts);

/// <summary>One of the learner's courses, as "My learning" shows it.</summary>
internal sealed record LearnerCourse(
    Guid EnrolmentId, Guid CourseId, string Title, EnrolmentStatus Status, Standing Standing, int Done, int LessonCount, int ProgressPercent,
    DateTimeOffset EnrolledAt, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt, Guid? ContinueLessonId, bool CourseAvailable);

/// <summary>The signed-in person's standing in one course, for the course page and the lesson view.</summary>
internal sealed record CourseProgress(
    Guid? EnrolmentId, IReadOnlySet<Guid> DoneLessonIds, int LessonCount, int ProgressPercent, Standing? Standing, DateTimeOffset? DueAt,
    Guid? ContinueLessonId, bool CanSelfEnrol, bool CanManageEnrolments)
{
    public bool IsEnrolled => EnrolmentId is not null;
}
