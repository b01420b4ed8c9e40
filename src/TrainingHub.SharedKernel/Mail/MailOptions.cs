using System.Diagnostics.CodeAnalysis;

namespace TrainingHub.SharedKernel.Mail;

public enum SmtpSecurity
{
    /// <summary>TLS when the server offers it.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Bound from the <c>Mail</c> section. Without <c>Mail:Smtp:Host</c> messages are written as .eml files.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromAddress { get; set; } = "traininghub@localhost";

    public string FromName { get; set; } = "TrainingHub";

    /// <summary>The app's public address, for links in messages.</summary>
    public string? PublicBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    [MemberNotNullWhen(true, nameof(UserName))]
    public bool HasCredentials => !string.IsNullOrEmpty(UserName);
}
