using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Learning.Domain;

/// <summary>How a person came to be enrolled; kept for the record and shown in the enrolment list.</summary>
internal enum EnrolmentMethod
{
    Individual,
    Unit,
    PositionType,
    Cohort,
    Self,
}

internal enum EnrolmentStatus
{
    Active,
    Completed,
    Withdrawn,
}

/// <summary>
/// A person's enrolment in a course. A refresher is a new enrolment: the completed one stays as history. A person has
/// at most one active enrolment per course.
/// </summary>
internal sealed class Enrolment : IHasVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public Guid CourseId { get; set; }

    public EnrolmentMethod Method { get; set; }

    /// <summary>Who enrolled the person: themselves for self-enrolment.</summary>
    public Guid EnrolledBy { get; set; }

    public DateTimeOffset EnrolledAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public EnrolmentStatus Status { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A lesson a person finished; lessons finished before an enrolment began do not count for it.</summary>
internal sealed class LessonCompletion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public Guid CourseId { get; set; }

    public Guid LessonId { get; set; }

    public DateTimeOffset CompletedAt { get; set; }
}

/// <summary>A named group of people (a training intake, a team) that can be enrolled together.</summary>
internal sealed class Cohort : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    /// <summary>Those who manage enrolments at this unit or above manage the cohort.</summary>
    public Guid OwningUnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => OwningUnitId;

    public DateTimeOffset CreatedAt { get; set; }

    public Guid Version { get; set; }
}

internal sealed class CohortMember
{
    public Guid CohortId { get; set; }

    public Guid PersonId { get; set; }
}

/// <summary>Completing the course is evidence for a competency (by its lineage, so it holds across framework versions) at a level.</summary>
internal sealed class CourseCompetency
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CourseId { get; set; }

    public Guid CompetencyLineageId { get; set; }

    /// <summary>The rank of the proficiency level on the framework's scale, from 0.</summary>
    public int LevelRank { get; set; }
}
