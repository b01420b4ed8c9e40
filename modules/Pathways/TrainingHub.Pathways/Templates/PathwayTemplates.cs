using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways.Templates;

internal sealed record TemplateSummary(Guid Id, string Code, string Name, int Stages);

internal sealed record StageView(
    int Position, string Name, string? PositionTypeCode, int? CertificateValidMonths, Requirement Requirements, Guid Id, string NameUk, string NameEn,
    decimal? RenewalCpdHours, Guid? RenewalCourseId, int? CpdHoursPerYear);

/// <param name="Courses">The courses the requirements and renewals name that still exist (a missing one is flagged on the page).</param>
/// <param name="Version">The version read, which every change names.</param>
/// <param name="CanEdit">Whether the reader may change the template (<see cref="PathwaysPermissions.TemplatesEdit"/>).</param>
internal sealed record TemplateView(
    Guid Id, string Code, string Name, IReadOnlyList<StageView> Stages, IReadOnlyDictionary<Guid, CourseFact> Courses, string NameUk, string NameEn,
    Guid Version, bool CanEdit);

/// <summary>The pathway templates, for those who plan and support progression.</summary>
internal sealed class PathwayTemplates(IDbContextFactory<PathwaysDbContext> dbFactory, IAccessControl access, ILearningRecords learning)
{
    private bool CanView => access.HasPermission(PathwaysPermissions.TemplatesView);

    public async Task<Result<IReadOnlyList<TemplateSummary>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!CanView)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        return (await db.Templates.AsNoTracking().Include(t => t.Stages).ToListAsync(cancellationToken))
            .Select(t => new TemplateSummary(t.Id, t.Code, t.Name, t.Stages.Count))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<Result<TemplateView>> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        if (!CanView)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var template = await db.Templates.AsNoTracking().Include(t => t.Stages).FirstOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (template is null)
        {
            return Error.NotFound;
        }
        var stages = template.Stages.OrderBy(s => s.Position)
            .Select(s => new StageView(
                s.Position, s.Name, s.PositionTypeCode, s.CertificateValidMonths, s.Requirements, s.Id, s.NameUk, s.NameEn, s.RenewalCpdHours, s.RenewalCourseId,
                s.CpdHoursPerYear))
            .ToList();
        var named = stages.SelectMany(s => PersonFactsSource.CoursesIn(s.Requirements).Concat(s.RenewalCourseId is { } course ? [course] : []))
            .Distinct().ToList();
        var courses = named.Count == 0 ? [] : await learning.FindCoursesAsync(named, cancellationToken);
        return new TemplateView(
            template.Id, template.Code, template.Name, stages, courses.ToDictionary(c => c.Id, c => new CourseFact(c.Title, c.Archived)), template.NameUk,
            template.NameEn, template.Version, access.HasPermission(PathwaysPermissions.TemplatesEdit));
    }
}
