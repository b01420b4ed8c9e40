using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Learning.Domain;

internal enum CourseStatus
{
    Draft,
    Published,
    Archived,
}

/// <summary>The language a course is written in; a course may link to its translation in the other one.</summary>
internal enum CourseLanguage
{
    Uk,
    En,
}

internal enum LessonKind
{
    Markdown,
    ExternalVideo,
    Quiz,
}

/// <summary>A course a unit offers: its sections hold the lessons, in order.</summary>
internal sealed class Course : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Title { get; set; }

    public string? Summary { get; set; }

    public CourseLanguage Language { get; set; }

    /// <summary>The same course in the other language; both courses point at each other.</summary>
    public Guid? TranslationId { get; set; }

    public int? DurationMinutes { get; set; }

    public CourseStatus Status { get; set; }

    /// <summary>The unit that owns the course: its authors edit it.</summary>
    public Guid OwningUnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => OwningUnitId;

    /// <summary>Learners may enrol themselves once the course is published.</summary>
    public bool OpenForSelfEnrolment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The cover picture of a course, kept apart so that lists never load its bytes.</summary>
internal sealed class CourseCover
{
    /// <summary>New on every upload, so browsers fetch a changed cover instead of a cached one.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CourseId { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class CourseSection : IHasVersion, IOrdered
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CourseId { get; set; }

    public required string Title { get; set; }

    /// <summary>Place among the course's sections, from 0.</summary>
    public int Order { get; set; }

    public Guid Version { get; set; }
}

/// <summary>One lesson: Markdown text, an external video or a quiz. Its id stays the same while it is edited or moved, so progress can refer to it.</summary>
internal sealed class Lesson : IHasVersion, IOrdered
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CourseId { get; set; }

    public Guid SectionId { get; set; }

    public required string Title { get; set; }

    /// <summary>Place within its section, from 0.</summary>
    public int Order { get; set; }

    public LessonKind Kind { get; set; }

    public string? Body { get; set; }

    public string? VideoUrl { get; set; }

    /// <summary>The lesson opens only once the one before it (in course order) is complete.</summary>
    public bool RequiresPrevious { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A file attached to a lesson; images among them may be shown in the lesson's text.</summary>
internal sealed class LessonAttachment
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CourseId { get; set; }

    public Guid LessonId { get; set; }

    public required string FileName { get; set; }

    /// <summary>An image type found from the content, or <c>application/octet-stream</c> for anything else.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>Something kept in order among its siblings: sections in a course, lessons in a section.</summary>
internal interface IOrdered
{
    int Order { get; set; }
}
