using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Instruments;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.Wellbeing.Reports;

internal sealed record ReportRound(Guid Id, DateOnly OpensOn, DateOnly ClosesOn, bool IsOpen);

internal sealed record ReportLine(Guid UnitId, string Name, bool HasUnitsUnder, GroupFigures Figures);

internal sealed record TrendPoint(ReportRound Round, GroupFigures Figures);

/// <summary>
/// The check-in figures of a unit: the rounds that cover it (its nearest schedule's), the chosen round's figures for the
/// unit and for each unit right under it, and the unit's figures over the closed rounds. <see cref="ScheduleUnit"/> is
/// null when no schedule covers the unit; <see cref="ScheduledUnder"/> then names the units under it that have one.
/// </summary>
internal sealed record WellbeingReport(
    OrganisationUnitSummary Unit, OrganisationUnitSummary? ScheduleUnit, IReadOnlyList<OrganisationUnitSummary> ScheduledUnder, int Minimum,
    InstrumentDefinition? Instrument, IReadOnlyList<ReportRound> Rounds, ReportRound? Round, GroupFigures? Total, IReadOnlyList<ReportLine> Units,
    IReadOnlyList<TrendPoint> Trend);

/// <summary>
/// Aggregate check-in figures for those who plan, in the units of their area: never a person's answers, and each figure
/// only where the anonymity rules allow (see <see cref="ReportCalculator"/>). An open round shows nothing until it
/// closes, so figures cannot be watched changing as people answer.
/// </summary>
internal sealed class WellbeingReports(
    IDbContextFactory<WellbeingDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IUnitHierarchy hierarchy,
    IPositionTypes positionTypes, InstrumentCatalogue instruments, ReportSettingsService settings, TimeProvider clock)
{
    /// <summary>The units the user may see figures of, for the unit picker.</summary>
    public async Task<IReadOnlyList<OrganisationUnitSummary>> UnitsAsync(CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(WellbeingPermissions.ReportsView);
        return scope.IsEmpty ? [] : (await units.GetUnitsInAsync(scope, cancellationToken)).DistinctBy(u => u.Id)
            .OrderBy(u => u.Type).ThenBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
    }

    public Task<IReadOnlyList<PositionTypeInfo>> PositionTypesAsync(CancellationToken cancellationToken = default) =>
        positionTypes.ListAsync(cancellationToken);

    public async Task<Result<WellbeingReport>> GetAsync(Guid unitId, Guid? roundId = null, Guid? positionTypeId = null, CancellationToken cancellationToken = default)
    {
        if (!await access.IsGrantedAsync(WellbeingPermissions.ReportsView, unitId, cancellationToken))
        {
            return Error.Forbidden;
        }
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
            return new WellbeingReport(unit, null, under, minimum, null, [], null, null, [], []);
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
                ? new WellbeingReport(unit, scheduleUnit, [], minimum, null, [], null, null, [], [])
                : Error.NotFound;
        }
        var instrument = await instruments.FindAsync(chosen.InstrumentCode, cancellationToken);
        var chosenRound = listed.Single(r => r.Id == chosen.Id);
        if (chosenRound.IsOpen || instrument is null)
        {
            return new WellbeingReport(unit, scheduleUnit, [], minimum, instrument, listed, chosenRound, null, [], []);
        }

        // The closed rounds with the chosen one's instrument, so that every figure compares like with like.
        var closed = rounds.Where(r => r.ClosesAt <= now && r.InstrumentCode == chosen.InstrumentCode).ToList();
        var answers = await AnswersAsync(db, closed.Select(r => r.Id).ToList(), cancellationToken);
        var tree = (await units.GetUnitsInAsync(UnitScope.Under([schedule.UnitId]), cancellationToken)).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        var figures = ReportCalculator.Calculate(schedule.UnitId, tree.ToDictionary(u => u.Key, u => u.Value.ParentId),
            closed.Select(r => answers[r.Id]).ToList(), instrument.Scales.Select(s => s.Code).ToList(), instrument.HighFrom, positionTypeId, minimum);
        var inChosen = figures[closed.FindIndex(r => r.Id == chosen.Id)];
        var lines = tree.Values.Where(u => u.ParentId == unitId && inChosen[u.Id].Invited > 0)
            .Select(u => new ReportLine(u.Id, u.DisplayName, tree.Values.Any(c => c.ParentId == u.Id), inChosen[u.Id]))
            .OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();
        var trend = closed.Select((r, i) => new TrendPoint(listed.Single(l => l.Id == r.Id), figures[i][unitId])).ToList();
        return new WellbeingReport(unit, scheduleUnit, [], minimum, instrument, listed, chosenRound, inChosen[unitId], lines, trend);
    }

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
