using TrainingHub.Learning.Domain;
using TrainingHub.Notifications.Contracts;

namespace TrainingHub.Learning.Services;

/// <summary>Reminds a learner a week before a course is due, on the day and three days after, until they finish or are withdrawn.</summary>
internal sealed class EnrolmentReminders(IReminders reminders)
{
    public const string Category = "Learning.Enrolments";

    public static RemindedThing Thing(Guid enrolmentId) => new("Learning.Enrolment", enrolmentId);

    public Task PlanAsync(Enrolment enrolment, string courseTitle, CancellationToken cancellationToken) =>
        enrolment.DueAt is { } due
            ? reminders.ScheduleAsync(new ReminderPlan(
                enrolment.PersonId, Thing(enrolment.Id), due, EnrolmentRules.ReminderOffsets, Category,
                new NotificationText("Notification:CourseDue", courseTitle, EnrolmentRules.DueDay(due).ToString("yyyy-MM-dd")),
                $"/learning/courses/{enrolment.CourseId}"), cancellationToken)
            : Task.CompletedTask;

    public Task CancelAsync(Enrolment enrolment, CancellationToken cancellationToken) =>
        enrolment.DueAt is null ? Task.CompletedTask : reminders.CancelAsync(Thing(enrolment.Id), enrolment.PersonId, cancellationToken);
}
