namespace TrainingHub.Notifications.Contracts;

/// <summary>The thing a reminder is about, such as <c>("Supervision.Session", id)</c>.</summary>
public sealed record RemindedThing(string Type, Guid Id);

/// <summary>
/// "Remind <see cref="PersonId"/> about <see cref="Thing"/> at these offsets from its due time." Each offset becomes one
/// notification: <c>-7 days</c> a week before, <c>0</c> at the due time, <c>+3 days</c> three days late.
/// </summary>
public sealed record ReminderPlan(
    Guid PersonId,
    RemindedThing Thing,
    DateTimeOffset DueAt,
    IReadOnlyList<TimeSpan> Offsets,
    string Category,
    NotificationText Text,
    string? Link = null);

/// <summary>
/// Reminders sent as notifications when due, each exactly once even when the reminder job runs on several nodes.
/// </summary>
public interface IReminders
{
    /// <summary>
    /// Replaces the person's unsent reminders about the thing with the plan. Offsets whose time has already passed
    /// are left out, so a late plan does not send a burst of old reminders.
    /// </summary>
    Task ScheduleAsync(ReminderPlan plan, CancellationToken cancellationToken = default);

    /// <summary>Cancels every unsent reminder about the thing (for everyone, or for one person), for example when it is done.</summary>
    Task CancelAsync(RemindedThing thing, Guid? personId = null, CancellationToken cancellationToken = default);
}
