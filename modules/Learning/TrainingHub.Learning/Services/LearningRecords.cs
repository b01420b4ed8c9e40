using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;

namespace TrainingHub.Learning.Services;

/// <summary>
/// Courses and people's completions as other modules see them. A completion is a completed enrolment; a withdrawn one
/// never counts, and a refresher completed later replaces the earlier date.
/// </summary>
internal sealed class LearningRecords(IDbContextFactory<LearningDbContext> dbFactory) : ILearningRecords, ICourseMappings
{
    public async Task<IReadOnlyList<CourseReference>> FindCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
    {
        if (courseIds.Count == 0)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var ids = courseIds.Distinct().ToList();
        var courses = await db.Courses.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Status != CourseStatus.Draft)
            .Select(c => new { c.Id, c.Title, c.TranslationId, c.DurationMinutes, c.Status })
            .ToListAsync(cancellationToken);
        return courses
            .Select(c => new CourseReference(c.Id, c.Title, c.TranslationId, c.DurationMinutes, c.Status == CourseStatus.Archived))
            .OrderBy(c => c.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Courses are counted in hundreds at most, so matching in memory keeps case-insensitive Cyrillic search the same on both databases.</summary>
    public async Task<IReadOnlyList<CourseReference>> SearchCoursesAsync(string? text, int take, CancellationToken cancellationToken = default)
    {
        if (take <= 0)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var published = await db.Courses.AsNoTracking()
            .Where(c => c.Status == CourseStatus.Published)
            .Select(c => new { c.Id, c.Title, c.TranslationId, c.DurationMinutes })
            .ToListAsync(cancellationToken);
        var term = text?.Trim();
        return published
            .Where(c => string.IsNullOrEmpty(term) || c.Title.Contains(term, StringComparison.CurrentCultureIgnoreCase))
            .OrderBy(c => c.Title, StringComparer.CurrentCulture)
            .Take(take)
            .Select(c => new CourseReference(c.Id, c.Title, c.TranslationId, c.DurationMinutes, Archived: false))
            .ToList();
    }

    public async Task<IReadOnlyList<CourseCompletion>> CompletionsAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var completed = await db.Enrolments.AsNoTracking()
            .Where(e => e.PersonId == personId && e.Status == EnrolmentStatus.Completed && e.CompletedAt != null)
            .Join(db.Courses, e => e.CourseId, c => c.Id,
                (e, c) => new { c.Id, c.Title, c.TranslationId, c.DurationMinutes, CompletedAt = e.CompletedAt!.Value })
            .ToListAsync(cancellationToken);
        var courseIds = completed.Select(c => c.Id).Distinct().ToList();
        var mapped = (await db.CourseCompetencies.AsNoTracking().Where(m => courseIds.Contains(m.CourseId))
                .Select(m => new { m.CourseId, m.CompetencyLineageId }).ToListAsync(cancellationToken))
            .ToLookup(m => m.CourseId, m => m.CompetencyLineageId);
        // SQLite cannot order DateTimeOffset, so the latest of each course is found here.
        return completed
            .GroupBy(c => c.Id)
            .Select(g => g.MaxBy(c => c.CompletedAt)!)
            .OrderByDescending(c => c.CompletedAt)
            .Select(c => new CourseCompletion(c.Id, c.TranslationId, c.Title, c.DurationMinutes, c.CompletedAt) { CompetencyLineageIds = mapped[c.Id].ToList() })
            .ToList();
    }

    /// <summary>Mappings are a few per course and courses hundreds at most: read once and matched here.</summary>
    public async Task<IReadOnlyList<CourseForCompetencies>> CoursesForCompetenciesAsync(
        IReadOnlyCollection<Guid> lineageIds, CancellationToken cancellationToken = default)
    {
        if (lineageIds.Count == 0)
        {
            return [];
        }
        var wanted = lineageIds.ToHashSet();
        await using var db = dbFactory.CreateDbContext();
        var mappings = await db.CourseCompetencies.AsNoTracking()
            .Join(db.Courses.Where(c => c.Status == CourseStatus.Published), m => m.CourseId, c => c.Id,
                (m, c) => new { c.Id, c.Title, c.TranslationId, c.DurationMinutes, m.CompetencyLineageId })
            .ToListAsync(cancellationToken);
        return mappings.GroupBy(m => m.Id)
            .Where(g => g.Any(m => wanted.Contains(m.CompetencyLineageId)))
            .Select(g => new CourseForCompetencies(
                new CourseReference(g.Key, g.First().Title, g.First().TranslationId, g.First().DurationMinutes, Archived: false),
                g.Select(m => m.CompetencyLineageId).Distinct().ToList()))
            .OrderBy(c => c.Course.Title, StringComparer.CurrentCulture)
            .ToList();
    }
}
