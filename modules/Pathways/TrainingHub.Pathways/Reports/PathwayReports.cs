using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Requirements;
using TrainingHub.Pathways.Templates;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways.Reports;

/// <summary>A pathway one may report on, for the pathway picker.</summary>
internal sealed record ReportPathway(string Code, string Name);

/// <summary>
/// A stage's figures: the people at it now, how many of them meet everything the next stage asks for (null at the last
/// stage), and the days spent in it by those who moved on from it (how many, their average and median).
/// </summary>
internal sealed record StageFigures(int Position, string Name, int People, int? Ready, int Left, double? AverageDays, double? MedianDays);

/// <summary>
/// Certificates of the pathway issued in a unit: valid ones that expire within <see cref="PathwayReports.ExpiringWithinDays"/>
/// days, and those expired or revoked. One renewed by another counts neither as expiring nor as expired: its holder holds the new one.
/// </summary>
internal sealed record CertificateCounts(int Expiring, int Expired, int Revoked);

/// <summary>
/// Professional development this year: how many of the people whose position asks for hours (<see cref="Asked"/>) have
/// counted them all (<see cref="Met"/>).
/// </summary>
internal sealed record DevelopmentCounts(int Asked, int Met)
{
    /// <summary>The share of those asked who met it, 0 to 100; null where nobody is asked.</summary>
    public int? Percent => Asked == 0 ? null : (int)Math.Floor(Met * 100.0 / Asked);
}

/// <summary>The figures of a unit with everything under it, or of the people working in the unit itself (<see cref="IsUnitItself"/>).</summary>
internal sealed record UnitFigures(
    Guid UnitId, string Name, bool IsUnitItself, IReadOnlyList<StageFigures> Stages, CertificateCounts Certificates, DevelopmentCounts Development)
{
    public int People => Stages.Sum(s => s.People);

    public int Ready => Stages.Sum(s => s.Ready ?? 0);
}

/// <summary>A valid certificate that expires soon: whose, of which stage, issued in which unit, and until when.</summary>
internal sealed record ExpiringCertificate(Guid PersonId, string PersonName, string StageName, string UnitName, DateOnly ValidUntil);

/// <summary>
/// The certification progress of a unit on one pathway: its figures per stage and certificates, the same for the unit's
/// own people and for each unit right under it, and the certificates that expire soon. <see cref="Pathway"/> is null
/// when there is no pathway yet.
/// </summary>
internal sealed record PathwayReport(
    OrganisationUnitSummary Unit, ReportPathway? Pathway, DateOnly Today, UnitFigures Total, IReadOnlyList<UnitFigures> Units,
    IReadOnlyList<ExpiringCertificate> Expiring);

