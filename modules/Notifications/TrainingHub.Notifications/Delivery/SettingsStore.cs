using Microsoft.EntityFrameworkCore;
using TrainingHub.Notifications.Data;
using TrainingHub.Notifications.Domain;

namespace TrainingHub.Notifications.Delivery;

internal static class SettingsStore
{
    /// <summary>The person's settings, or the defaults when they never chose.</summary>
    public static async Task<NotificationSettings> SettingsOfAsync(this NotificationsDbContext db, Guid personId, CancellationToken cancellationToken) =>
        await db.Settings.AsNoTracking().Include(s => s.Categories).SingleOrDefaultAsync(s => s.PersonId == personId, cancellationToken)
        ?? NotificationSettings.Default(personId);
}
