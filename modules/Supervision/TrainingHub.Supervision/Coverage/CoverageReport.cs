using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Frequency;

namespace TrainingHub.Supervision.Coverage;

/// <summary>People, those with a supervisor, those supervised within policy (not overdue) and those overdue.</summary>
internal sealed record CoverageFigures(int People, int Supervised, int WithinPolicy, int Overdue)
{
    /// <summary>The share of people supervised within policy, in whole percent; null where nobody works.</summary>
    public int? Percent => People == 0 ? null : (int)Math.Round(WithinPolicy * 100.0 / People, MidpointRounding.AwayFromZero);
}

internal sealed record CoverageLine(Guid UnitId, string Name, CoverageFigures Figures);

internal sealed record OverduePerson(Guid PersonId, string Name, string UnitName, string SupervisorName, DateOnly NextDue, DateOnly? LastMeeting);

internal sealed record CaseLoadLine(string SupervisorName, int Supervisees, int Overdue);

/// <summary>Supervision coverage of a unit: its total, a line per unit under it, who is overdue and each supervisor's case load.</summary>
internal sealed record CoverageReport(
    OrganisationUnitSummary Unit, CoverageFigures Total, IReadOnlyList<CoverageLine> Units, IReadOnlyList<OverduePerson> Overdue,
    IReadOnlyList<CaseLoadLine> CaseLoad);

/// <summary>
/// Supervision coverage for coordinators: of the active people whose home unit is the unit asked for or lies under it,
/// how many have a supervisor today and how many of those are supervised within the frequency policy; each unit right
/// under it on a line of its own, those overdue by name, and the case load of each supervisor of these people.
/// </summary>
internal sealed class CoverageReports(
    IDbContextFactory<SupervisionDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IPeopleSelection people, SupervisionDue dueDates, TimeProvider clock)
{
    /// <summary>The units the user may see coverage of, for the unit picker.</summary>
    public async Task<IReadOnlyList<OrganisationUnitSummary>> UnitsAsync(CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(SupervisionPermissions.AssignmentsManage);
        return scope.IsEmpty ? [] : (await units.GetUnitsInAsync(scope, cancellationToken))
            .OrderBy(u => u.Type).ThenBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
    }

    public async Task<Result<CoverageReport>> GetAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        if (!await access.IsGrantedAsync(SupervisionPermissions.AssignmentsManage, unitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        if (await units.FindAsync(unitId, cancellationToken) is not { } unit)
        {
            return Error.NotFound;
        }
        var subtree = (await units.GetUnitsInAsync(UnitScope.Under([unitId]), cancellationToken)).ToDictionary(u => u.Id);
        var staff = (await people.FindAsync(new PeopleCriteria(HomeUnitIds: subtree.Keys.ToList(), ActiveOnly: true), cancellationToken))
            .Where(p => p.HomeUnitId is not null).ToDictionary(p => p.Id);
        var now = clock.GetUtcNow();
        var today = SharedKernel.Jobs.DailyRuns.DayOf(now);
        await using var db = dbFactory.CreateDbContext();
        // In lists of SupervisionDue.Chunk ids: a whole country's people are far more than one query may list.
        var current = new List<(Guid PersonId, Guid AssigneeId)>();
        foreach (var ids in staff.Keys.Chunk(SupervisionDue.Chunk))
        {
            current.AddRange((await db.Assignments.AsNoTracking()
                    .Where(a => a.Role == AssignmentRole.Supervisor && ids.Contains(a.PersonId) && a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today))
                    .Select(a => new { a.PersonId, a.AssigneeId }).ToListAsync(cancellationToken))
                .Select(a => (a.PersonId, a.AssigneeId)));
        }
        var supervisorOf = current.GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.First().AssigneeId);
        var due = await dueDates.ForAsync(db, [.. supervisorOf.Keys], now, today, cancellationToken);
        bool IsOverdue(Guid personId) => due.TryGetValue(personId, out var date) && date.Overdue;

        var lineOf = subtree.Values.LinesUnder(unitId);
        CoverageFigures Figures(IEnumerable<Guid> personIds)
        {
            var list = personIds.ToList();
            var supervised = list.Where(supervisorOf.ContainsKey).ToList();
            var overdue = supervised.Count(IsOverdue);
            return new CoverageFigures(list.Count, supervised.Count, supervised.Count - overdue, overdue);
        }
        var lineIds = subtree.Values.Where(u => u.ParentId == unitId).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => u.Id).ToList();
        if (staff.Values.Any(p => p.HomeUnitId == unitId))
        {
            lineIds.Insert(0, unitId);
        }
        var lines = lineIds.Select(id => new CoverageLine(id, subtree[id].DisplayName,
            Figures(staff.Values.Where(p => lineOf[p.HomeUnitId!.Value] == id).Select(p => p.Id)))).ToList();

        var supervisorNames = new Dictionary<Guid, string>();
        foreach (var ids in supervisorOf.Values.Distinct().Chunk(SupervisionDue.Chunk))
        {
            foreach (var supervisor in await people.FindAsync(new PeopleCriteria(PersonIds: ids), cancellationToken))
            {
                supervisorNames[supervisor.Id] = supervisor.FullName;
            }
        }
        var overdue = supervisorOf.Keys.Where(IsOverdue)
            .Select(id => new OverduePerson(id, staff[id].FullName, subtree[staff[id].HomeUnitId!.Value].DisplayName,
                supervisorNames.GetValueOrDefault(supervisorOf[id], "?"), due[id].NextDue, due[id].LastMeeting))
            .OrderBy(p => p.NextDue).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        var caseLoad = supervisorOf.GroupBy(s => s.Value)
            .Select(g => new CaseLoadLine(supervisorNames.GetValueOrDefault(g.Key, "?"), g.Count(), g.Count(s => IsOverdue(s.Key))))
            .OrderByDescending(c => c.Supervisees).ThenBy(c => c.SupervisorName, StringComparer.CurrentCulture).ToList();
        return new CoverageReport(unit, Figures(staff.Keys), lines, overdue, caseLoad);
    }
}
