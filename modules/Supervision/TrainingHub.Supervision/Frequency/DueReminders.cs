using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Frequency;

/// <summary>The due day a supervisee's reminders were last planned for, and whose supervisor was told.</summary>
[OrdinaryData]
internal sealed class DueReminderState
{
    public Guid PersonId { get; set; }

    public Guid SupervisorId { get; set; }

    public DateOnly DueOn { get; set; }
}

/// <summary>
/// Every hour, keeps supervision reminders in step with the due dates: the supervisee hears three days before their
/// next supervision is due and the day after it passes; their supervisor hears the same and again a week late. Only
/// people whose due day or supervisor changed since the last run are planned anew, so a quiet hour costs one query;
/// people without a supervisor any more lose their unsent reminders.
/// </summary>
internal sealed class DueReminders(
    IDbContextFactory<SupervisionDbContext> dbFactory, SupervisionDue dueDates, IReminders reminders, IPeopleSelection people, TimeProvider clock)
{
    public const string RecurringJobId = "supervision-due-reminders";

    public const string Category = "Supervision.Due";

    /// <summary>Reminders go out at nine in the morning, Kyiv time.</summary>
    public static readonly TimeSpan SendAt = TimeSpan.FromHours(9);

    public static readonly IReadOnlyList<TimeSpan> SuperviseeOffsets = [TimeSpan.FromDays(-3), TimeSpan.FromDays(1)];

    public static readonly IReadOnlyList<TimeSpan> SupervisorOffsets = [TimeSpan.FromDays(-3), TimeSpan.FromDays(1), TimeSpan.FromDays(7)];

    public static RemindedThing Thing(Guid personId) => new("Supervision.Due", personId);

    /// <summary>Plans what changed; returns how many supervisees' reminders were planned or cancelled.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DailyRuns.DayOf(now);
        await using var db = dbFactory.CreateDbContext();
        var supervisorOf = (await db.Assignments.AsNoTracking()
                .Where(a => a.Role == AssignmentRole.Supervisor && a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today))
                .Select(a => new { a.PersonId, a.AssigneeId }).ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.First().AssigneeId);
        var due = await dueDates.ForAsync(db, supervisorOf.Keys, now, today, cancellationToken);
        var states = await db.DueReminders.ToDictionaryAsync(s => s.PersonId, cancellationToken);
        var changed = supervisorOf
            .Where(s => !states.TryGetValue(s.Key, out var state) || state.SupervisorId != s.Value || state.DueOn != due[s.Key].NextDue)
            .ToList();
        var names = changed.Count == 0 ? [] : (await people.FindAsync(new PeopleCriteria(PersonIds: [.. changed.Select(c => c.Key)]), cancellationToken))
            .ToDictionary(p => p.Id, p => p.FullName);
        foreach (var (personId, supervisorId) in changed)
        {
            var dueOn = due[personId].NextDue;
            if (states.GetValueOrDefault(personId) is { } state && state.SupervisorId != supervisorId)
            {
                await reminders.CancelAsync(Thing(personId), state.SupervisorId, cancellationToken);
            }
            await PlanAsync(personId, supervisorId, names.GetValueOrDefault(personId, "?"), dueOn, cancellationToken);
            var saved = states.GetValueOrDefault(personId) ?? db.DueReminders.Add(new DueReminderState { PersonId = personId }).Entity;
            (saved.SupervisorId, saved.DueOn) = (supervisorId, dueOn);
            // Saved person by person: a run that stops half-way leaves the rest to the next hour, not all of it.
            await db.SaveChangesAsync(cancellationToken);
        }
        var gone = states.Values.Where(s => !supervisorOf.ContainsKey(s.PersonId)).ToList();
        foreach (var state in gone)
        {
            await reminders.CancelAsync(Thing(state.PersonId), null, cancellationToken);
            db.DueReminders.Remove(state);
            await db.SaveChangesAsync(cancellationToken);
        }
        return changed.Count + gone.Count;
    }

    private async Task PlanAsync(Guid personId, Guid supervisorId, string name, DateOnly dueOn, CancellationToken cancellationToken)
    {
        var dueAt = KyivTime.FromKyiv(dueOn.ToDateTime(TimeOnly.MinValue), SendAt);
        var day = dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await reminders.ScheduleAsync(new ReminderPlan(personId, Thing(personId), dueAt, SuperviseeOffsets, Category,
            new NotificationText("Notification:SupervisionDue", day), "/supervision/sessions"), cancellationToken);
        await reminders.ScheduleAsync(new ReminderPlan(supervisorId, Thing(personId), dueAt, SupervisorOffsets, Category,
            new NotificationText("Notification:SuperviseeDue", name, day), "/supervision/my-people"), cancellationToken);
    }
}