/// <summary>
/// Certification progress for coordinators (<see cref="PathwaysPermissions.ReportsView"/>) over the people placed on a
/// pathway whose unit (their home unit) is the unit asked for or lies under it, and the certificates issued there. Whether
/// someone is ready for the next stage is judged live, person by person, as the pathway pages judge it; the time spent
/// in a stage runs from the day it was reached to the day the next one was; professional development is this year's
/// record of each person, counted as their record page counts it.
/// </summary>
internal sealed class PathwayReports(
    IDbContextFactory<PathwaysDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IPeopleLookup people, PersonFactsSource facts,
    DevelopmentRecords development)
{
    public const int ExpiringWithinDays = 60;

    /// <summary>The unit the report opens at: the highest of the user's area (the first by name when there are several).</summary>
    public async Task<Guid?> DefaultUnitAsync(CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(PathwaysPermissions.ReportsView);
        if (scope.IsEmpty)
        {
            return null;
        }
        var tops = scope.IsEverywhere
            ? (await units.GetUnitsInAsync(scope, cancellationToken)).Where(u => u.ParentId is null)
            : await units.FindManyAsync(scope.Roots, cancellationToken);
        return tops.OrderBy(u => u.Type).ThenBy(u => u.DisplayName, StringComparer.CurrentCulture).FirstOrDefault()?.Id;
    }

    /// <summary>The pathways, by name; the report opens at the first.</summary>
    public async Task<IReadOnlyList<ReportPathway>> PathwaysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return (await db.Templates.AsNoTracking().ToListAsync(cancellationToken))
            .Select(t => new ReportPathway(t.Code, t.Name)).OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The report of a unit in the user's area (any other is refused) on a pathway, the first by name when none is asked for.</summary>
    public async Task<Result<PathwayReport>> GetAsync(Guid unitId, string? pathwayCode = null, CancellationToken cancellationToken = default)
    {
        if (!await access.IsGrantedAsync(PathwaysPermissions.ReportsView, unitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        if (await units.FindAsync(unitId, cancellationToken) is not { } unit)
        {
            return Error.NotFound;
        }
        await using var db = dbFactory.CreateDbContext();
        var templates = (await db.Templates.AsNoTracking().Include(t => t.Stages).ToListAsync(cancellationToken))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        var template = string.IsNullOrEmpty(pathwayCode) ? templates.FirstOrDefault() : templates.FirstOrDefault(t => t.Code == pathwayCode);
        var today = facts.Today;
        if (template is null)
        {
            return string.IsNullOrEmpty(pathwayCode)
                ? new PathwayReport(unit, null, today, new UnitFigures(unit.Id, unit.DisplayName, false, [], new CertificateCounts(0, 0, 0), new DevelopmentCounts(0, 0)), [], [])
                : Error.NotFound;
        }

        var subtree = (await units.GetUnitsInAsync(UnitScope.Under([unitId]), cancellationToken)).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        var unitIds = subtree.Keys.ToList();
        var lineOf = subtree.Values.LinesUnder(unitId);
        var placements = await db.Placements.AsNoTracking().AsSplitQuery().Include(p => p.Reached).Include(p => p.SignOffs)
            .Where(p => p.TemplateId == template.Id && p.UnitId != null && unitIds.Contains(p.UnitId.Value))
            .ToListAsync(cancellationToken);
        var certificates = (await db.Certificates.AsNoTracking()
                .Where(c => c.TemplateCode == template.Code && c.UnitId != null && unitIds.Contains(c.UnitId.Value))
                .ToListAsync(cancellationToken))
            .Select(c => (Certificate: c, Line: lineOf[c.UnitId!.Value], Status: c.StatusOn(today)))
            .ToList();

        // Each person judged once against their next stage, then counted on their line and in the total.
        var stages = template.Stages.OrderBy(s => s.Position).ToList();
        var requirements = stages.ToDictionary(s => s.Position, s => s.Requirements);
        var placed = new List<PlacedOnLine>();
        var persons = (await people.FindManyAsync(placements.Select(p => p.PersonId).Distinct().ToList(), cancellationToken)).ToDictionary(p => p.Id);
        foreach (var placement in placements)
        {
            bool? ready = null;
            if (requirements.TryGetValue(placement.Stage + 1, out var next))
            {
                ready = RequirementEvaluation.Evaluate(next, await facts.ForAsync(placement, next, cancellationToken)).Met;
            }
            bool? developed = null;
            if (persons.TryGetValue(placement.PersonId, out var person)
                && await development.YearOfAsync(person, today.Year, cancellationToken) is { RequiredHours: > 0 } year)
            {
                developed = year.Met;
            }
            placed.Add(new PlacedOnLine(lineOf[placement.UnitId!.Value], placement.Stage, ready, developed, DaysInStages(placement.Reached)));
        }

        var expiringBy = today.AddDays(ExpiringWithinDays);
        bool Expiring((Certificate Certificate, Guid Line, CertificateStatus Status) c) =>
            c.Status == CertificateStatus.Valid && c.Certificate.ValidUntil is { } until && until <= expiringBy && c.Certificate.RenewedWithId is null;
        bool Expired((Certificate Certificate, Guid Line, CertificateStatus Status) c) =>
            c.Status == CertificateStatus.Expired && c.Certificate.RenewedWithId is null;
        UnitFigures Figures(Guid id, string name, bool itself, Func<Guid, bool> onLine)
        {
            var mine = placed.Where(p => onLine(p.Line)).ToList();
            var theirs = certificates.Where(c => onLine(c.Line)).ToList();
            return new UnitFigures(id, name, itself, StageFiguresOf(stages, mine),
                new CertificateCounts(theirs.Count(Expiring), theirs.Count(Expired), theirs.Count(c => c.Status == CertificateStatus.Revoked)),
                new DevelopmentCounts(mine.Count(p => p.Developed is not null), mine.Count(p => p.Developed == true)));
        }

        var lines = new List<UnitFigures>();
        if (placed.Any(p => p.Line == unitId) || certificates.Any(c => c.Line == unitId))
        {
            lines.Add(Figures(unitId, unit.DisplayName, true, line => line == unitId));
        }
        lines.AddRange(subtree.Values.Where(u => u.ParentId == unitId && u.Id != unitId)
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => Figures(u.Id, u.DisplayName, false, line => line == u.Id)));

        var soon = certificates.Where(Expiring).Select(c => c.Certificate).ToList();
        var names = soon.Count == 0 ? new Dictionary<Guid, string>()
            : (await people.FindManyAsync(soon.Select(c => c.PersonId).Distinct().ToList(), cancellationToken)).ToDictionary(p => p.Id, p => p.FullName);
        var expiring = soon
            .Select(c => new ExpiringCertificate(c.PersonId, names.GetValueOrDefault(c.PersonId) ?? c.PersonName, c.StageName,
                subtree.TryGetValue(c.UnitId!.Value, out var issuer) ? issuer.DisplayName : "", c.ValidUntil!.Value))
            .OrderBy(c => c.ValidUntil).ThenBy(c => c.PersonName, StringComparer.CurrentCulture)
            .ToList();

        return new PathwayReport(unit, new ReportPathway(template.Code, template.Name), today, Figures(unit.Id, unit.DisplayName, false, _ => true), lines, expiring);
    }

    /// <summary>For each stage left: the days from reaching it to reaching the next, from the stages reached one after another.</summary>
    public static IReadOnlyList<(int Stage, int Days)> DaysInStages(IEnumerable<ReachedStage> reached)
    {
        var ordered = reached.OrderBy(r => r.Stage).ThenBy(r => r.ReachedOn).ToList();
        return ordered.Zip(ordered.Skip(1))
            .Where(pair => pair.Second.Stage == pair.First.Stage + 1)
            .Select(pair => (pair.First.Stage, pair.Second.ReachedOn.DayNumber - pair.First.ReachedOn.DayNumber))
            .ToList();
    }

    private static List<StageFigures> StageFiguresOf(List<PathwayStage> stages, List<PlacedOnLine> placed) =>
    [
        .. stages.Select(stage =>
        {
            var here = placed.Where(p => p.Stage == stage.Position).ToList();
            var days = placed.SelectMany(p => p.Days).Where(d => d.Stage == stage.Position).Select(d => (double)d.Days).Order().ToList();
            var last = stage.Position == stages[^1].Position;
            return new StageFigures(stage.Position, stage.Name, here.Count, last ? null : here.Count(p => p.Ready == true), days.Count,
                days.Count == 0 ? null : Math.Round(days.Average(), 1, MidpointRounding.AwayFromZero), Median(days));
        }),
    ];

    private static double? Median(List<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>
    /// A person on the pathway: the line they are counted on, their stage, whether they are ready for the next, whether
    /// they counted this year's development hours (null where their position asks for none), and the stages they left.
    /// </summary>
    private sealed record PlacedOnLine(Guid Line, int Stage, bool? Ready, bool? Developed, IReadOnlyList<(int Stage, int Days)> Days);
}
