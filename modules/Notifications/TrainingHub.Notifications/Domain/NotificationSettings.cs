using TrainingHub.Notifications.Contracts;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Notifications.Domain;

/// <summary>A person's own choices about notifications; people who never chose get <see cref="Default"/>.</summary>
internal sealed class NotificationSettings : IHasVersion
{
    public const string DefaultTimeZone = "Europe/Kyiv";
    public static readonly TimeOnly DefaultQuietFrom = new(21, 0);
    public static readonly TimeOnly DefaultQuietUntil = new(8, 0);

    public Guid PersonId { get; set; }

    /// <summary>An IANA time zone, such as Europe/Kyiv; quiet hours and times on screen follow it.</summary>
    public string TimeZoneId { get; set; } = DefaultTimeZone;

    /// <summary>No e-mail goes out from this local time…</summary>
    public TimeOnly QuietFrom { get; set; } = DefaultQuietFrom;

    /// <summary>…until this one (the next morning when it is earlier). Equal times mean no quiet hours.</summary>
    public TimeOnly QuietUntil { get; set; } = DefaultQuietUntil;

    public List<CategoryChoice> Categories { get; set; } = [];

    public Guid Version { get; set; }

    public static NotificationSettings Default(Guid personId) => new() { PersonId = personId };

    public EmailDelivery EmailFor(NotificationCategory category) =>
        Categories.FirstOrDefault(c => c.Category == category.Name)?.Email ?? category.DefaultEmail;

    public QuietHours QuietHours => new(TimeZones.Find(TimeZoneId), QuietFrom, QuietUntil);
}

/// <summary>How one category reaches the person by e-mail.</summary>
internal sealed class CategoryChoice
{
    public Guid PersonId { get; set; }

    public required string Category { get; set; }

    public EmailDelivery Email { get; set; }
}
