using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Learning.Services;

/// <summary>A mapping as the editor lists it; the competency is null when no framework offers it any more.</summary>
internal sealed record CourseCompetencyRow(Guid Id, Guid LineageId, int LevelRank, CompetencyOption? Competency)
{
    public string? LevelName => Competency?.Levels.FirstOrDefault(l => l.Rank == LevelRank)?.Name;
}

/// <summary>The competencies a course is evidence for, at a level each, set by the course's authors.</summary>
internal sealed class CourseCompetencies(IDbContextFactory<LearningDbContext> dbFactory, CourseAccess courses, ICompetencyOptions options)
{
    public Task<IReadOnlyList<CompetencyOption>> OptionsAsync(CancellationToken cancellationToken = default) => options.ListAsync(cancellationToken);

    public async Task<Result<IReadOnlyList<CourseCompetencyRow>>> ListAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindVisibleAsync(db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var known = (await options.ListAsync(cancellationToken)).ToDictionary(o => o.LineageId);
        var mappings = await db.CourseCompetencies.AsNoTracking().Where(m => m.CourseId == courseId).ToListAsync(cancellationToken);
        return mappings.Select(m => new CourseCompetencyRow(m.Id, m.CompetencyLineageId, m.LevelRank, known.GetValueOrDefault(m.CompetencyLineageId)))
            .OrderBy(r => r.Competency?.FrameworkCode).ThenBy(r => r.Competency?.Code)
            .ToList();
    }

    /// <summary>Maps the course to a competency at a level of its scale; mapping it again changes the level.</summary>
    public async Task<Result> SetAsync(Guid courseId, Guid? lineageId, int? levelRank, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindEditableAsync(db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var option = lineageId is { } id ? (await options.ListAsync(cancellationToken)).FirstOrDefault(o => o.LineageId == id) : null;
        if (option is null)
        {
            return Error.Validation("Competency", "Error:ChooseCompetency");
        }
        if (levelRank is not { } rank || option.Levels.All(l => l.Rank != rank))
        {
            return Error.Validation("Level", "Error:ChooseLevel");
        }
        var mapping = await db.CourseCompetencies.SingleOrDefaultAsync(m => m.CourseId == courseId && m.CompetencyLineageId == option.LineageId, cancellationToken);
        if (mapping is null)
        {
            db.CourseCompetencies.Add(new CourseCompetency { CourseId = courseId, CompetencyLineageId = option.LineageId, LevelRank = rank });
        }
        else
        {
            mapping.LevelRank = rank;
        }
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    public async Task<Result> RemoveAsync(Guid courseId, Guid mappingId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await courses.FindEditableAsync(db, courseId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        db.CourseCompetencies.RemoveRange(await db.CourseCompetencies.Where(m => m.Id == mappingId && m.CourseId == courseId).ToListAsync(cancellationToken));
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }
}
