using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Files;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

/// <summary>
/// Courses on behalf of the current user: the catalogue, one course with its outline, creating and editing a course's
/// details, its cover and translation link, publishing, unpublishing, archiving and copying.
/// </summary>
internal sealed class CourseCatalogue(
    IDbContextFactory<LearningDbContext> dbFactory, CourseAccess courses, IAccessControl access, IOrganisationDirectory units, TimeProvider clock)
{
    public bool CanAuthor => courses.CanAuthor;

    /// <summary>
    /// One page of the courses the user may see whose title or summary contains the search, newest change first.
    /// Courses are counted in hundreds at most, so matching in memory keeps case-insensitive Cyrillic search the same on both databases.
    /// </summary>
    public async Task<Result<Page<CourseSummary>>> SearchAsync(
        string? search, CourseStatus? status, CourseLanguage? language, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!access.HasPermission(LearningPermissions.CoursesView) && !CanAuthor)
        {
            return Error.Forbidden;
        }
        var scope = courses.AuthorScope;
        var editable = scope.IsEmpty ? [] : (await units.GetUnitsInAsync(scope, cancellationToken)).Select(u => u.Id).ToHashSet();
        await using var db = dbFactory.CreateDbContext();
        var query = db.Courses.AsNoTracking();
        if (!scope.IsEverywhere)
        {
            var allPublished = courses.SeesAllPublished;
            var enrolled = await courses.EnrolledCourseIdsAsync(db, cancellationToken);
            query = query.Where(c => (c.Status == CourseStatus.Published && (allPublished || c.OpenForSelfEnrolment || enrolled.Contains(c.Id)))
                                     || editable.Contains(c.OwningUnitId));
        }
        if (status is { } wantedStatus)
        {
            query = query.Where(c => c.Status == wantedStatus);
        }
        if (language is { } wantedLanguage)
        {
            query = query.Where(c => c.Language == wantedLanguage);
        }
        var term = search?.Trim();
        var found = (await query
                .Select(c => new { c.Id, c.Title, c.Summary, c.Language, c.Status, c.DurationMinutes, c.OwningUnitId, c.UpdatedAt })
                .ToListAsync(cancellationToken))
            .Where(c => string.IsNullOrEmpty(term)
                        || c.Title.Contains(term, StringComparison.CurrentCultureIgnoreCase)
                        || (c.Summary?.Contains(term, StringComparison.CurrentCultureIgnoreCase) ?? false))
            .OrderByDescending(c => c.UpdatedAt)
            .ToList();
        var shown = found.Skip(page.Skip).Take(page.Take).ToList();
        var shownIds = shown.Select(c => c.Id).ToList();
        var lessonCounts = await db.Lessons.Where(l => shownIds.Contains(l.CourseId))
            .GroupBy(l => l.CourseId)
            .Select(g => new { CourseId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CourseId, g => g.Count, cancellationToken);
        var unitNames = (await units.FindManyAsync(shown.Select(c => c.OwningUnitId).Distinct(), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        return new Page<CourseSummary>(
            shown.Select(c => new CourseSummary(c.Id, c.Title, c.Language, c.Status, c.DurationMinutes, unitNames.GetValueOrDefault(c.OwningUnitId, ""),
                lessonCounts.GetValueOrDefault(c.Id), c.UpdatedAt, scope.IsEverywhere || editable.Contains(c.OwningUnitId))).ToList(),
            found.Count);
    }

    /// <summary>A course with its sections and lessons in order.</summary>
    public async Task<Result<CourseDetails>> GetAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindVisibleAsync(db, courseId, cancellationToken);
        if (!found.TryGetValue(out var course, out var error))
        {
            return error;
        }
        var sections = await db.Sections.AsNoTracking().Where(s => s.CourseId == courseId).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var lessons = (await db.Lessons.AsNoTracking().Where(l => l.CourseId == courseId).OrderBy(l => l.Order).ToListAsync(cancellationToken))
            .ToLookup(l => l.SectionId);
        var translation = course.TranslationId is { } translationId
            ? await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == translationId, cancellationToken)
            : null;
        // The link is shown only when the reader may open the other course.
        var link = translation is not null && await courses.CanSeeAsync(db, translation, cancellationToken)
            ? new CourseLink(translation.Id, translation.Title, translation.Language)
            : null;
        var coverId = await db.Covers.Where(c => c.CourseId == courseId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        var unit = await units.FindAsync(course.OwningUnitId, cancellationToken);
        return new CourseDetails(
            course.Id, course.Title, course.Summary, course.Language, course.DurationMinutes, course.Status, course.OwningUnitId, unit?.DisplayName ?? "",
            course.OpenForSelfEnrolment, link, coverId, course.Version,
            sections.Select(s => new SectionView(s.Id, s.Title, s.Order, s.Version,
                lessons[s.Id].Select(l => new LessonSummary(l.Id, l.SectionId, l.Title, l.Kind, l.RequiresPrevious, l.Order, l.Version)).ToList())).ToList(),
            await courses.CanEditAsync(course.OwningUnitId, cancellationToken));
    }

    /// <summary>The units an author may own courses in, for the unit picker.</summary>
    public async Task<IReadOnlyList<OrganisationUnitSummary>> GetAuthorUnitsAsync(CancellationToken cancellationToken = default) =>
        courses.AuthorScope.IsEmpty
            ? []
            : (await units.GetUnitsInAsync(courses.AuthorScope, cancellationToken)).OrderBy(u => u.Type).ThenBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();

    /// <summary>Courses in the other language that the author may link a course to as its translation.</summary>
    public async Task<IReadOnlyList<CourseLink>> GetTranslationChoicesAsync(Guid courseId, CourseLanguage language, CancellationToken cancellationToken = default)
    {
        var scope = courses.AuthorScope;
        if (scope.IsEmpty)
        {
            return [];
        }
        var editable = (await units.GetUnitsInAsync(scope, cancellationToken)).Select(u => u.Id).ToList();
        await using var db = dbFactory.CreateDbContext();
        var choices = await db.Courses.AsNoTracking()
            .Where(c => c.Id != courseId && c.Language != language && c.Status != CourseStatus.Archived)
            .Where(c => scope.IsEverywhere || editable.Contains(c.OwningUnitId))
            .Select(c => new CourseLink(c.Id, c.Title, c.Language))
            .ToListAsync(cancellationToken);
        return choices.OrderBy(c => c.Title, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Creates a draft course in a unit in the author's scope; answers its id.</summary>
    public async Task<Result<Guid>> CreateAsync(CourseInput input, CancellationToken cancellationToken = default)
    {
        if (!CanAuthor)
        {
            return Error.Forbidden;
        }
        var errors = CourseRules.CheckCourse(input);
        if (input.OwningUnitId is { } unitId && !await courses.CanEditAsync(unitId, cancellationToken))
        {
            errors.Add(new(nameof(CourseInput.OwningUnitId), "Error:UnitOutOfScope"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        await using var db = dbFactory.CreateDbContext();
        var now = clock.GetUtcNow();
        var course = new Course { Title = "", Status = CourseStatus.Draft, CreatedAt = now };
        var linked = await ApplyAsync(db, input, course, cancellationToken);
        if (linked.Failed(out var error))
        {
            return error;
        }
        course.UpdatedAt = now;
        db.Courses.Add(course);
        return await db.SaveOrErrorAsync(cancellationToken) is { } notSaved ? notSaved : course.Id;
    }

    /// <summary>Changes a course's details; a stale <paramref name="version"/> answers a conflict.</summary>
    public async Task<Result> UpdateAsync(Guid courseId, CourseInput input, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindEditableAsync(db, courseId, cancellationToken);
        if (!found.TryGetValue(out var course, out var error))
        {
            return error;
        }
        var errors = CourseRules.CheckCourse(input);
        if (input.OwningUnitId is { } unitId && unitId != course.OwningUnitId && !await courses.CanEditAsync(unitId, cancellationToken))
        {
            errors.Add(new(nameof(CourseInput.OwningUnitId), "Error:UnitOutOfScope"));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        db.Entry(course).Property(c => c.Version).OriginalValue = version;
        var linked = await ApplyAsync(db, input, course, cancellationToken);
        if (linked.Failed(out error))
        {
            return error;
        }
        course.UpdatedAt = clock.GetUtcNow();
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Publishes a draft; a course without a lesson has nothing to learn, and one with an unfinished quiz, is not published.</summary>
    public async Task<Result> PublishAsync(Guid courseId, Guid version, CancellationToken cancellationToken = default) =>
        await ChangeStatusAsync(courseId, version, CourseStatus.Published, async (db, course) =>
            course.Status != CourseStatus.Draft ? Error.Rule("Error:NotDraft")
            : !await db.Lessons.AnyAsync(l => l.CourseId == courseId, cancellationToken) ? Error.Rule("Error:NoLessons")
            : await QuizAuthoring.CheckCourseAsync(db, courseId, cancellationToken), cancellationToken);

    /// <summary>Takes a published course back to draft, so learners no longer see it.</summary>
    public Task<Result> UnpublishAsync(Guid courseId, Guid version, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(courseId, version, CourseStatus.Draft, (_, course) =>
            Task.FromResult(course.Status != CourseStatus.Published ? Error.Rule("Error:NotPublished") : null), cancellationToken);

    /// <summary>Archives a course: learners no longer see it and it can no longer be changed until it is returned to draft.</summary>
    public Task<Result> ArchiveAsync(Guid courseId, Guid version, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(courseId, version, CourseStatus.Archived, (_, _) => Task.FromResult<Error?>(null), cancellationToken);

    /// <summary>Returns an archived course to draft.</summary>
    public async Task<Result> RestoreAsync(Guid courseId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null || !await courses.CanSeeAsync(db, course, cancellationToken))
        {
            return Error.NotFound;
        }
        if (!await courses.CanEditAsync(course.OwningUnitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        if (course.Status != CourseStatus.Archived)
        {
            return Error.Rule("Error:NotArchived");
        }
        db.Entry(course).Property(c => c.Version).OriginalValue = version;
        course.Status = CourseStatus.Draft;
        course.UpdatedAt = clock.GetUtcNow();
        return await db.SaveOrErrorAsync(cancellationToken) is { } error ? error : Result.Success();
    }

    /// <summary>
    /// Copies a course with its cover, sections, lessons, attachments, question bank, quiz settings and competency mappings
    /// into a new draft in the same unit, titled "… (copy)", in one save; links in the copied lessons point at the copied
    /// attachments and the copied quizzes ask the copied questions. Learners' enrolments, progress and attempts stay with the
    /// original. Answers the copy's id.
    /// </summary>
    public async Task<Result<Guid>> CopyAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindVisibleAsync(db, courseId, cancellationToken);
        if (!found.TryGetValue(out var source, out var error))
        {
            return error;
        }
        if (!await courses.CanEditAsync(source.OwningUnitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        var now = clock.GetUtcNow();
        var copy = new Course
        {
            Title = CourseRules.CopyTitle(source.Title, source.Language), Summary = source.Summary, Language = source.Language,
            DurationMinutes = source.DurationMinutes, OwningUnitId = source.OwningUnitId, OpenForSelfEnrolment = source.OpenForSelfEnrolment,
            Status = CourseStatus.Draft, CreatedAt = now, UpdatedAt = now,
        };
        db.Courses.Add(copy);
        if (await db.Covers.AsNoTracking().SingleOrDefaultAsync(c => c.CourseId == courseId, cancellationToken) is { } cover)
        {
            db.Covers.Add(new CourseCover { CourseId = copy.Id, ContentType = cover.ContentType, Content = cover.Content, UploadedAt = now });
        }
        var sections = await db.Sections.AsNoTracking().Where(s => s.CourseId == courseId).ToListAsync(cancellationToken);
        var sectionIds = sections.ToDictionary(s => s.Id, _ => Guid.NewGuid());
        db.Sections.AddRange(sections.Select(s => new CourseSection { Id = sectionIds[s.Id], CourseId = copy.Id, Title = s.Title, Order = s.Order }));
        var lessons = await db.Lessons.AsNoTracking().Where(l => l.CourseId == courseId).ToListAsync(cancellationToken);
        var lessonIds = lessons.ToDictionary(l => l.Id, _ => Guid.NewGuid());
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.CourseId == courseId).ToListAsync(cancellationToken);
        var attachmentIds = attachments.ToDictionary(a => a.Id, _ => Guid.NewGuid());
        db.Lessons.AddRange(lessons.Select(l => new Lesson
        {
            Id = lessonIds[l.Id], CourseId = copy.Id, SectionId = sectionIds[l.SectionId], Title = l.Title, Order = l.Order, Kind = l.Kind,
            Body = attachmentIds.Aggregate(l.Body, (body, ids) => body?.Replace(ids.Key.ToString(), ids.Value.ToString(), StringComparison.OrdinalIgnoreCase)),
            VideoUrl = l.VideoUrl, RequiresPrevious = l.RequiresPrevious,
        }));
        db.Attachments.AddRange(attachments.Select(a => new LessonAttachment
        {
            Id = attachmentIds[a.Id], CourseId = copy.Id, LessonId = lessonIds[a.LessonId], FileName = a.FileName, ContentType = a.ContentType,
            Size = a.Size, Content = a.Content, UploadedAt = now,
        }));
        var questions = await db.Questions.AsNoTracking().Where(q => q.CourseId == courseId).ToListAsync(cancellationToken);
        var questionIds = questions.ToDictionary(q => q.Id, _ => Guid.NewGuid());
        // The original creation times keep the copied bank in the same order as the original's.
        db.Questions.AddRange(questions.Select(q => new Question
        {
            Id = questionIds[q.Id], CourseId = copy.Id, Kind = q.Kind, Text = q.Text, Points = q.Points, Feedback = q.Feedback,
            Options = q.Options.Select(o => o with { Id = Guid.NewGuid() }).ToList(), AcceptedAnswers = [.. q.AcceptedAnswers],
            CreatedAt = q.CreatedAt, UpdatedAt = now,
        }));
        // Quizzes start without versions or attempts, as a new quiz does: the copy is versioned once it is published or attempted.
        var quizzes = await db.Quizzes.AsNoTracking().Where(q => q.CourseId == courseId).ToListAsync(cancellationToken);
        db.Quizzes.AddRange(quizzes.Where(q => lessonIds.ContainsKey(q.LessonId)).Select(q => new Quiz
        {
            CourseId = copy.Id, LessonId = lessonIds[q.LessonId], QuestionIds = q.QuestionIds.Where(questionIds.ContainsKey).Select(id => questionIds[id]).ToList(),
            PassMarkPercent = q.PassMarkPercent, AttemptLimit = q.AttemptLimit, TimeLimitMinutes = q.TimeLimitMinutes,
            ShuffleQuestions = q.ShuffleQuestions, ShuffleOptions = q.ShuffleOptions,
        }));
        db.CourseCompetencies.AddRange(await db.CourseCompetencies.AsNoTracking().Where(m => m.CourseId == courseId)
            .Select(m => new CourseCompetency { CourseId = copy.Id, CompetencyLineageId = m.CompetencyLineageId, LevelRank = m.LevelRank })
            .ToListAsync(cancellationToken));
        return await db.SaveOrErrorAsync(cancellationToken) is { } notSaved ? notSaved : copy.Id;
    }

    /// <summary>Sets a course's cover picture: a PNG, JPEG or WebP image (checked by its content) of at most 2 MB.</summary>
    public async Task<Result> SetCoverAsync(Guid courseId, byte[] content, CancellationToken cancellationToken = default)
    {
        if (content.Length > CourseRules.MaxCoverBytes)
        {
            return Error.Validation("Cover", "Error:CoverTooLarge", CourseRules.MaxCoverBytes / 1024 / 1024);
        }
        if (FileSignatures.ImageType(content) is not (FileSignatures.Png or FileSignatures.Jpeg or FileSignatures.WebP))
        {
            return Error.Validation("Cover", "Error:CoverType");
        }
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindEditableAsync(db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        db.Covers.RemoveRange(await db.Covers.Where(c => c.CourseId == courseId).ToListAsync(cancellationToken));
        db.Covers.Add(new CourseCover { CourseId = courseId, ContentType = FileSignatures.ImageType(content)!, Content = content, UploadedAt = clock.GetUtcNow() });
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    public async Task<Result> RemoveCoverAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindEditableAsync(db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        db.Covers.RemoveRange(await db.Covers.Where(c => c.CourseId == courseId).ToListAsync(cancellationToken));
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>The cover picture of a course the user may see.</summary>
    public async Task<Result<StoredFile>> GetCoverAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindVisibleAsync(db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var cover = await db.Covers.AsNoTracking().SingleOrDefaultAsync(c => c.CourseId == courseId, cancellationToken);
        return cover is null ? Error.NotFound : new StoredFile("cover", cover.ContentType, cover.Content);
    }

    private async Task<Result> ChangeStatusAsync(
        Guid courseId, Guid version, CourseStatus status, Func<LearningDbContext, Course, Task<Error?>> check, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindEditableAsync(db, courseId, cancellationToken);
        if (!found.TryGetValue(out var course, out var error))
        {
            return error;
        }
        if (await check(db, course) is { } refused)
        {
            return refused;
        }
        db.Entry(course).Property(c => c.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        course.Status = status;
        course.UpdatedAt = now;
        if (status == CourseStatus.Published)
        {
            course.PublishedAt = now;
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>
    /// Copies the form onto the course, including the translation link, which is kept mutual: the new partner points
    /// back, and any course either of them was linked to before is let go.
    /// </summary>
    private async Task<Result> ApplyAsync(LearningDbContext db, CourseInput input, Course course, CancellationToken cancellationToken)
    {
        course.Title = input.Title.Trim();
        course.Summary = CourseRules.Trimmed(input.Summary);
        course.Language = input.Language;
        course.DurationMinutes = input.DurationMinutes;
        course.OwningUnitId = input.OwningUnitId!.Value;
        course.OpenForSelfEnrolment = input.OpenForSelfEnrolment;
        if (input.TranslationId == course.TranslationId)
        {
            if (course.TranslationId is { } current
                && await db.Courses.AnyAsync(c => c.Id == current && c.Language == input.Language, cancellationToken))
            {
                return Error.Validation(nameof(CourseInput.TranslationId), "Error:TranslationSameLanguage");
            }
            return Result.Success();
        }
        var linkedToThis = await db.Courses.Where(c => c.TranslationId == course.Id || (course.TranslationId != null && c.Id == course.TranslationId)).ToListAsync(cancellationToken);
        if (input.TranslationId is { } partnerId)
        {
            var partner = await db.Courses.SingleOrDefaultAsync(c => c.Id == partnerId, cancellationToken);
            if (partner is null || partner.Id == course.Id || !await courses.CanEditAsync(partner.OwningUnitId, cancellationToken))
            {
                return Error.Validation(nameof(CourseInput.TranslationId), "Error:TranslationNotFound");
            }
            if (partner.Language == input.Language)
            {
                return Error.Validation(nameof(CourseInput.TranslationId), "Error:TranslationSameLanguage");
            }
            linkedToThis.AddRange(await db.Courses.Where(c => c.TranslationId == partner.Id && c.Id != course.Id).ToListAsync(cancellationToken));
            foreach (var former in linkedToThis.Where(c => c.Id != partner.Id))
            {
                former.TranslationId = null;
            }
            partner.TranslationId = course.Id;
        }
        else
        {
            foreach (var former in linkedToThis)
            {
                former.TranslationId = null;
            }
        }
        course.TranslationId = input.TranslationId;
        return Result.Success();
    }
}
