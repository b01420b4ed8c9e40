using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Frequency;
using TrainingHub.Supervision.Hours;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Support;

namespace TrainingHub.Supervision.Home;

/// <summary>Someone assigned to the signed-in person, once, whatever roles they hold towards them.</summary>
internal sealed record AssignedPerson(Guid PersonId, string Name, IReadOnlyList<AssignmentRole> Roles, SupervisionDueDate? Due)
{
    public bool Overdue => Due is { Overdue: true };
}

/// <summary>The people assigned to a supervisor or mentor and what of theirs waits for them.</summary>
internal sealed record PeopleAtHome(IReadOnlyList<AssignedPerson> People, IReadOnlyList<LogToSign> LogsToSign, int HoursWaiting, int SupportOpen)
{
    /// <summary>Everything that waits for the supervisor: people overdue for supervision, logs, hours and requests.</summary>
    public int Waiting => People.Count(p => p.Overdue) + LogsToSign.Count + HoursWaiting + SupportOpen;
}

/// <summary>Supervision coverage of a coordinator's area, as their home page counts it.</summary>
internal sealed record CoverageAtHome(int People, int WithSupervisor, int Covered)
{
    public int WithoutSupervisor => People - WithSupervisor;

    /// <summary>The share of those with a supervisor who are supervised as often as their frequency asks, in whole percent.</summary>
    public int? Percent => WithSupervisor == 0 ? null : (int)Math.Round(Covered * 100.0 / WithSupervisor, MidpointRounding.AwayFromZero);
}

/// <summary>
/// What the supervision home parts show, through the services the module's pages use, so that the parts check the same
/// permissions and reach the same people as those pages.
/// </summary>
internal sealed class SupervisionHome(
    AssignmentRegister register, LogBook logs, HoursReview hours, SupportRequests support, ICurrentUser currentUser, IAccessControl access,
    IOrganisationDirectory units, IPeopleSelection people, ISupervisionCoverage coverage, TimeProvider clock)
{
    /// <summary>The signed-in supervisor's or mentor's people, each once; null for anyone who may not supervise.</summary>
    public async Task<PeopleAtHome?> PeopleAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me || !(await register.MySuperviseesAsync(cancellationToken: cancellationToken)).TryGetValue(out var rows, out _))
        {
            return null;
        }
        // A supervisor who also mentors someone they supervise sees them once, with both roles.
        var assigned = rows.GroupBy(r => r.PersonId)
            .Select(g => new AssignedPerson(g.Key, g.First().PersonName, [.. g.Select(r => r.Role).Distinct().Order()], g.Select(r => r.Due).FirstOrDefault(d => d is not null)))
            .OrderByDescending(p => p.Overdue).ThenBy(p => p.Due?.NextDue ?? DateOnly.MaxValue).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();
        // The logs of meetings they led; their own as a supervisee are among their own next steps.
        var toSign = (await logs.ToSignAsync(cancellationToken)).Where(l => l.PersonId != me).ToList();
        return new PeopleAtHome(assigned, toSign, await hours.WaitingCountAsync(cancellationToken), await support.OpenCountAsync(cancellationToken));
    }

    /// <summary>Coverage over the units where the signed-in person manages assignments; null for anyone who does not.</summary>
    public async Task<CoverageAtHome?> CoverageAsync(CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(SupervisionPermissions.AssignmentsManage);
        if (scope.IsEmpty)
        {
            return null;
        }
        var unitIds = (await units.GetUnitsInAsync(scope, cancellationToken)).Select(u => u.Id).ToList();
        var staff = (await people.FindAsync(new PeopleCriteria(HomeUnitIds: unitIds, ActiveOnly: true), cancellationToken)).Select(p => p.Id).ToList();
        var covered = await coverage.CoverageAsync(staff, DailyRuns.DayOf(clock.GetUtcNow()), cancellationToken);
        return new CoverageAtHome(staff.Count, covered.Count, covered.Count(c => c.Value));
    }
}
