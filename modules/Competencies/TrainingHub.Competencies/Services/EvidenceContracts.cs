using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Learning.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// Completed courses the learning module reports. The module has checked the completion, so no permission is asked;
/// the evidence is recorded against the competency in its published version, once per course.
/// </summary>
internal sealed class CourseCompletions(IDbContextFactory<CompetenciesDbContext> dbFactory, IPeopleLookup people) : ICompetencyEvidence
{
    public async Task<Result> RecordCourseCompletionAsync(CourseCompletionEvidence evidence, CancellationToken cancellationToken = default)
    {
        if (await people.FindAsync(evidence.PersonId, cancellationToken) is null)
        {
            return Error.Validation(nameof(evidence.PersonId), "Error:NotFound");
        }
        await using var db = dbFactory.CreateDbContext();
        var node = await CompetencyEvidence.PublishedCompetencies(db).SingleOrDefaultAsync(n => n.LineageId == evidence.CompetencyLineageId, cancellationToken);
        if (node is null)
        {
            return Error.Validation(nameof(evidence.CompetencyLineageId), "Error:RatingNeedsPublishedVersion");
        }
        var source = $"course:{evidence.CourseId:D}";
        if (await RecordedAsync(db, evidence, source, cancellationToken))
        {
            return Result.Success();
        }
        // A course title longer than evidence titles may be is shortened rather than refused: the completion still counts.
        var title = evidence.CourseTitle?.Trim() is { Length: > EvidenceRules.MaxTitleLength } longTitle
            ? longTitle[..(EvidenceRules.MaxTitleLength - 1)] + "…"
            : evidence.CourseTitle;
        var input = new EvidenceInput { Title = title, SuggestedLevelRank = evidence.SuggestedLevelRank };
        // The platform records it, so nobody is named; its date is the day the course was completed.
        var added = await CompetencyEvidence.RecordAsync(db, evidence.PersonId, node, EvidenceKind.CourseCompletion, input, null,
            Guid.Empty, evidence.CompletedAt, source, cancellationToken);
        if (added.Succeeded)
        {
            return Result.Success();
        }
        // Two nodes reporting the same completion at once: the unique source lets one in, and the other finds it there.
        await using var again = dbFactory.CreateDbContext();
        return await RecordedAsync(again, evidence, source, cancellationToken) ? Result.Success() : added.Error!;
    }

    private static Task<bool> RecordedAsync(CompetenciesDbContext db, CourseCompletionEvidence evidence, string source, CancellationToken cancellationToken) =>
        db.Evidence.AnyAsync(e => e.PersonId == evidence.PersonId && e.LineageId == evidence.CompetencyLineageId && e.SourceReference == source, cancellationToken);
}

/// <summary>The competencies of published frameworks, for other modules to map their things to.</summary>
internal sealed class PublishedCompetencyDirectory(IDbContextFactory<CompetenciesDbContext> dbFactory) : ICompetencyDirectory
{
    public async Task<IReadOnlyList<PublishedCompetency>> ListPublishedCompetenciesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var competencies = await (
                from node in db.Nodes
                join version in db.FrameworkVersions on node.FrameworkVersionId equals version.Id
                join framework in db.Frameworks on version.FrameworkId equals framework.Id
                where node.Kind == NodeKind.Competency && version.Status == FrameworkStatus.Published
                select new { node.LineageId, VersionId = version.Id, framework.Code, version.Name, version.NameEn, NodeCode = node.Code, NodeName = node.Name, NodeNameEn = node.NameEn })
            .AsNoTracking().ToListAsync(cancellationToken);
        var versionIds = competencies.Select(c => c.VersionId).Distinct().ToList();
        // A level's rank is its position in the scale, as ratings and profiles count it; frameworks imported earlier
        // stored their levels from 1.
        var scales = (await db.ProficiencyLevels.AsNoTracking().Where(l => versionIds.Contains(l.FrameworkVersionId)).ToListAsync(cancellationToken))
            .GroupBy(l => l.FrameworkVersionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CompetencyLevelName>)g.OrderBy(l => l.Rank).Select((l, rank) => new CompetencyLevelName(rank, l.Name, l.NameEn)).ToList());
        return competencies
            .OrderBy(c => c.Code, StringComparer.Ordinal).ThenBy(c => c.NodeCode, StringComparer.Ordinal)
            .Select(c => new PublishedCompetency(c.LineageId, c.Code, c.Name, c.NameEn, c.NodeCode, c.NodeName, c.NodeNameEn, scales.GetValueOrDefault(c.VersionId, [])))
            .ToList();
    }
}

/// <summary>
/// Takes a course completion the learning module published as evidence for each competency the course maps to. A
/// mapping refused (a competency no longer published, a person gone) is logged and skipped: the completion itself
/// stands, and trying again would not change the answer. Recording is idempotent by course, so a second delivery adds nothing.
/// </summary>
internal sealed class CourseCompletionEvidenceHandler(ICompetencyEvidence evidence, ILogger<CourseCompletionEvidenceHandler> logger)
    : IIntegrationEventHandler<CourseCompleted>
{
    public async Task HandleAsync(CourseCompleted completion, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        foreach (var mapping in completion.Competencies)
        {
            var recorded = await evidence.RecordCourseCompletionAsync(
                new CourseCompletionEvidence(completion.PersonId, mapping.CompetencyLineageId, mapping.LevelRank, completion.CourseId,
                    completion.CourseTitle, completion.CompletedAt), cancellationToken);
            if (!recorded.Succeeded)
            {
                logger.LogWarning("Course {CourseId} completed by {PersonId} was not recorded for competency {LineageId}: {Error}",
                    completion.CourseId, completion.PersonId, mapping.CompetencyLineageId, recorded.Error);
            }
        }
    }
}
