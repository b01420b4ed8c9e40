using TrainingHub.Learning.Domain;

namespace TrainingHub.Learning.Services;

/// <summary>A course as the catalogue lists it.</summary>
internal sealed record CourseSummary(
    Guid Id, string Title, CourseLanguage Language, CourseStatus Status, int? DurationMinutes, string UnitName, int LessonCount,
    DateTimeOffset UpdatedAt, bool CanEdit);

/// <summary>A course with its outline, and what the reader may do with it.</summary>
internal sealed record CourseDetails(
    Guid Id,
    string Title,
    string? Summary,
    CourseLanguage Language,
    int? DurationMinutes,
    CourseStatus Status,
    Guid OwningUnitId,
    string UnitName,
    bool OpenForSelfEnrolment,
    CourseLink? Translation,
    Guid? CoverId,
    Guid Version,
    IReadOnlyList<SectionView> Sections,
    bool CanEdit)
{
    /// <summary>Archived courses are read-only until they are returned to draft.</summary>
    public bool IsEditable => CanEdit && Status != CourseStatus.Archived;

    public int LessonCount => Sections.Sum(s => s.Lessons.Count);

    public IEnumerable<LessonSummary> LessonsInOrder => Sections.SelectMany(s => s.Lessons);
}

internal sealed record CourseLink(Guid Id, string Title, CourseLanguage Language);

internal sealed record SectionView(Guid Id, string Title, int Order, Guid Version, IReadOnlyList<LessonSummary> Lessons);

internal sealed record LessonSummary(Guid Id, Guid SectionId, string Title, LessonKind Kind, bool RequiresPrevious, int Order, Guid Version);

/// <summary>A lesson as its editor opens it.</summary>
internal sealed record LessonDetails(
    Guid Id, Guid CourseId, Guid SectionId, string Title, LessonKind Kind, string? Body, string? VideoUrl, bool RequiresPrevious, Guid Version,
    IReadOnlyList<AttachmentView> Attachments);

internal sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>A file as the endpoint serves it.</summary>
internal sealed record StoredFile(string FileName, string ContentType, byte[] Content);

/// <summary>One lesson as a learner reads it, with its neighbours in course order.</summary>
internal sealed record LessonReading(
    Guid CourseId,
    string CourseTitle,
    CourseStatus CourseStatus,
    string SectionTitle,
    Guid LessonId,
    string Title,
    LessonKind Kind,
    string Html,
    string? VideoUrl,
    string? EmbedUrl,
    bool RequiresPrevious,
    int Position,
    int Count,
    Guid? PreviousId,
    Guid? NextId,
    bool CanEdit);

/// <summary>What an author fills in for a course.</summary>
internal sealed class CourseInput
{
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public CourseLanguage Language { get; set; } = CourseLanguage.Uk;
    public int? DurationMinutes { get; set; }
    public Guid? OwningUnitId { get; set; }
    public bool OpenForSelfEnrolment { get; set; }
    public Guid? TranslationId { get; set; }

    public static CourseInput From(CourseDetails course) => new()
    {
        Title = course.Title,
        Summary = course.Summary,
        Language = course.Language,
        DurationMinutes = course.DurationMinutes,
        OwningUnitId = course.OwningUnitId,
        OpenForSelfEnrolment = course.OpenForSelfEnrolment,
        TranslationId = course.Translation?.Id,
    };
}

/// <summary>What an author fills in for a lesson.</summary>
internal sealed class LessonInput
{
    public string Title { get; set; } = "";
    public LessonKind Kind { get; set; } = LessonKind.Markdown;
    public string? Body { get; set; }
    public string? VideoUrl { get; set; }
    public bool RequiresPrevious { get; set; }

    public static LessonInput From(LessonDetails lesson) => new()
    {
        Title = lesson.Title,
        Kind = lesson.Kind,
        Body = lesson.Body,
        VideoUrl = lesson.VideoUrl,
        RequiresPrevious = lesson.RequiresPrevious,
    };
}
