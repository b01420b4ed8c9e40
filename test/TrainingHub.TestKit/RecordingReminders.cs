using TrainingHub.Notifications.Contracts;

namespace TrainingHub.TestKit;

/// <summary>Stands in for the notifications module's reminders: records what a module planned and cancelled.</summary>
public sealed class RecordingReminders : IReminders
{
    public List<ReminderPlan> Plans { get; } = [];

    public List<(RemindedThing Thing, Guid? PersonId)> Cancelled { get; } = [];

    public Task ScheduleAsync(ReminderPlan plan, CancellationToken cancellationToken = default)
    {
        Plans.Add(plan);
        return Task.CompletedTask;
    }

    public Task CancelAsync(RemindedThing thing, Guid? personId = null, CancellationToken cancellationToken = default)
    {
        Cancelled.Add((thing, personId));
        return Task.CompletedTask;
    }
}
