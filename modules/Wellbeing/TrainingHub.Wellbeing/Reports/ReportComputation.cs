using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Instruments;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing.Reports;

/// <summary>
/// A unit's report as computed, and how many answered its chosen round in the unit (with the units under it) whether
/// or not the report shows that: zero when the report has no closed round's figures. The count serves the rules among
/// units reported apart (see <see cref="WellbeingFigures"/>) and is never shown.
/// </summary>
internal sealed record ComputedReport(WellbeingReport Report, int Answered);

/// <summary>
/// Computes the check-in report of a unit (see <see cref="WellbeingReport"/>) without asking whose it is: the wellbeing
/// reports check the reader's permission first, the planning figures leave that to the module that asks. Every figure
/// goes through <see cref="ReportCalculator"/> with the minimum of <see cref="ReportSettingsService"/>.
/// </summary>
internal sealed class ReportComputation(
    IDbContextFactory<WellbeingDbContext> dbFactory, IOrganisationDirectory units, IUnitHierarchy hierarchy,
    InstrumentCatalogue instruments, ReportSettingsService settings, TimeProvider clock)
{
    /// <summary>The units that have a schedule of their own.</summary>
    public async Task<IReadOnlySet<Guid>> ScheduledUnitsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return (await db.Schedules.AsNoTracking().Select(s => s.UnitId).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>
    /// The report of a unit: its nearest schedule's rounds and the chosen round's figures (the latest closed one when
    /// none is asked for), for the people of the position type when one is given. Not found when the unit or the round
    /// asked for is not.
    /// </summary>
    public async Task<Result<ComputedReport>> ComputeAsync(Guid unitId, Guid? roundId, Guid? positionTypeId, CancellationToken cancellationToken = default)
    {
        if (await units.FindAsync(unitId, cancellationToken) is not { } unit)
        {
            return Error.NotFound;
        }
        var minimum = (await settings.GetAsync(cancellationToken)).Minimum;
        await using var db = dbFactory.CreateDbContext();
        var ancestry = await hierarchy.GetAncestryAsync(unitId, cancellationToken);
        var schedules = await db.Schedules.AsNoTracking().ToListAsync(cancellationToken);
        // The nearest schedule: the unit's own, else its parent's, and so on up.
        var schedule = ancestry.Select(id => schedules.FirstOrDefault(s => s.UnitId == id)).FirstOrDefault(s => s is not null);
        if (schedule is null)
        {
            var under = (await units.GetUnitsInAsync(UnitScope.Under([unitId]), cancellationToken)).DistinctBy(u => u.Id)
                .Where(u => schedules.Any(s => s.UnitId == u.Id)).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
            return Nothing(new WellbeingReport(unit, null, under, minimum, null, [], null, null, [], []));
        }
        var now = clock.GetUtcNow();
        var rounds = (await db.Rounds.AsNoTracking().Where(r => r.ScheduleId == schedule.Id).ToListAsync(cancellationToken))
            .OrderBy(r => r.OpensOn).ToList();
        var listed = rounds.Select(r => new ReportRound(r.Id, r.OpensOn, DailyRuns.DayOf(r.ClosesAt.AddTicks(-1)), r.IsOpenAt(now))).Reverse().ToList();
        var chosen = roundId is { } asked ? rounds.FirstOrDefault(r => r.Id == asked) : rounds.LastOrDefault(r => r.ClosesAt <= now) ?? rounds.LastOrDefault();
        var scheduleUnit = await units.FindAsync(schedule.UnitId, cancellationToken);
        if (chosen is null || scheduleUnit is null)
        {
            return roundId is null && scheduleUnit is not null
                ? Nothing(new WellbeingReport(unit, scheduleUnit, [], minimum, null, [], null, null, [], []))
                : Error.NotFound;
        }
        var instrument = await instruments.FindAsync(chosen.InstrumentCode, cancellationToken);
        var chosenRound = listed.Single(r => r.Id == chosen.Id);
        if (chosenRound.IsOpen || instrument is null)
        {
            return Nothing(new WellbeingReport(unit, scheduleUnit, [], minimum, instrument, listed, chosenRound, null, [], []));
        }

        // The closed rounds with the chosen one's instrument, so that every figure compares like with like.
        var closed = rounds.Where(r => r.ClosesAt <= now && r.InstrumentCode == chosen.InstrumentCode).ToList();
        var answers = await AnswersAsync(db, closed.Select(r => r.Id).ToList(), cancellationToken);
        var tree = (await units.GetUnitsInAsync(UnitScope.Under([schedule.UnitId]), cancellationToken)).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        var parents = tree.ToDictionary(u => u.Key, u => u.Value.ParentId);
        var figures = ReportCalculator.Calculate(schedule.UnitId, parents,
            closed.Select(r => answers[r.Id]).ToList(), instrument.Scales.Select(s => s.Code).ToList(), instrument.HighFrom, positionTypeId, minimum);
        var inChosen = figures[closed.FindIndex(r => r.Id == chosen.Id)];
        var lines = tree.Values.Where(u => u.ParentId == unitId && inChosen[u.Id].Invited > 0)
            .Select(u => new ReportLine(u.Id, u.DisplayName, tree.Values.Any(c => c.ParentId == u.Id), inChosen[u.Id]))
            .OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();
        var trend = closed.Select((r, i) => new TrendPoint(listed.Single(l => l.Id == r.Id), figures[i][unitId])).ToList();
        return new ComputedReport(
            new WellbeingReport(unit, scheduleUnit, [], minimum, instrument, listed, chosenRound, inChosen[unitId], lines, trend),
            ReportCalculator.Answered(schedule.UnitId, parents, answers[chosen.Id], positionTypeId, unitId));
    }

    private static ComputedReport Nothing(WellbeingReport report) => new(report, 0);

    /// <summary>Each round's invitations and the scores of those who answered, linked by the invitation alone.</summary>
    private static async Task<Dictionary<Guid, RoundAnswers>> AnswersAsync(WellbeingDbContext db, List<Guid> roundIds, CancellationToken cancellationToken)
    {
        var invitations = await db.Invitations.AsNoTracking().Where(i => roundIds.Contains(i.RoundId))
            .Select(i => new { i.RoundId, i.PersonId, i.UnitId, i.PositionTypeId, i.State, i.ResponseId }).ToListAsync(cancellationToken);
        var scores = (await db.Responses.AsNoTracking().Where(r => roundIds.Contains(r.RoundId) && r.SubmittedOn != null).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => (IReadOnlyDictionary<string, decimal>)r.ReadScores());
        return roundIds.ToDictionary(id => id, id =>
        {
            var mine = invitations.Where(i => i.RoundId == id).ToList();
            return new RoundAnswers(id,
                mine.Select(i => new Invitee(i.UnitId, i.PositionTypeId)).ToList(),
                mine.Where(i => i.State == InvitationState.Answered && i.ResponseId is { } r && scores.ContainsKey(r))
                    .Select(i => new Respondent(i.PersonId, i.UnitId, i.PositionTypeId, scores[i.ResponseId!.Value])).ToList());
        });
    }
}
