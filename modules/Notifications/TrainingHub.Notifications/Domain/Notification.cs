namespace TrainingHub.Notifications.Domain;

/// <summary>Something a person was told. Its text is kept as a key and arguments, so each reader sees it in their language.</summary>
internal sealed class Notification
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public required string Category { get; set; }

    public required string MessageKey { get; set; }

    /// <summary>The text's arguments as a JSON array of strings.</summary>
    public string Arguments { get; set; } = "[]";

    /// <summary>A path in the app, or null.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    /// <summary>True while the notification waits for the person's daily digest e-mail.</summary>
    public bool AwaitsDigest { get; set; }

    /// <summary>The digest e-mail (its outbox id) that listed this notification.</summary>
    public Guid? DigestMailId { get; set; }
}
