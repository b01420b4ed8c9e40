using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Notifications.Data;
using TrainingHub.Notifications.Delivery;
using TrainingHub.Notifications.DemoData;
using TrainingHub.Notifications.Domain;
using TrainingHub.Notifications.Inbox;
using TrainingHub.Notifications.Pages;
using TrainingHub.Notifications.Preferences;
using TrainingHub.Notifications.Reminders;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Notifications;

[LocalizationResource("Notifications")]
public sealed class NotificationsResource;

/// <summary>
/// What the app tells each person: a list with a bell in the app bar, e-mail as each person chose per category
/// (at once outside quiet hours, or in a daily digest), and reminders other modules plan around due times.
/// </summary>
public sealed class NotificationsModule : TrainingHubModule
{
    /// <summary>News about TrainingHub itself, such as a welcome.</summary>
    public const string GeneralCategory = "Notifications.General";

    public override string Name => "Notifications";

    public override IEnumerable<Type> AppBarItems => [typeof(NotificationBell)];

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<NotificationsDbContext, NotificationsSqliteDbContext, NotificationsPostgreSqlDbContext>(NotificationsDbContext.Schema);
        services.AddMailOutbox<NotificationsDbContext>();
        services.AddNotificationCategory(new NotificationCategory(GeneralCategory, typeof(NotificationsResource)));
        services.AddSingleton<NotificationTexts>();
        services.AddSingleton<NotificationMail>();
        services.AddSingleton<NotificationDelivery>();
        services.AddSingleton<INotifier, Notifier>();
        services.AddSingleton<IReminders, ReminderSchedule>();
        services.AddTransient<ReminderRun>();
        services.AddTransient<DailyDigest>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationPreferences>();
        services.AddSingleton<IModuleInitializer, DemoNotifications>();
    }

    public override void ScheduleJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<ReminderRun>(ReminderRun.RecurringJobId, r => r.SendDueAsync(CancellationToken.None), Cron.Minutely());
        // At eight in Kyiv, when the default quiet hours end; people with other quiet hours get it when theirs end.
        jobs.AddOrUpdate<DailyDigest>(DailyDigest.RecurringJobId, d => d.SendAsync(CancellationToken.None), Cron.Daily(8),
            new RecurringJobOptions { TimeZone = TimeZones.Find(NotificationSettings.DefaultTimeZone) });
    }
}
