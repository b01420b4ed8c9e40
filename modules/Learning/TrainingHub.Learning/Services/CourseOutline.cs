using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Files;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Learning.Services;

/// <summary>
/// The sections and lessons of a course and the files attached to lessons, on behalf of an author of the course's unit.
/// Orders are kept without gaps (0, 1, 2 …) so that moving one step up or down is a swap with the neighbour. These changes
/// leave the course's own row, and so its version, alone: an author's unsaved details form stays valid while they edit lessons.
/// </summary>
internal sealed class CourseOutline(IDbContextFactory<LearningDbContext> dbFactory, CourseAccess courses, TimeProvider clock)
{
    public async Task<Result<Guid>> AddSectionAsync(Guid courseId, string title, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindEditableAsync(db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        if (CourseRules.CheckTitle("Title", title) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }
        var order = await db.Sections.CountAsync(s => s.CourseId == courseId, cancellationToken);
        var section = new CourseSection { CourseId = courseId, Title = title.Trim(), Order = order };
        db.Sections.Add(section);
        return await db.SaveOrErrorAsync(cancellationToken) is { } notSaved ? notSaved : section.Id;
    }

    public async Task<Result> RenameSectionAsync(Guid sectionId, string title, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindSectionAsync(db, sectionId, version, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        if (CourseRules.CheckTitle("Title", title) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }
        found.Value.Title = title.Trim();
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Moves a section one place up (-1) or down (+1).</summary>
    public async Task<Result> MoveSectionAsync(Guid sectionId, int step, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindSectionAsync(db, sectionId, version, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var siblings = await db.Sections.Where(s => s.CourseId == found.Value.CourseId).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var index = siblings.IndexOf(found.Value);
        var target = index + Math.Sign(step);
        if (step == 0 || target < 0 || target >= siblings.Count)
        {
            return Error.Rule("Error:CannotMove");
        }
        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        Renumber(siblings);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Deletes a section with its lessons and their attachments; refused while one of its quizzes has attempts.</summary>
    public async Task<Result> DeleteSectionAsync(Guid sectionId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindSectionAsync(db, sectionId, version, cancellationToken);
        if (!found.TryGetValue(out var section, out var error))
        {
            return error;
        }
        var lessons = await db.Lessons.Where(l => l.SectionId == sectionId).ToListAsync(cancellationToken);
        if (await HaveAttemptsAsync(db, lessons, cancellationToken))
        {
            return Error.Rule("Error:SectionQuizHasAttempts");
        }
        db.Lessons.RemoveRange(lessons);
        db.Sections.Remove(section);
        Renumber(await db.Sections.Where(s => s.CourseId == section.CourseId && s.Id != sectionId).OrderBy(s => s.Order).ToListAsync(cancellationToken));
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Adds a lesson at the end of a section; answers its id.</summary>
    public async Task<Result<Guid>> AddLessonAsync(Guid sectionId, LessonInput input, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var section = await db.Sections.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sectionId, cancellationToken);
        if (section is null)
        {
            return Error.NotFound;
        }
        var found = await courses.FindEditableAsync(db, section.CourseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        if (CourseRules.CheckLesson(input) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }
        var lesson = new Lesson
        {
            CourseId = section.CourseId, SectionId = sectionId, Title = "",
            Order = await db.Lessons.CountAsync(l => l.SectionId == sectionId, cancellationToken),
        };
        Apply(input, lesson);
        db.Lessons.Add(lesson);
        return await db.SaveOrErrorAsync(cancellationToken) is { } notSaved ? notSaved : lesson.Id;
    }

    /// <summary>A lesson with its attachments, for its editor.</summary>
    public async Task<Result<LessonDetails>> GetLessonAsync(Guid lessonId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var lesson = await db.Lessons.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lessonId, cancellationToken);
        if (lesson is null || !(await courses.FindVisibleAsync(db, lesson.CourseId, cancellationToken)).Succeeded)
        {
            return Error.NotFound;
        }
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.LessonId == lessonId).OrderBy(a => a.FileName)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToListAsync(cancellationToken);
        return new LessonDetails(lesson.Id, lesson.CourseId, lesson.SectionId, lesson.Title, lesson.Kind, lesson.Body, lesson.VideoUrl,
            lesson.RequiresPrevious, lesson.Version, attachments);
    }

    public async Task<Result> UpdateLessonAsync(Guid lessonId, LessonInput input, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindLessonAsync(db, lessonId, version, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        if (CourseRules.CheckLesson(input) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }
        // A quiz turned into text or video would keep its attempts but drop out of everyone's progress and results.
        if (input.Kind != LessonKind.Quiz && await HaveAttemptsAsync(db, [found.Value], cancellationToken))
        {
            return Error.Rule("Error:QuizKindHasAttempts");
        }
        Apply(input, found.Value);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>
    /// Moves a lesson one place up (-1) or down (+1) in course order: within its section, or past the section's edge to the
    /// end of the section before or the start of the section after, so every arrangement is reachable with two buttons.
    /// </summary>
    public async Task<Result> MoveLessonAsync(Guid lessonId, int step, Guid version, CancellationToken cancellationToken = default)
    {
        if (step == 0)
        {
            return Error.Rule("Error:CannotMove");
        }
        await using var db = dbFactory.CreateDbContext();
        var found = await FindLessonAsync(db, lessonId, version, cancellationToken);
        if (!found.TryGetValue(out var lesson, out var error))
        {
            return error;
        }
        var sections = await db.Sections.Where(s => s.CourseId == lesson.CourseId).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var lessons = (await db.Lessons.Where(l => l.CourseId == lesson.CourseId).OrderBy(l => l.Order).ToListAsync(cancellationToken))
            .ToLookup(l => l.SectionId);
        var here = lessons[lesson.SectionId].ToList();
        var index = here.IndexOf(lesson);
        var target = index + Math.Sign(step);
        if (target >= 0 && target < here.Count)
        {
            (here[index], here[target]) = (here[target], here[index]);
            Renumber(here);
        }
        else
        {
            var sectionIndex = sections.FindIndex(s => s.Id == lesson.SectionId) + Math.Sign(step);
            if (sectionIndex < 0 || sectionIndex >= sections.Count)
            {
                return Error.Rule("Error:CannotMove");
            }
            var there = lessons[sections[sectionIndex].Id].ToList();
            here.Remove(lesson);
            there.Insert(step < 0 ? there.Count : 0, lesson);
            lesson.SectionId = sections[sectionIndex].Id;
            Renumber(here);
            Renumber(there);
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Deletes a lesson with its attachments; refused for a quiz that has attempts.</summary>
    public async Task<Result> DeleteLessonAsync(Guid lessonId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindLessonAsync(db, lessonId, version, cancellationToken);
        if (!found.TryGetValue(out var lesson, out var error))
        {
            return error;
        }
        if (await HaveAttemptsAsync(db, [lesson], cancellationToken))
        {
            return Error.Rule("Error:QuizHasAttempts");
        }
        db.Lessons.Remove(lesson);
        Renumber(await db.Lessons.Where(l => l.SectionId == lesson.SectionId && l.Id != lessonId).OrderBy(l => l.Order).ToListAsync(cancellationToken));
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>
    /// Attaches a file of at most 10 MB to a lesson. Its type comes from its content: PNG, JPEG, GIF and WebP images may be
    /// shown in the lesson, anything else is only ever downloaded.
    /// </summary>
    public async Task<Result<AttachmentView>> AttachAsync(Guid lessonId, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var lesson = await db.Lessons.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lessonId, cancellationToken);
        if (lesson is null)
        {
            return Error.NotFound;
        }
        var found = await courses.FindEditableAsync(db, lesson.CourseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        if (content.Length == 0)
        {
            return Error.Validation("File", "Error:FileEmpty");
        }
        if (content.Length > CourseRules.MaxAttachmentBytes)
        {
            return Error.Validation("File", "Error:FileTooLarge", CourseRules.MaxAttachmentBytes / 1024 / 1024);
        }
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        var attachment = new LessonAttachment
        {
            CourseId = lesson.CourseId, LessonId = lessonId, Content = content, Size = content.Length, UploadedAt = clock.GetUtcNow(),
            FileName = string.IsNullOrEmpty(name) ? "file" : name.Length > CourseRules.MaxFileNameLength ? name[^CourseRules.MaxFileNameLength..] : name,
            ContentType = FileSignatures.ImageType(content) ?? "application/octet-stream",
        };
        db.Attachments.Add(attachment);
        return await db.SaveOrErrorAsync(cancellationToken) is { } notSaved
            ? notSaved
            : new AttachmentView(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size);
    }

    public async Task<Result> DeleteAttachmentAsync(Guid attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is null)
        {
            return Error.NotFound;
        }
        var found = await courses.FindEditableAsync(db, attachment.CourseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        db.Attachments.Remove(attachment);
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>An attachment of a course the user may see.</summary>
    public async Task<Result<StoredFile>> GetAttachmentAsync(Guid attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is null || !(await courses.FindVisibleAsync(db, attachment.CourseId, cancellationToken)).Succeeded)
        {
            return Error.NotFound;
        }
        return new StoredFile(attachment.FileName, attachment.ContentType, attachment.Content);
    }

    private async Task<Result<CourseSection>> FindSectionAsync(LearningDbContext db, Guid sectionId, Guid version, CancellationToken cancellationToken)
    {
        var section = await db.Sections.SingleOrDefaultAsync(s => s.Id == sectionId, cancellationToken);
        if (section is null)
        {
            return Error.NotFound;
        }
        var found = await courses.FindEditableAsync(db, section.CourseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        db.Entry(section).Property(s => s.Version).OriginalValue = version;
        return section;
    }

    private async Task<Result<Lesson>> FindLessonAsync(LearningDbContext db, Guid lessonId, Guid version, CancellationToken cancellationToken)
    {
        var lesson = await db.Lessons.SingleOrDefaultAsync(l => l.Id == lessonId, cancellationToken);
        if (lesson is null)
        {
            return Error.NotFound;
        }
        var found = await courses.FindEditableAsync(db, lesson.CourseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        db.Entry(lesson).Property(l => l.Version).OriginalValue = version;
        return lesson;
    }

    /// <summary>
    /// Whether any of the lessons is a quiz someone has attempted. Deleting it would take the attempts with it, and with them
    /// learners' results and the quiz lessons their progress counts.
    /// </summary>
    private static async Task<bool> HaveAttemptsAsync(LearningDbContext db, IReadOnlyCollection<Lesson> lessons, CancellationToken cancellationToken)
    {
        var quizLessonIds = lessons.Where(l => l.Kind == LessonKind.Quiz).Select(l => l.Id).ToList();
        return quizLessonIds.Count > 0 && await db.QuizAttempts.AnyAsync(a => quizLessonIds.Contains(a.LessonId), cancellationToken);
    }

    private static void Apply(LessonInput input, Lesson lesson)
    {
        lesson.Title = input.Title.Trim();
        lesson.Kind = input.Kind;
        lesson.Body = input.Kind == LessonKind.Markdown ? input.Body : null;
        lesson.VideoUrl = input.Kind == LessonKind.ExternalVideo ? input.VideoUrl?.Trim() : null;
        lesson.RequiresPrevious = input.RequiresPrevious;
    }

    private static void Renumber(IEnumerable<IOrdered> items)
    {
        var order = 0;
        foreach (var item in items)
        {
            item.Order = order++;
        }
    }
}
