using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Pathways.Templates;

/// <summary>A competency to choose, in the reader's language, with the levels of its scale (lowest first).</summary>
internal sealed record CompetencyChoice(string Code, string Name, IReadOnlyList<CompetencyLevelName> Levels);

/// <summary>What a template editor chooses from: position types, competencies, practice activity types and sign-off roles.</summary>
internal sealed record EditorChoices(
    IReadOnlyList<PositionTypeInfo> Positions, IReadOnlyList<CompetencyChoice> Competencies, IReadOnlyList<ActivityTypeReference> ActivityTypes,
    IReadOnlyList<string> Roles);

/// <summary>
/// What the other modules offer a template editor, read through their contracts, for those who hold
/// <see cref="PathwaysPermissions.TemplatesEdit"/>; and what they know of the things a requirement tree names.
/// </summary>
internal sealed class TemplateChoices(
    IAccessControl access, IPositionTypes positions, ILearningRecords learning, ICompetencyDirectory competencies, ISupervisionRecord supervision)
{
    public const int CourseResults = 20;

    private bool CanEdit => access.HasPermission(PathwaysPermissions.TemplatesEdit);

    public async Task<Result<EditorChoices>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!CanEdit)
        {
            return Error.Forbidden;
        }
        var english = Cultures.ReadsEnglish;
        var published = (await competencies.ListPublishedCompetenciesAsync(cancellationToken))
            .DistinctBy(c => c.Code)
            .Select(c => new CompetencyChoice(c.Code, english ? c.NameEn ?? c.Name : c.Name, c.Levels.OrderBy(l => l.Rank).ToList()))
            .ToList();
        return new EditorChoices(
            await positions.ListAsync(cancellationToken), published, await supervision.ActivityTypesAsync(cancellationToken), RequirementRules.SignOffRoles);
    }

    /// <summary>Published courses still offered whose title contains the text, for the course picker.</summary>
    public async Task<Result<IReadOnlyList<CourseReference>>> SearchCoursesAsync(string? text, CancellationToken cancellationToken = default) =>
        CanEdit ? Result<IReadOnlyList<CourseReference>>.Success(await learning.SearchCoursesAsync(text?.Trim(), CourseResults, cancellationToken)) : Error.Forbidden;

    public async Task<IReadOnlySet<string>> PositionCodesAsync(CancellationToken cancellationToken) =>
        (await positions.ListAsync(cancellationToken)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>The position types' codes, and the course a stage's renewal names as the learning module knows it (if at all).</summary>
    public async Task<StageCatalog> StageCatalogAsync(Guid? renewalCourseId, CancellationToken cancellationToken)
    {
        var courses = renewalCourseId is { } id ? await learning.FindCoursesAsync([id], cancellationToken) : [];
        return new StageCatalog(await PositionCodesAsync(cancellationToken), courses.ToDictionary(c => c.Id));
    }

    /// <summary>A course by id as the learning module knows it, or null when it is gone (for an editor to see what a stage names).</summary>
    public async Task<CourseReference?> CourseAsync(Guid courseId, CancellationToken cancellationToken = default) =>
        CanEdit ? (await learning.FindCoursesAsync([courseId], cancellationToken)).FirstOrDefault() : null;

    /// <summary>What the other modules know of what the tree names.</summary>
    public async Task<RequirementCatalog> CatalogForAsync(Requirement tree, CancellationToken cancellationToken)
    {
        var courseIds = PersonFactsSource.CoursesIn(tree).Distinct().ToList();
        var courses = courseIds.Count == 0 ? [] : await learning.FindCoursesAsync(courseIds, cancellationToken);
        var levels = (await competencies.ListPublishedCompetenciesAsync(cancellationToken))
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.Levels).Select(l => l.Rank).DefaultIfEmpty(0).Max(), StringComparer.Ordinal);
        var types = (await supervision.ActivityTypesAsync(cancellationToken)).Select(t => t.Id).ToHashSet();
        return new RequirementCatalog(courses.ToDictionary(c => c.Id), levels, types);
    }
}
