using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Norms;

namespace TrainingHub.Workforce.Volunteers;

/// <summary>
/// An area's volunteers over the last <see cref="VolunteerCounts.Months"/> months: how many are active now, the hours
/// they gave (approved practice hours in supervision and approved training taken elsewhere), how many of them reached a
/// next stage on their pathway, and how many volunteers of the area took up another position.
/// </summary>
internal sealed record VolunteerFigures(int Volunteers, decimal Hours, int Progressed, int MovedOn)
{
    public static VolunteerFigures Empty { get; } = new(0, 0, 0, 0);

    public decimal? HoursPerVolunteer => Volunteers > 0 ? Hours / Volunteers : null;

    public static VolunteerFigures Sum(IEnumerable<VolunteerFigures> figures)
    {
        var all = figures.ToList();
        return new(all.Sum(f => f.Volunteers), all.Sum(f => f.Hours), all.Sum(f => f.Progressed), all.Sum(f => f.MovedOn));
    }
}

/// <summary>
/// Counts volunteers per unit of a subtree: who they are comes from this module's copy of people (active, in a
/// position counted as volunteer), their hours and pathway steps from the supervision and pathways modules in one
/// call each, and moves from <see cref="VolunteerMove"/>. Without those modules in the app their figures are zero.
/// </summary>
internal sealed class VolunteerCounts(
    IDbContextFactory<WorkforceDbContext> dbFactory, ISupervisionFigures? supervision, IPathwayFigures? pathways, TimeProvider clock)
{
    public const int Months = 12;

    public async Task<IReadOnlyDictionary<Guid, VolunteerFigures>> ByUnitAsync(
        OrganisationUnitSummary? root, IReadOnlyDictionary<Guid, OrganisationUnitSummary> subtree, CancellationToken cancellationToken)
    {
        var until = DailyRuns.DayOf(clock.GetUtcNow());
        var since = until.AddMonths(-Months).AddDays(1);
        await using var db = dbFactory.CreateDbContext();
        var volunteering = await db.CountedPositions.Where(c => c.CountedAs == CountedAs.Volunteer).Select(c => c.PositionTypeId).ToListAsync(cancellationToken);
        var staff = db.Staff.Where(m => m.IsActive && m.UnitId != null && m.PositionTypeId != null && volunteering.Contains(m.PositionTypeId.Value));
        var moves = db.VolunteerMoves.Where(m => m.MovedOn >= since && m.UnitId != null);
        (staff, moves) = root switch
        {
            null => (staff, moves),
            { Type: UnitType.Oblast } => (staff.Where(m => m.OblastId == root.Id), moves.Where(m => m.OblastId == root.Id)),
            { Type: UnitType.Hromada } => (staff.Where(m => m.HromadaId == root.Id), moves.Where(m => m.HromadaId == root.Id)),
            _ => (staff.Where(m => m.OrganisationId == root.Id), moves.Where(m => m.OrganisationId == root.Id)),
        };
        var volunteers = (await staff.Select(m => new { m.Id, UnitId = m.UnitId!.Value }).ToListAsync(cancellationToken))
            .Where(v => subtree.ContainsKey(v.UnitId)).ToList();
        var movedOn = (await moves.GroupBy(m => m.UnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);
        var ids = volunteers.Select(v => v.Id).ToList();
        var hours = supervision is null || ids.Count == 0 ? new Dictionary<Guid, decimal>() : await supervision.ApprovedHoursAsync(ids, since, until, cancellationToken);
        var standing = pathways is null || ids.Count == 0 ? new Dictionary<Guid, PathwayStanding>() : await pathways.ForPeopleAsync(ids, since, until, cancellationToken);
        var byUnit = volunteers.GroupBy(v => v.UnitId).ToDictionary(g => g.Key, g => new VolunteerFigures(
            g.Count(),
            g.Sum(v => hours.GetValueOrDefault(v.Id) + (standing.TryGetValue(v.Id, out var s) ? s.ApprovedTrainingHours : 0)),
            g.Count(v => standing.TryGetValue(v.Id, out var s) && s.MovedOn > 0),
            movedOn.GetValueOrDefault(g.Key)));
        foreach (var (unitId, count) in movedOn.Where(m => !byUnit.ContainsKey(m.Key) && subtree.ContainsKey(m.Key)))
        {
            byUnit[unitId] = VolunteerFigures.Empty with { MovedOn = count };
        }
        return byUnit;
    }
}
