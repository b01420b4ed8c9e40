using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways.Templates;

internal sealed record TemplateSummary(Guid Id, string Code, string Name, int Stages);

internal sealed record StageView(int Position, string Name, string? PositionTypeCode, int? CertificateValidMonths, Pathways.Requirements.Requirement Requirements);

internal sealed record TemplateView(Guid Id, string Code, string Name, IReadOnlyList<StageView> Stages);

/// <summary>The pathway templates, for those who plan and support progression.</summary>
internal sealed class PathwayTemplates(IDbContextFactory<PathwaysDbContext> dbFactory, IAccessControl access)
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
        return template is null
            ? Error.NotFound
            : new TemplateView(template.Id, template.Code, template.Name,
                template.Stages.OrderBy(s => s.Position)
                    .Select(s => new StageView(s.Position, s.Name, s.PositionTypeCode, s.CertificateValidMonths, s.Requirements)).ToList());
    }
}
