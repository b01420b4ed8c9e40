using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Data;

namespace TrainingHub.Wellbeing.Rounds;

/// <summary>
/// Every hour, opens the rounds that are due: one per schedule and day, with everyone active whose home unit is the
/// schedule's or under it (where no nearer unit has a schedule of its own), each invited through a reminder at once and
/// reminded after 3 and 5 days unless they have answered or skipped by then; a round closes 7 days after it opened. Two
/// runs at once, or a run repeated, open nothing twice: the second save of the same round is refused.
/// </summary>
internal sealed class RoundRun(
    IDbContextFactory<WellbeingDbContext> dbFactory, IOrganisationDirectory units, IPeopleSelection people, IReminders reminders, TimeProvider clock)
{
    public const string RecurringJobId = "wellbeing-rounds";

    public const string Category = "Wellbeing.CheckIns";

    public static readonly IReadOnlyList<TimeSpan> ReminderOffsets = [TimeSpan.Zero, TimeSpan.FromDays(3), TimeSpan.FromDays(5)];

    public static RemindedThing Thing(Guid roundId) => new("Wellbeing.Round", roundId);

    /// <summary>Opens what is due and hands its invitations to the notifications module; returns how many rounds opened.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var opened = await OpenDueAsync(cancellationToken);
        await PlanInvitationsAsync(cancellationToken);
        return opened;
    }

    private async Task<int> OpenDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DailyRuns.DayOf(now);
        await using var db = dbFactory.CreateDbContext();
        var due = await db.Schedules.Where(s => !s.Paused && s.NextOpensOn <= today).Select(s => s.Id).ToListAsync(cancellationToken);
        var scheduledUnits = (await db.Schedules.Select(s => s.UnitId).ToListAsync(cancellationToken)).ToHashSet();
        var opened = 0;
        foreach (var id in due)
        {
            await using var roundDb = dbFactory.CreateDbContext();
            var schedule = await roundDb.Schedules.SingleAsync(s => s.Id == id, cancellationToken);
            var members = await MembersAsync(schedule.UnitId, scheduledUnits, cancellationToken);
            var round = new CheckInRound
            {
                ScheduleId = schedule.Id, UnitId = schedule.UnitId, InstrumentCode = schedule.InstrumentCode, OpensOn = schedule.NextOpensOn,
                OpensAt = now, ClosesAt = now + CheckInRound.OpenFor,
            };
            roundDb.Rounds.Add(round);
            roundDb.Invitations.AddRange(members.Select(p => new RoundInvitation
            {
                RoundId = round.Id, PersonId = p.Id, UnitId = p.HomeUnitId!.Value, PositionTypeId = p.PositionTypeId, State = InvitationState.Invited,
            }));
            schedule.Opened(today);
            try
            {
                await roundDb.SaveChangesAsync(cancellationToken);
                opened++;
            }
            catch (DbUpdateException)
            {
                // Another run opened this round a moment ago (the schedule's version moved on, or the round exists).
            }
        }
        return opened;
    }

    /// <summary>Active people of the unit and under it, leaving out the subtrees of units with a schedule of their own.</summary>
    private async Task<IReadOnlyList<SelectedPerson>> MembersAsync(Guid unitId, IReadOnlySet<Guid> scheduledUnits, CancellationToken cancellationToken)
    {
        var subtree = (await units.GetUnitsInAsync(UnitScope.Under([unitId]), cancellationToken)).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        bool Owned(Guid id)
        {
            for (var current = subtree[id]; ; current = subtree[current.ParentId!.Value])
            {
                if (current.Id == unitId)
                {
                    return true;
                }
                if (scheduledUnits.Contains(current.Id) || current.ParentId is not { } parent || !subtree.ContainsKey(parent))
                {
                    return false;
                }
            }
        }
        var owned = subtree.Keys.Where(Owned).ToList();
        return (await people.FindAsync(new PeopleCriteria(HomeUnitIds: owned, ActiveOnly: true), cancellationToken))
            .Where(p => p.HomeUnitId is not null).ToList();
    }

    /// <summary>
    /// Invitations not yet handed over become reminders: at once, after 3 and after 5 days. Each is marked as it is planned,
    /// so a run that stops half-way leaves the rest to the next.
    /// </summary>
    private async Task PlanInvitationsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = dbFactory.CreateDbContext();
        var waiting = await db.Invitations
            .Where(i => i.RemindersPlannedAt == null && i.State == InvitationState.Invited)
            .Join(db.Rounds, i => i.RoundId, r => r.Id, (i, r) => new { Invitation = i, Round = r })
            .ToListAsync(cancellationToken);
        foreach (var item in waiting.Where(w => w.Round.ClosesAt > now))
        {
            var closes = DailyRuns.DayOf(item.Round.ClosesAt.AddTicks(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // The invitation goes out now (a minute on, so it is not taken for one whose time has passed), the reminders as planned.
            var offsets = ReminderOffsets.Select(o => o == TimeSpan.Zero ? now - item.Round.OpensAt + TimeSpan.FromMinutes(1) : o).ToList();
            await reminders.ScheduleAsync(new ReminderPlan(item.Invitation.PersonId, Thing(item.Round.Id), item.Round.OpensAt, offsets, Category,
                new NotificationText("Notification:CheckInOpen", closes), $"/wellbeing/check-ins/{item.Round.Id}"), cancellationToken);
            item.Invitation.RemindersPlannedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
