using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Jobs;

namespace TrainingHub.Pathways.Certificates;

/// <summary>
/// As certificate events are delivered: the holder is told of a new certificate and reminded 60, 30 and 7 days before
/// it expires (with what renewing it asks, where its stage asks something); a revoked one stops its reminders and the
/// holder is told; a renewed one stops its reminders, the holder is told and the new one's reminders are planned.
/// </summary>
internal sealed class CertificateNotices(INotifier notifier, IReminders reminders, IDbContextFactory<PathwaysDbContext> dbFactory, ILearningRecords learning)
    : IIntegrationEventHandler<CertificateIssued>, IIntegrationEventHandler<CertificateRevoked>, IIntegrationEventHandler<CertificateRenewed>
{
    public const string Category = "Pathways.Certificates";

    public const string Link = "/pathways/my";

    /// <summary>Before expiry, at nine in the morning Kyiv time.</summary>
    public static readonly IReadOnlyList<TimeSpan> ExpiryOffsets = [TimeSpan.FromDays(-60), TimeSpan.FromDays(-30), TimeSpan.FromDays(-7)];

    public static RemindedThing Thing(Guid certificateId) => new("Pathways.Certificate", certificateId);

    public async Task HandleAsync(CertificateIssued issued, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        await notifier.NotifyAsync(issued.PersonId, Category, new NotificationText("Notification:CertificateIssued", issued.Number), Link, cancellationToken);
        await RemindAsync(issued.CertificateId, issued.PersonId, issued.Number, issued.ValidUntil, cancellationToken);
    }

    public async Task HandleAsync(CertificateRevoked revoked, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        await reminders.CancelAsync(Thing(revoked.CertificateId), cancellationToken: cancellationToken);
        await notifier.NotifyAsync(revoked.PersonId, Category, new NotificationText("Notification:CertificateRevoked", revoked.Number), Link, cancellationToken);
    }

    public async Task HandleAsync(CertificateRenewed renewed, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        await reminders.CancelAsync(Thing(renewed.CertificateId), cancellationToken: cancellationToken);
        var text = renewed.ValidUntil is { } until
            ? new NotificationText("Notification:CertificateRenewed", renewed.Number, renewed.NewNumber, Day(until))
            : new NotificationText("Notification:CertificateRenewedForGood", renewed.Number, renewed.NewNumber);
        await notifier.NotifyAsync(renewed.PersonId, Category, text, Link, cancellationToken);
        await RemindAsync(renewed.RenewedWithId, renewed.PersonId, renewed.NewNumber, renewed.ValidUntil, cancellationToken);
    }

    /// <summary>Plans the reminders of a certificate that expires, saying what renewing it asks as its stage says now.</summary>
    private async Task RemindAsync(Guid certificateId, Guid personId, string number, DateOnly? validUntil, CancellationToken cancellationToken)
    {
        if (validUntil is not { } until)
        {
            return;
        }
        var text = await RenewalOf(certificateId, cancellationToken) is { AsksAnything: true } renewal
            ? await RenewalTextAsync(number, until, renewal, cancellationToken)
            : new NotificationText("Notification:CertificateExpires", number, Day(until));
        await reminders.ScheduleAsync(
            new ReminderPlan(personId, Thing(certificateId), DailyRuns.At(until, new TimeOnly(9, 0)), ExpiryOffsets, Category, text, Link), cancellationToken);
    }

    private async Task<RenewalRequirement?> RenewalOf(Guid certificateId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var asked = await (
                from certificate in db.Certificates
                where certificate.Id == certificateId
                join template in db.Templates on certificate.TemplateCode equals template.Code
                join stage in db.Stages on template.Id equals stage.TemplateId
                where stage.Position == certificate.Stage
                select new { stage.RenewalCpdHours, stage.RenewalCourseId })
            .AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return asked is null ? null : new RenewalRequirement(asked.RenewalCpdHours, asked.RenewalCourseId);
    }

    /// <summary>The reminder naming the hours, the course or both (either suffices); a course that is gone is named as such.</summary>
    private async Task<NotificationText> RenewalTextAsync(string number, DateOnly until, RenewalRequirement renewal, CancellationToken cancellationToken)
    {
        var hours = renewal.CpdHours?.ToString("0.##", CultureInfo.InvariantCulture);
        var course = renewal.CourseId is { } courseId ? (await learning.FindCoursesAsync([courseId], cancellationToken)).FirstOrDefault()?.Title ?? "—" : null;
        return (hours, course) switch
        {
            ({ } h, { } c) => new NotificationText("Notification:CertificateExpiresRenewEither", number, Day(until), h, c),
            ({ } h, null) => new NotificationText("Notification:CertificateExpiresRenewHours", number, Day(until), h),
            _ => new NotificationText("Notification:CertificateExpiresRenewCourse", number, Day(until), course!),
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
