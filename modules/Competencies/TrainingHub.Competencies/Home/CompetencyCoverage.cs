using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Services;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies.Home;

/// <summary>
/// One area a coordinator plans for: how many of its staff with a role profile meet all of it, and the competencies the
/// most of them fall short in. <see cref="Unit"/> is null for the country.
/// </summary>
internal sealed record UnitCoverage(OrganisationUnitSummary? Unit, int People, int MeetProfile, IReadOnlyList<CompetencyShortfall> Largest)
{
    /// <summary>Rounded as the gap page rounds, so that 100 % means everyone.</summary>
    public int? Percent => GapRules.Percent(MeetProfile, People);
}

/// <param name="Version">The framework version the shortfalls are counted against; null when none is published.</param>
/// <param name="More">Areas in the person's scope left out, to keep the card short.</param>
internal sealed record Coverage(FrameworkVersionReference? Version, IReadOnlyList<UnitCoverage> Units, int More);

/// <summary>
/// The home page's competency coverage for the current user, in each area where they hold
/// <see cref="CompetencyPermissions.GapsView"/>. It reads what the module counts ahead (the oblasts' and the country's
/// heatmaps and each person's profile standing, <see cref="FigureTallies"/>), so it costs a few indexed reads; a
/// hromada's or an organisation's heatmap is small enough to count on the request, as the gap page does.
/// </summary>
internal sealed class CompetencyCoverage(
    IDbContextFactory<CompetenciesDbContext> dbFactory, ICompetencyFigures figures, IAccessControl access, IOrganisationDirectory units)
{
    /// <summary>The areas and shortfalls shown at most; the gap page has the rest.</summary>
    public const int Shown = 3;

    public async Task<Result<Coverage>> ForCurrentUserAsync(CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(CompetencyPermissions.GapsView);
        if (scope.IsEmpty)
        {
            return Error.Forbidden;
        }
        var versions = await figures.NewestPublishedAsync(cancellationToken);
        var version = versions.FirstOrDefault(v => string.Equals(v.FrameworkCode, CompetencyGaps.PreferredFrameworkCode, StringComparison.OrdinalIgnoreCase))
            ?? versions.FirstOrDefault();
        if (version is null)
        {
            return new Coverage(null, [], 0);
        }
        IReadOnlyList<OrganisationUnitSummary?> areas = scope.IsEverywhere
            ? [null]
            : (await units.FindManyAsync(scope.Roots, cancellationToken))
                .OrderBy(u => u.Type).ThenBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList<OrganisationUnitSummary?>();
        await using var db = dbFactory.CreateDbContext();
        var shown = new List<UnitCoverage>();
        foreach (var area in areas.Take(Shown))
        {
            var heatmap = await figures.HeatmapAsync(version.Id, area?.Id, cancellationToken);
            if (heatmap is null)
            {
                continue;
            }
            // Standings of the people the gap page counts under the area: active, with a position, placed in it.
            var standings =
                from standing in db.ProfileStandings
                join member in RequirementCounting.Under(db, area) on standing.PersonId equals member.Id
                select standing.MeetsProfile;
            var people = await standings.CountAsync(cancellationToken);
            var meet = people == 0 ? 0 : await standings.CountAsync(meets => meets, cancellationToken);
            shown.Add(new UnitCoverage(area, people, meet, heatmap.Shortfalls.Where(s => s.Missing > 0).Take(Shown).ToList()));
        }
        return new Coverage(version, shown, Math.Max(0, areas.Count - Shown));
    }
}
