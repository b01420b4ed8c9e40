using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.SharedKernel.Search;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies.Search;

/// <summary>
/// Competencies for the quick search: those of published framework versions, which everyone with the frameworks list may
/// read, by code or name (either language). Each opens its framework at that version.
/// </summary>
internal sealed class CompetencySearchSource(
    IDbContextFactory<CompetenciesDbContext> dbFactory, IAccessControl access, IStringLocalizer<CompetenciesResource> L) : ISearchSource
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int max, CancellationToken cancellationToken)
    {
        if (QuickSearch.Term(text) is not { } term || !access.HasPermission(CompetencyPermissions.FrameworksView))
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        // Published versions hold hundreds of competencies, not more: matching names in memory ignores case in Cyrillic
        // on both databases, as the frameworks list does.
        var competencies = await db.Nodes.AsNoTracking()
            .Where(n => n.Kind == NodeKind.Competency)
            .Join(db.FrameworkVersions.Where(v => v.Status == FrameworkStatus.Published), n => n.FrameworkVersionId, v => v.Id,
                (n, v) => new { n.Code, n.NormalizedCode, n.Name, n.NameEn, v.FrameworkId, v.Number, Framework = v.Name, FrameworkEn = v.NameEn })
            .ToListAsync(cancellationToken);
        var code = CompetencyFramework.Normalize(term);
        return competencies
            .Where(c => c.NormalizedCode.Contains(code, StringComparison.Ordinal)
                        || c.Name.Contains(term, StringComparison.CurrentCultureIgnoreCase)
                        || (c.NameEn?.Contains(term, StringComparison.CurrentCultureIgnoreCase) ?? false))
            .OrderBy(c => Bilingual.Pick(c.Framework, c.FrameworkEn), StringComparer.CurrentCulture)
            .ThenBy(c => c.NormalizedCode, StringComparer.Ordinal)
            .Take(max)
            .Select(c => new SearchHit(L["Search:Competency"], Bilingual.Pick(c.Name, c.NameEn), $"{c.Code} · {Bilingual.Pick(c.Framework, c.FrameworkEn)}",
                $"competencies/frameworks/{c.FrameworkId}?version={c.Number}"))
            .ToList();
    }
}
