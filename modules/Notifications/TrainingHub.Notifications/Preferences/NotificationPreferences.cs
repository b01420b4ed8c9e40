using Microsoft.EntityFrameworkCore;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Notifications.Data;
using TrainingHub.Notifications.Delivery;
using TrainingHub.Notifications.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Notifications.Preferences;

/// <summary>The preferences form: one e-mail choice per category, the time zone and the quiet hours.</summary>
internal sealed class PreferencesInput
{
    public string TimeZoneId { get; set; } = NotificationSettings.DefaultTimeZone;

    public TimeOnly QuietFrom { get; set; } = NotificationSettings.DefaultQuietFrom;

    public TimeOnly QuietUntil { get; set; } = NotificationSettings.DefaultQuietUntil;

    public Dictionary<string, EmailDelivery> Email { get; set; } = [];

    public Guid Version { get; set; }
}

/// <summary>The signed-in person's own notification preferences; nobody changes anyone else's.</summary>
internal sealed class NotificationPreferences(IDbContextFactory<NotificationsDbContext> dbFactory, ICurrentUser currentUser, NotificationTexts texts)
{
    public IReadOnlyList<NotificationCategory> Categories => texts.Categories;

    public string NameOf(NotificationCategory category) => texts.NameOf(category);

    public async Task<Result<PreferencesInput>> GetAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        var settings = await db.SettingsOfAsync(me, cancellationToken);
        return new PreferencesInput
        {
            TimeZoneId = settings.TimeZoneId,
            QuietFrom = settings.QuietFrom,
            QuietUntil = settings.QuietUntil,
            Email = Categories.ToDictionary(c => c.Name, settings.EmailFor),
            Version = settings.Version,
        };
    }

    public async Task<Result> SaveAsync(PreferencesInput input, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return Error.Forbidden;
        }
        if (!TimeZones.Exists(input.TimeZoneId))
        {
            return Error.Validation(nameof(PreferencesInput.TimeZoneId), "Preferences:Error:TimeZone");
        }
        if (input.Email.Keys.FirstOrDefault(k => Categories.All(c => c.Name != k)) is not null
            || input.Email.Values.Any(v => !Enum.IsDefined(v)))
        {
            return Error.Validation(nameof(PreferencesInput.Email), "Preferences:Error:Category");
        }
        await using var db = dbFactory.CreateDbContext();
        var settings = await db.Settings.Include(s => s.Categories).SingleOrDefaultAsync(s => s.PersonId == me, cancellationToken);
        if (settings is null)
        {
            settings = NotificationSettings.Default(me);
            db.Settings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = input.Version;
        }
        settings.TimeZoneId = input.TimeZoneId;
        settings.QuietFrom = input.QuietFrom;
        settings.QuietUntil = input.QuietUntil;
        foreach (var (category, email) in input.Email)
        {
            var choice = settings.Categories.FirstOrDefault(c => c.Category == category);
            if (choice is null)
            {
                settings.Categories.Add(new CategoryChoice { PersonId = me, Category = category, Email = email });
            }
            else
            {
                choice.Email = email;
            }
        }
        // The version changes with every save, including one that only changes a category choice.
        db.Entry(settings).State = db.Entry(settings).State == EntityState.Added ? EntityState.Added : EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict;
        }
        input.Version = settings.Version;
        return Result.Success();
    }
}
