using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Data;
using TrainingHub.Notifications.Delivery;
using TrainingHub.Notifications.Domain;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.Notifications.DemoData;

/// <summary>A few notifications for the demo learner, so the bell has something to show. No e-mail is sent for them.</summary>
internal sealed class DemoNotifications(
    IDbContextFactory<NotificationsDbContext> dbFactory, IPeopleLookup people, IConfiguration configuration, TimeProvider clock) : IModuleInitializer
{
    public const string LearnerEmail = "learner@traininghub.example";

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Enabled"))
        {
            return;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.Notifications.AnyAsync(cancellationToken)
            || await people.FindByEmailAsync(LearnerEmail, cancellationToken) is not { } learner)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.AddRange(
            Demo(learner, "Notification:Welcome", "/", now.AddDays(-2), read: true, learner.FullName),
            Demo(learner, "Notification:ChooseLanguage", "/account/manage", now.AddHours(-5), read: false),
            Demo(learner, "Notification:ChooseEmail", "/notifications/preferences", now.AddMinutes(-20), read: false));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Notification Demo(PersonContact person, string key, string link, DateTime at, bool read, params string[] arguments) => new()
    {
        PersonId = person.Id, Category = NotificationsModule.GeneralCategory, MessageKey = key,
        Arguments = NotificationTexts.WriteArguments(arguments), Link = link, CreatedAtUtc = at, ReadAtUtc = read ? at.AddHours(1) : null,
    };
}
